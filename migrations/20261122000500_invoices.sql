-- Invoices and credit notes: the business profile fields an invoice shows,
-- gapless number series per kind and year, and the issued documents as
-- frozen snapshots. Issued documents are never updated or deleted.

ALTER TABLE business ADD COLUMN legal_name TEXT NOT NULL DEFAULT '';
ALTER TABLE business ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE business ADD COLUMN tax_id TEXT NOT NULL DEFAULT '';
ALTER TABLE business ADD COLUMN bank_details TEXT NOT NULL DEFAULT '';
ALTER TABLE business ADD COLUMN payment_terms_days INTEGER NOT NULL DEFAULT 14
    CHECK (payment_terms_days BETWEEN 0 AND 365);
ALTER TABLE business ADD COLUMN invoice_footer TEXT NOT NULL DEFAULT '';
ALTER TABLE business ADD COLUMN paper_size TEXT NOT NULL DEFAULT 'a4' CHECK (paper_size IN ('a4', 'letter'));
ALTER TABLE business ADD COLUMN number_locale TEXT NOT NULL DEFAULT 'en' CHECK (number_locale IN ('en', 'de', 'fr'));
ALTER TABLE business ADD COLUMN invoice_prefix TEXT NOT NULL DEFAULT 'INV';
ALTER TABLE business ADD COLUMN credit_note_prefix TEXT NOT NULL DEFAULT 'CN';
-- The current logo; NULL for none. Logos are kept (never replaced in place)
-- because issued invoices refer to the one they were issued with.
ALTER TABLE business ADD COLUMN logo_id INTEGER REFERENCES business_logos (id);

CREATE TABLE business_logos (
    id          INTEGER PRIMARY KEY,
    mime        TEXT    NOT NULL CHECK (mime IN ('image/png', 'image/jpeg')),
    width       INTEGER NOT NULL CHECK (width > 0),
    height      INTEGER NOT NULL CHECK (height > 0),
    bytes       BLOB    NOT NULL,
    created_at  TEXT    NOT NULL
);

-- The last number handed out per kind and year. Incremented inside the
-- issuing transaction, so a rolled-back issue leaves no gap.
CREATE TABLE invoice_series (
    kind        TEXT    NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
    year        INTEGER NOT NULL,
    last_number INTEGER NOT NULL CHECK (last_number > 0),
    PRIMARY KEY (kind, year)
);

CREATE TABLE invoices (
    id                  INTEGER PRIMARY KEY,
    kind                TEXT    NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
    number              TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    year                INTEGER NOT NULL,
    sequence            INTEGER NOT NULL CHECK (sequence > 0),
    order_id            INTEGER NOT NULL REFERENCES orders (id),
    -- For a credit note: the invoice it corrects.
    invoice_id          INTEGER REFERENCES invoices (id),
    issued_on           TEXT    NOT NULL,
    due_on              TEXT    NOT NULL,
    currency            TEXT    NOT NULL CHECK (length(currency) = 3),
    -- Order currency, INTEGER ten-thousandths; a credit note's are positive.
    amount_net          INTEGER NOT NULL,
    amount_tax          INTEGER NOT NULL,
    amount_total        INTEGER NOT NULL,
    customer_name       TEXT    NOT NULL,
    -- Seller, buyer, lines, taxes and totals as issued (JSON).
    snapshot            TEXT    NOT NULL,
    actor_name          TEXT    NOT NULL,
    created_at          TEXT    NOT NULL,
    UNIQUE (kind, year, sequence),
    CHECK ((kind = 'invoice') = (invoice_id IS NULL))
);
-- One invoice per order; any number of credit notes.
CREATE UNIQUE INDEX invoices_one_per_order ON invoices (order_id) WHERE kind = 'invoice';
CREATE INDEX invoices_by_order ON invoices (order_id);
-- A credit note's invoice: the list sums each invoice's credit notes.
CREATE INDEX invoices_by_invoice ON invoices (invoice_id) WHERE invoice_id IS NOT NULL;
CREATE INDEX invoices_by_date ON invoices (kind, issued_on, id);
