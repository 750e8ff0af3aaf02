-- Reports and work queues: indexes the period reports read by, and who
-- marked which work-queue item done, when.

-- Sales are booked on the day an order is placed; the covering columns let a
-- year of daily sales be summed from the index alone.
CREATE INDEX orders_by_placed ON orders (placed_at, currency, exchange_rate, amount_lines);

-- Lines that lost units to a cancellation or a return: the few rows that
-- reduce revenue after the order was booked.
CREATE INDEX order_lines_reduced ON order_lines (order_id) WHERE cancelled > 0 OR returned > 0;
-- The same lines by when they last changed: a cancellation is dated by it.
CREATE INDEX order_lines_reduced_by_change ON order_lines (updated_at) WHERE cancelled > 0 OR returned > 0;

-- Returns are dated by their history entries.
CREATE INDEX history_by_action ON history (action, at);

-- A work-queue item marked done: the queue, the order (and line, for line
-- queues) and who did it. Marking again is refused; an item that changes
-- after being marked (a new return on the line) shows again, because the
-- mark remembers the state it closed.
CREATE TABLE queue_done (
    id          INTEGER PRIMARY KEY,
    queue       TEXT    NOT NULL CHECK (queue IN ('sales', 'vip', 'large_orders', 'urgent', 'returns',
                                                  'refunds', 'delivery', 'products')),
    item_id     INTEGER NOT NULL,
    -- What the item looked like when closed (e.g. units returned); a change re-opens it.
    state       TEXT    NOT NULL,
    actor_name  TEXT    NOT NULL,
    actor_user_id INTEGER REFERENCES users (id),
    at          TEXT    NOT NULL,
    UNIQUE (queue, item_id, state)
);
