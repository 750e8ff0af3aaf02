// Test helper: invoices and credit notes as Rust sends them, for the tests of the invoice pages and the order page's invoice buttons.
import type { InvoiceDetail } from "./bindings/InvoiceDetail";
import type { InvoicePage } from "./bindings/InvoicePage";
import type { InvoiceSummary } from "./bindings/InvoiceSummary";

export function invoiceSummary(number: string, overrides: Partial<InvoiceSummary> = {}): InvoiceSummary {
  return {
    id: 1,
    kind: "invoice",
    number,
    orderNumber: "SO-000042",
    customerName: "Berg Hardware",
    issuedOn: "2026-11-22",
    dueOn: "2026-12-06",
    currency: "EUR",
    amountTotal: "11.90",
    amountCredited: "0.00",
    amountPaid: "0.00",
    status: "issued",
    overdue: false,
    ...overrides,
  };
}

export const invoicePage = (items: InvoiceSummary[]): InvoicePage => ({ items, total: items.length });

export function invoiceDetail(invoice: InvoiceSummary, related: InvoiceSummary[] = []): InvoiceDetail {
  const party = { name: invoice.customerName, address: "Hafenstr. 1, 24103 Kiel", taxId: "", email: "" };
  return {
    invoice,
    related,
    snapshot: {
      kind: invoice.kind,
      number: invoice.number,
      orderNumber: invoice.orderNumber,
      corrects: invoice.kind === "credit_note" ? (related[0]?.number ?? null) : null,
      issuedOn: invoice.issuedOn,
      dueOn: invoice.dueOn,
      currency: invoice.currency,
      seller: { ...party, name: "Berg Tools" },
      buyer: party,
      logoId: null,
      bankDetails: "",
      paymentTermsDays: 14,
      footer: "",
      paperSize: "a4",
      numberLocale: "en",
      lines: [{ orderLineId: 1, sku: "BOLT-10", description: "Bolt M10", quantity: 4, unitPrice: "2.50", taxRate: "19", amount: "10.00" }],
      taxes: [{ rate: "19", base: "10.00", tax: "1.90" }],
      amountNet: "10.00",
      amountTax: "1.90",
      amountTotal: invoice.amountTotal,
    },
  };
}
