// The orders list: filters (status, dates, urgent), search by number or customer; rows paged from Rust as it scrolls.
import { useState } from "react";
import type { OrderStatus } from "../../bindings/OrderStatus";
import { useDebounced } from "../../hooks/useDebounced";
import { ORDER_STATUSES, statusLabel } from "../../labels";
import { ListToolbar, ToolbarCheck } from "../../lists/ListToolbar";
import { VirtualTable } from "../../lists/VirtualTable";
import { LIST_SEARCH_DELAY_MS, useVirtualList } from "../../lists/useVirtualList";
import { ORDER_COLUMNS, ORDERS, fetchOrders, orderRowKey, orderRowTestId } from "./orderColumns";

type Props = { onNew: () => void; onOpen: (number: string) => void };

export function OrderList({ onNew, onOpen }: Props) {
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<OrderStatus | null>(null);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [urgentOnly, setUrgentOnly] = useState(false);
  const settledSearch = useDebounced(search.trim(), LIST_SEARCH_DELAY_MS);
  const filtered = settledSearch !== "" || status !== null || from !== "" || to !== "" || urgentOnly;
  const list = useVirtualList(fetchOrders, {
    status,
    customerId: null,
    from: from === "" ? null : from,
    to: to === "" ? null : to,
    urgentOnly,
    search: settledSearch === "" ? null : settledSearch,
  });

  return (
    <>
      <ListToolbar
        search={{ testId: "orders-search", label: "Search orders", placeholder: "Order number or customer", value: search, onChange: setSearch }}
        add={{ testId: "orders-new", label: "New order", onClick: onNew }}
      >
        <select data-testid="orders-status" aria-label="Status" value={status ?? ""} onChange={(event) => setStatus(ORDER_STATUSES.find((choice) => choice === event.target.value) ?? null)}>
          <option value="">All statuses</option>
          {ORDER_STATUSES.map((choice) => (
            <option key={choice} value={choice}>
              {statusLabel(choice)}
            </option>
          ))}
        </select>
        <label className="toolbar-date">
          From
          <input type="date" data-testid="orders-from" value={from} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label className="toolbar-date">
          To
          <input type="date" data-testid="orders-to" value={to} onChange={(event) => setTo(event.target.value)} />
        </label>
        <ToolbarCheck testId="orders-urgent" label="Urgent only" checked={urgentOnly} onChange={setUrgentOnly} />
      </ListToolbar>
      <VirtualTable
        testId="orders-list"
        list={list}
        columns={ORDER_COLUMNS}
        rowKey={orderRowKey}
        rowTestId={orderRowTestId}
        onOpen={(order) => onOpen(order.number)}
        empty={{ headline: filtered ? "No orders match" : "No orders yet", line: "Orders taken at the counter, by phone or by e-mail are listed here, newest first. Press New order to enter one." }}
        noun={ORDERS}
      />
    </>
  );
}
