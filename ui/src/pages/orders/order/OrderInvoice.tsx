// The order's invoice, for managers and owners: "Issue invoice" until it has one, then "Invoice INV-…" and "Issue credit note".
import { useEffect, useState } from "react";
import { messageOf } from "../../../api";
import type { Order } from "../../../bindings/Order";
import type { InvoiceSummary } from "../../../bindings/InvoiceSummary";
import { ErrorBox } from "../../../components/ErrorBox";
import { invoiceOfOrder, issueCreditNote, issueInvoice } from "../../../invoicesApi";

type Props = { order: Order; onOpenInvoice: (number: string) => void };

/** An invoice bills what left (or is about to leave) the shop: a draft has nothing fixed, a cancelled order nothing to bill. */
const invoiceable = (order: Order) => order.status !== "draft" && order.status !== "cancelled";

export function OrderInvoice({ order, onOpenInvoice }: Props) {
  // undefined while looking it up; null when the order has none.
  const [invoice, setInvoice] = useState<InvoiceSummary | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Looked up again when the order changes (a return makes a credit note possible).
  useEffect(() => {
    let current = true;
    invoiceOfOrder(order.number)
      .then((found) => current && setInvoice(found))
      .catch((reason: unknown) => current && setError(messageOf(reason)));
    return () => {
      current = false;
    };
  }, [order.number, order.updatedAt]);

  const issue = (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    work()
      .then(onOpenInvoice)
      .catch((reason: unknown) => setError(messageOf(reason)))
      .finally(() => setBusy(false));
  };

  if (invoice === undefined) return <ErrorBox testId="order-invoice-error" message={error} />;
  return (
    <div className="order-actions">
      <div className="order-actions-buttons" data-testid="order-invoice">
        {invoice === null
          ? invoiceable(order) && (
              <button type="button" className="button-primary" data-testid="order-issue-invoice" disabled={busy} onClick={() => issue(async () => (await issueInvoice(order.number)).detail.invoice.number)}>
                Issue invoice
              </button>
            )
          : (
              <>
                <button type="button" data-testid="order-open-invoice" onClick={() => onOpenInvoice(invoice.number)}>
                  Invoice {invoice.number}
                </button>
                <button type="button" data-testid="order-issue-credit" disabled={busy} onClick={() => issue(async () => (await issueCreditNote(order.number)).invoice.number)}>
                  Issue credit note
                </button>
              </>
            )}
      </div>
      <ErrorBox testId="order-invoice-error" message={error} />
    </div>
  );
}
