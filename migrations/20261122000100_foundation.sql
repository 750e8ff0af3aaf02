-- Foundation: the business, its staff, sign-in throttling and the history
-- of every change. Timestamps are RFC 3339 UTC text; money columns (later)
-- are INTEGER ten-thousandths.

-- The business this book belongs to: one row, created by the first-run setup.
CREATE TABLE business (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    name              TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    base_currency     TEXT    NOT NULL CHECK (length(base_currency) = 3),
    idle_lock_minutes INTEGER NOT NULL DEFAULT 15 CHECK (idle_lock_minutes BETWEEN 1 AND 240),
    notes             TEXT    NOT NULL DEFAULT '',
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL
);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    username      TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    role          TEXT    NOT NULL CHECK (role IN ('owner', 'manager', 'clerk')),
    password_hash TEXT    NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    notes         TEXT    NOT NULL DEFAULT '',
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    deleted_at    TEXT
);

-- Failed sign-ins per typed username (known or not), so that restarting the
-- app does not reset the wait.
CREATE TABLE login_failures (
    username      TEXT    PRIMARY KEY COLLATE NOCASE,
    failures      INTEGER NOT NULL,
    blocked_until TEXT
);

-- Who did what, when, to which record: before and after as JSON.
CREATE TABLE history (
    id            INTEGER PRIMARY KEY,
    at            TEXT    NOT NULL,
    actor_user_id INTEGER REFERENCES users (id),
    actor_name    TEXT    NOT NULL,
    entity        TEXT    NOT NULL,
    entity_id     INTEGER,
    action        TEXT    NOT NULL,
    before        TEXT,
    after         TEXT
);
CREATE INDEX history_by_entity ON history (entity, entity_id, at);
