// Typed calls for invoices and credit notes: issue, credit, e-mail, the list, one document and its PDF (raw bytes).
import { call } from "./api";
import type { InvoiceDetail } from "./bindings/InvoiceDetail";
import type { InvoicePage } from "./bindings/InvoicePage";
import type { InvoiceQuery } from "./bindings/InvoiceQuery";
import type { InvoiceSummary } from "./bindings/InvoiceSummary";
import type { IssuedInvoice } from "./bindings/IssuedInvoice";
import type { OutboxEntry } from "./bindings/OutboxEntry";

export const listInvoices = (query: InvoiceQuery) => call<InvoicePage>("invoices_list", { query });
export const getInvoice = (number: string) => call<InvoiceDetail>("invoices_get", { number });
export const invoicePdf = (number: string) => call<ArrayBuffer>("invoices_pdf", { number }).then((buffer) => new Uint8Array(buffer));
export const issueInvoice = (order: string) => call<IssuedInvoice>("invoices_issue", { order });
export const issueCreditNote = (order: string) => call<InvoiceDetail>("invoices_credit", { order });
/** Queues the document's PDF to the customer; the outbox entry says whether it went out yet. */
export const emailInvoice = (number: string) => call<OutboxEntry>("invoices_email", { number });

/** Most invoices one order can have listed at once: one invoice plus its credit notes. */
const ORDER_DOCUMENTS_LIMIT = 500;

/**
 * The order's invoice, or null when it has none. The list's search matches order numbers by "contains"
 * (SO-000004 also finds SO-0000041), so the exact order number is picked out here.
 */
export async function invoiceOfOrder(orderNumber: string): Promise<InvoiceSummary | null> {
  const page = await listInvoices({ kind: "invoice", status: null, overdueOnly: false, from: null, to: null, search: orderNumber, offset: 0, limit: ORDER_DOCUMENTS_LIMIT });
  return page.items.find((invoice) => invoice.orderNumber === orderNumber) ?? null;
}
