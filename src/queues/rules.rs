//! Each work queue as one SQL rule (DOMAIN.md, Work queues). A rule yields
//! the item's id, its state (a change re-opens an item marked done), the
//! order it belongs to and what a person needs to see in the list.

use super::Queue;

/// Open orders (placed or processing) as queue items; `extra` narrows them.
fn open_orders(extra: &str) -> String {
    format!(
        "SELECT o.id AS item_id, o.status || '@' || o.updated_at AS state, o.id AS order_id, o.number AS order_number,
                c.name AS title, o.status AS detail, o.amount_total_base AS amount, coalesce(o.placed_at, o.created_at) AS at
         FROM orders o JOIN customers c ON c.id = o.customer_id
         WHERE o.status IN ('placed', 'processing') {extra}"
    )
}

/// The rule's SELECT of (item_id, state, order_id, order_number, title,
/// detail, amount, at). It may read the CTE `params(quantity, amount, today)`:
/// the large-order thresholds (amount in ten-thousandths) and the local date.
pub fn sql(queue: Queue) -> String {
    match queue {
        Queue::Sales => open_orders(""),
        Queue::Vip => open_orders("AND c.vip = 1"),
        Queue::LargeOrders => open_orders(
            "AND (o.amount_total_base > (SELECT amount FROM params) OR EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id
                  AND l.ordered - l.cancelled - l.returned >= (SELECT quantity FROM params)))",
        ),
        Queue::Urgent => open_orders("AND (o.urgent = 1 OR o.promised_date < (SELECT today FROM params))"),
        Queue::Delivery => "SELECT o.id AS item_id, o.status || '@' || o.updated_at AS state, o.id AS order_id, o.number AS order_number,
                    c.name AS title, CASE o.status WHEN 'shipped' THEN 'in transit' ELSE 'ready to ship' END AS detail,
                    o.amount_total_base AS amount, coalesce(o.shipped_at, o.placed_at) AS at
             FROM orders o JOIN customers c ON c.id = o.customer_id
             WHERE o.status IN ('processing', 'shipped')"
            .into(),
        // Lines with returned units; more returned later re-opens the line.
        Queue::Returns => "SELECT l.id AS item_id, CAST(l.returned AS TEXT) AS state, o.id AS order_id, o.number AS order_number, c.name AS title,
                    l.returned || ' × ' || l.sku || ' returned' || CASE WHEN l.damaged > 0
                        THEN ' (' || l.damaged || ' damaged)' ELSE '' END AS detail,
                    NULL AS amount, l.updated_at AS at
             FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN customers c ON c.id = o.customer_id
             WHERE (l.cancelled > 0 OR l.returned > 0) AND l.returned > 0"
            .into(),
        // Paid more than the order now comes to: only after a cancellation or a return.
        Queue::Refunds => "SELECT o.id AS item_id, CAST(o.amount_paid - o.amount_total AS TEXT) AS state, o.id AS order_id,
                    o.number AS order_number, c.name AS title, 'refund due in ' || o.currency AS detail,
                    o.amount_paid - o.amount_total AS amount, o.updated_at AS at
             FROM orders o JOIN customers c ON c.id = o.customer_id
             WHERE o.amount_paid > o.amount_total
               AND o.id IN (SELECT l.order_id FROM order_lines l WHERE (l.cancelled > 0 OR l.returned > 0))"
            .into(),
        Queue::Products => "SELECT p.id AS item_id, CAST(p.stock AS TEXT) AS state, NULL AS order_id, NULL AS order_number,
                    p.sku || ' ' || p.name AS title, p.stock || ' on hand, reorder at ' || p.reorder_level AS detail,
                    NULL AS amount, p.updated_at AS at
             FROM products p
             WHERE p.active = 1 AND p.deleted_at IS NULL AND p.stock <= p.reorder_level"
            .into(),
    }
}
