-- Order lifecycle: customers, products with price history and stock
-- movements, exchange rates, orders and their lines, payments, and the
-- shipping-event outbox. Money columns are INTEGER ten-thousandths of the
-- currency unit; tax rates are INTEGER ten-thousandths of a percent;
-- exchange rates are decimal TEXT (exact, never a float).

CREATE TABLE customers (
    id               INTEGER PRIMARY KEY,
    name             TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    email            TEXT    NOT NULL DEFAULT '',
    phone            TEXT    NOT NULL DEFAULT '',
    billing_address  TEXT    NOT NULL DEFAULT '',
    shipping_address TEXT    NOT NULL DEFAULT '',
    vip              INTEGER NOT NULL DEFAULT 0 CHECK (vip IN (0, 1)),
    -- In the base currency; NULL means no limit.
    credit_limit     INTEGER CHECK (credit_limit IS NULL OR credit_limit >= 0),
    currency         TEXT    NOT NULL CHECK (length(currency) = 3),
    -- Derived (orders::credit): unshipped placed/processing totals, base currency.
    balance          INTEGER NOT NULL DEFAULT 0,
    notes            TEXT    NOT NULL DEFAULT '',
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    deleted_at       TEXT
);
CREATE INDEX customers_by_name ON customers (name COLLATE NOCASE);

CREATE TABLE products (
    id              INTEGER PRIMARY KEY,
    sku             TEXT    NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(sku)) > 0),
    name            TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    unit_price      INTEGER NOT NULL CHECK (unit_price >= 0),
    cost            INTEGER NOT NULL CHECK (cost >= 0),
    tax_rate        INTEGER NOT NULL CHECK (tax_rate >= 0),
    stock           INTEGER NOT NULL,
    reorder_level   INTEGER NOT NULL DEFAULT 0 CHECK (reorder_level >= 0),
    allow_backorder INTEGER NOT NULL DEFAULT 0 CHECK (allow_backorder IN (0, 1)),
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    notes           TEXT    NOT NULL DEFAULT '',
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    deleted_at      TEXT,
    CHECK (stock >= 0 OR allow_backorder = 1)
);
CREATE INDEX products_by_name ON products (name COLLATE NOCASE);

-- Every price and cost a product has had, from when.
CREATE TABLE product_prices (
    id          INTEGER PRIMARY KEY,
    product_id  INTEGER NOT NULL REFERENCES products (id),
    valid_from  TEXT    NOT NULL,
    unit_price  INTEGER NOT NULL,
    cost        INTEGER NOT NULL,
    actor_name  TEXT    NOT NULL
);
CREATE INDEX product_prices_by_product ON product_prices (product_id, valid_from);

-- Every change to stock on hand, with its reason.
CREATE TABLE stock_movements (
    id          INTEGER PRIMARY KEY,
    product_id  INTEGER NOT NULL REFERENCES products (id),
    delta       INTEGER NOT NULL CHECK (delta <> 0),
    reason      TEXT    NOT NULL CHECK (reason IN ('order', 'order_change', 'line_cancelled', 'order_cancelled',
                                                   'return', 'recount', 'damage', 'delivery_received')),
    order_id    INTEGER REFERENCES orders (id),
    note        TEXT    NOT NULL DEFAULT '',
    actor_name  TEXT    NOT NULL,
    at          TEXT    NOT NULL
);
CREATE INDEX stock_movements_by_product ON stock_movements (product_id, at);

-- Units of base currency one unit of `currency` buys, from a date on.
CREATE TABLE exchange_rates (
    currency    TEXT NOT NULL CHECK (length(currency) = 3),
    valid_from  TEXT NOT NULL,
    rate        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (currency, valid_from)
);

