// The invoices list: invoices and credit notes, filtered by kind, status and overdue, searched by number or customer; rows paged from Rust.
import { useState } from "react";
import type { InvoiceKind } from "../../bindings/InvoiceKind";
import type { InvoiceStatus } from "../../bindings/InvoiceStatus";
import { useDebounced } from "../../hooks/useDebounced";
import { ListToolbar, ToolbarCheck } from "../../lists/ListToolbar";
import { VirtualTable } from "../../lists/VirtualTable";
import { LIST_SEARCH_DELAY_MS, useVirtualList } from "../../lists/useVirtualList";
import { EmptyState } from "../EmptyState";
import { INVOICE_STATUSES, invoiceStatusLabel } from "./InvoiceChip";
import { INVOICES, INVOICE_COLUMNS, fetchInvoices, invoiceRowKey, invoiceRowTestId } from "./invoiceColumns";

const KINDS: { value: InvoiceKind; label: string }[] = [
  { value: "invoice", label: "Invoices" },
  { value: "credit_note", label: "Credit notes" },
];

type Props = { initialOverdueOnly: boolean; onOpen: (number: string) => void };

export function InvoiceList({ initialOverdueOnly, onOpen }: Props) {
  const [search, setSearch] = useState("");
  const [kind, setKind] = useState<InvoiceKind | null>(null);
  const [status, setStatus] = useState<InvoiceStatus | null>(null);
  const [overdueOnly, setOverdueOnly] = useState(initialOverdueOnly);
  const settledSearch = useDebounced(search.trim(), LIST_SEARCH_DELAY_MS);
  const filtered = settledSearch !== "" || kind !== null || status !== null || overdueOnly;
  const list = useVirtualList(fetchInvoices, { kind, status, overdueOnly, from: null, to: null, search: settledSearch === "" ? null : settledSearch });

  // Nothing loaded and a refusal (a clerk: invoices are for managers and owners): the core's words are the page.
  if (!list.ready && list.error !== null) {
    return <EmptyState headline="No invoices to show" line={list.error} />;
  }
  return (
    <>
      <ListToolbar search={{ testId: "invoices-search", label: "Search invoices", placeholder: "Invoice or order number, customer", value: search, onChange: setSearch }}>
        <select data-testid="invoices-kind" aria-label="Kind" value={kind ?? ""} onChange={(event) => setKind(KINDS.find((choice) => choice.value === event.target.value)?.value ?? null)}>
          <option value="">Invoices and credit notes</option>
          {KINDS.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
        <select data-testid="invoices-status" aria-label="Status" value={status ?? ""} onChange={(event) => setStatus(INVOICE_STATUSES.find((choice) => choice === event.target.value) ?? null)}>
          <option value="">All statuses</option>
          {INVOICE_STATUSES.map((choice) => (
            <option key={choice} value={choice}>
              {invoiceStatusLabel(choice)}
            </option>
          ))}
        </select>
        <ToolbarCheck testId="invoices-overdue" label="Overdue only" checked={overdueOnly} onChange={setOverdueOnly} />
      </ListToolbar>
      <VirtualTable
        testId="invoices-list"
        list={list}
        columns={INVOICE_COLUMNS}
        rowKey={invoiceRowKey}
        rowTestId={invoiceRowTestId}
        onOpen={(invoice) => onOpen(invoice.number)}
        empty={{ headline: filtered ? "No invoices match" : "No invoices yet", line: "Invoices issued from an order's page, and the credit notes against them, are listed here, newest first." }}
        noun={INVOICES}
      />
    </>
  );
}
