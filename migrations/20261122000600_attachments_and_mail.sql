-- PDFs attached to orders, and the outbox of e-mail waiting to be sent.
-- File bytes never live in the database: they are kept content-addressed
-- under `attachments/<first two hex digits>/<sha256>.pdf` in the data folder,
-- so the same bytes are stored once and a removed attachment loses nothing.

CREATE TABLE order_attachments (
    id           INTEGER PRIMARY KEY,
    order_id     INTEGER NOT NULL REFERENCES orders (id),
    file_name    TEXT    NOT NULL CHECK (length(trim(file_name)) > 0),
    size_bytes   INTEGER NOT NULL CHECK (size_bytes > 0),
    pages        INTEGER NOT NULL CHECK (pages > 0),
    sha256       TEXT    NOT NULL CHECK (length(sha256) = 64),
    attached_by  TEXT    NOT NULL,
    attached_at  TEXT    NOT NULL,
    -- Soft removal: the row and the file stay; lists leave it out.
    removed_by   TEXT,
    removed_at   TEXT
);
CREATE INDEX order_attachments_by_order ON order_attachments (order_id, removed_at);

-- E-mail waits here until the SMTP server took it: pending → sent, or
-- failed when the server refused it for good. The SMTP password is never
-- stored here (it lives in the OS keyring).
CREATE TABLE mail_outbox (
    id                INTEGER PRIMARY KEY,
    recipient         TEXT    NOT NULL CHECK (length(trim(recipient)) > 0),
    subject           TEXT    NOT NULL,
    body              TEXT    NOT NULL,
    -- One optional PDF, content-addressed like attachments.
    attachment_name   TEXT,
    attachment_sha256 TEXT    CHECK (attachment_sha256 IS NULL OR length(attachment_sha256) = 64),
    status            TEXT    NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    attempts          INTEGER NOT NULL DEFAULT 0,
    next_attempt_at   TEXT    NOT NULL,
    last_error        TEXT,
    queued_by         TEXT    NOT NULL,
    created_at        TEXT    NOT NULL,
    sent_at           TEXT,
    CHECK ((attachment_name IS NULL) = (attachment_sha256 IS NULL))
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