CREATE TABLE orders (
    id                    INTEGER PRIMARY KEY,
    number                TEXT    NOT NULL UNIQUE,
    customer_id           INTEGER NOT NULL REFERENCES customers (id),
    status                TEXT    NOT NULL CHECK (status IN ('draft', 'placed', 'processing', 'shipped',
                                                             'delivered', 'cancelled')),
    currency              TEXT    NOT NULL CHECK (length(currency) = 3),
    -- Frozen when placed (decimal text); 1 for the base currency.
    exchange_rate         TEXT    NOT NULL,
    payment_method        TEXT    NOT NULL CHECK (payment_method IN ('cash', 'card', 'bank_transfer', 'other')),
    urgent                INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),
    promised_date         TEXT,
    notes                 TEXT    NOT NULL DEFAULT '',
    -- Derived (orders::totals), order currency except amount_total_base.
    amount_lines          INTEGER NOT NULL DEFAULT 0,
    amount_tax            INTEGER NOT NULL DEFAULT 0,
    amount_total          INTEGER NOT NULL DEFAULT 0,
    amount_total_base     INTEGER NOT NULL DEFAULT 0,
    -- Derived: payments minus refunds.
    amount_paid           INTEGER NOT NULL DEFAULT 0,
    credit_override_by    TEXT,
    credit_override_reason TEXT,
    placed_at             TEXT,
    shipped_at            TEXT,
    delivered_at          TEXT,
    cancelled_at          TEXT,
    created_at            TEXT    NOT NULL,
    updated_at            TEXT    NOT NULL,
    deleted_at            TEXT
);
CREATE INDEX orders_by_customer ON orders (customer_id, status);
CREATE INDEX orders_by_status ON orders (status, created_at);
CREATE INDEX orders_by_created ON orders (created_at);

CREATE TABLE order_lines (
    id          INTEGER PRIMARY KEY,
    order_id    INTEGER NOT NULL REFERENCES orders (id),
    product_id  INTEGER NOT NULL REFERENCES products (id),
    -- Copied from the product when the line is added.
    sku         TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    unit_price  INTEGER NOT NULL,
    tax_rate    INTEGER NOT NULL,
    ordered     INTEGER NOT NULL CHECK (ordered > 0),
    cancelled   INTEGER NOT NULL DEFAULT 0 CHECK (cancelled >= 0),
    returned    INTEGER NOT NULL DEFAULT 0 CHECK (returned >= 0),
    -- Of `returned`, how many were damaged (not restocked).
    damaged     INTEGER NOT NULL DEFAULT 0 CHECK (damaged >= 0 AND damaged <= returned),
    -- Derived: (ordered - cancelled - returned) * unit_price, rounded.
    amount      INTEGER NOT NULL DEFAULT 0,
    state       TEXT    NOT NULL CHECK (state IN ('placed', 'updated', 'cancelled', 'returned')),
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    CHECK (cancelled + returned <= ordered)
);
CREATE INDEX order_lines_by_order ON order_lines (order_id);
CREATE INDEX order_lines_by_product ON order_lines (product_id);

-- Money received (positive) and refunded (negative), in the order's currency.
CREATE TABLE payments (
    id          INTEGER PRIMARY KEY,
    order_id    INTEGER NOT NULL REFERENCES orders (id),
    method      TEXT    NOT NULL CHECK (method IN ('cash', 'card', 'bank_transfer', 'other')),
    amount      INTEGER NOT NULL CHECK (amount <> 0),
    reference   TEXT    NOT NULL DEFAULT '',
    actor_name  TEXT    NOT NULL,
    at          TEXT    NOT NULL
);
CREATE INDEX payments_by_order ON payments (order_id);

-- Shipping events: written in the shipping transaction, delivered to each
-- sink at least once afterwards. `id` is stable so receivers can drop repeats.
CREATE TABLE shipping_events (
    id          TEXT    PRIMARY KEY,
    order_id    INTEGER NOT NULL REFERENCES orders (id),
    payload     TEXT    NOT NULL,
    created_at  TEXT    NOT NULL
);

CREATE TABLE shipping_deliveries (
    event_id        TEXT    NOT NULL REFERENCES shipping_events (id),
    sink            TEXT    NOT NULL CHECK (sink IN ('jsonl', 'webhook')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL,
    delivered_at    TEXT,
    last_error      TEXT,
    PRIMARY KEY (event_id, sink)
);
CREATE INDEX shipping_deliveries_pending ON shipping_deliveries (delivered_at, next_attempt_at);

-- Settings beyond the business profile: transit days, webhook URL, thresholds.
CREATE TABLE settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
