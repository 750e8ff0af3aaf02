// The invoice-list columns: number, customer, dates, total, paid and status (credit notes marked as such).
import type { InvoiceQuery } from "../../bindings/InvoiceQuery";
import type { InvoiceSummary } from "../../bindings/InvoiceSummary";
import { Money } from "../../components/Money";
import { formatDay } from "../../format";
import { listInvoices } from "../../invoicesApi";
import type { Column, Noun } from "../../lists/VirtualTable";
import { InvoiceChip } from "./InvoiceChip";

export const INVOICES: Noun = { one: "document", many: "documents" };

export type InvoiceFilters = Omit<InvoiceQuery, "offset" | "limit">;

export const fetchInvoices = (filters: InvoiceFilters, offset: number, limit: number) => listInvoices({ ...filters, offset, limit });

export const invoiceRowKey = (invoice: InvoiceSummary) => invoice.id;
export const invoiceRowTestId = (invoice: InvoiceSummary) => `invoice-row-${invoice.number}`;

const NUMBER: Column<InvoiceSummary> = { header: "Number", width: "170px", cell: (invoice) => <span className="cell-mono">{invoice.number}</span> };
const CUSTOMER: Column<InvoiceSummary> = { header: "Customer", cell: (invoice) => invoice.customerName };
const ISSUED: Column<InvoiceSummary> = { header: "Issued", width: "110px", cell: (invoice) => formatDay(invoice.issuedOn) };
const DUE: Column<InvoiceSummary> = { header: "Due", width: "110px", cell: (invoice) => (invoice.kind === "invoice" ? formatDay(invoice.dueOn) : "") };
const TOTAL: Column<InvoiceSummary> = {
  header: "Total",
  className: "cell-number",
  width: "120px",
  cell: (invoice) => <Money amount={invoice.amountTotal} currency={invoice.currency} />,
};
// Payments belong to the order and so to its invoice; a credit note has none of its own.
const PAID: Column<InvoiceSummary> = {
  header: "Paid",
  className: "cell-number",
  width: "120px",
  cell: (invoice) => (invoice.kind === "invoice" ? <Money amount={invoice.amountPaid} currency={invoice.currency} /> : ""),
};
// A credit note is settled by being issued: its kind says more than its status.
const STATUS: Column<InvoiceSummary> = {
  header: "Status",
  width: "180px",
  cell: (invoice) => (invoice.kind === "invoice" ? <InvoiceChip invoice={invoice} /> : <span className="chip chip-credit-note">Credit note</span>),
};

export const INVOICE_COLUMNS: Column<InvoiceSummary>[] = [NUMBER, CUSTOMER, ISSUED, DUE, TOTAL, PAID, STATUS];
