// One invoice or credit note (invoices_get), read-only: its details and related documents on the left, its PDF on the right.
import { useEffect, useState } from "react";
import { messageOf } from "../../api";
import type { InvoiceDetail } from "../../bindings/InvoiceDetail";
import { Card } from "../../components/Card";
import { ErrorBox } from "../../components/ErrorBox";
import { Facts, type Fact } from "../../components/Facts";
import { Money } from "../../components/Money";
import { formatDay } from "../../format";
import { getInvoice } from "../../invoicesApi";
import { EmailInvoiceButton } from "./EmailInvoiceButton";
import { InvoiceChip } from "./InvoiceChip";
import { InvoicePdf } from "./InvoicePdf";

type Props = { number: string; onOpenInvoice: (number: string) => void; onOpenOrder: (number: string) => void };

export function InvoiceView({ number, onOpenInvoice, onOpenOrder }: Props) {
  const [detail, setDetail] = useState<InvoiceDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    getInvoice(number)
      .then((loaded) => current && setDetail(loaded))
      .catch((reason: unknown) => current && setError(messageOf(reason)));
    return () => {
      current = false;
    };
  }, [number]);

  if (detail === null) {
    return error === null ? <p className="card-text">Loading {number}…</p> : <ErrorBox testId="invoice-load-error" message={error} />;
  }
  const { invoice, snapshot, related } = detail;
  const isInvoice = invoice.kind === "invoice";
  const money = (amount: string, testId: string) => <Money amount={amount} currency={invoice.currency} testId={testId} />;
  const facts: Fact[] = [
    { label: "Order", value: snapshot.orderNumber, testId: "invoice-order" },
    { label: "Customer", value: snapshot.buyer.name, testId: "invoice-customer" },
    { label: "Issued", value: formatDay(invoice.issuedOn), testId: "invoice-issued" },
    ...(isInvoice ? [{ label: "Due", value: formatDay(invoice.dueOn), testId: "invoice-due" }] : []),
    ...(snapshot.corrects === null ? [] : [{ label: "Corrects", value: snapshot.corrects, testId: "invoice-corrects" }]),
    { label: "Net", value: money(snapshot.amountNet, "invoice-net") },
    { label: "Tax", value: money(snapshot.amountTax, "invoice-tax") },
    { label: "Total", value: money(invoice.amountTotal, "invoice-total") },
    ...(isInvoice
      ? [
          { label: "Paid", value: money(invoice.amountPaid, "invoice-paid") },
          { label: "Credited", value: money(invoice.amountCredited, "invoice-credited") },
        ]
      : []),
  ];

  return (
    <div className="order-split" data-testid="invoice-split">
      <div className="order-view" data-testid="invoice-view">
        <Card>
          <div className="order-title">
            <h2 className="order-number" data-testid="invoice-number">
              {invoice.number}
            </h2>
            <span className="card-text">{isInvoice ? "Invoice" : "Credit note"}</span>
            <InvoiceChip invoice={invoice} testId="invoice-status" />
          </div>
          <Facts facts={facts} />
          <div className="order-actions-buttons invoice-actions" data-testid="invoice-actions">
            <button type="button" data-testid="invoice-open-order" onClick={() => onOpenOrder(snapshot.orderNumber)}>
              Open order {snapshot.orderNumber}
            </button>
            <EmailInvoiceButton number={invoice.number} />
          </div>
        </Card>
        <Card title={isInvoice ? "Credit notes" : "Invoice"}>
          {related.length === 0 ? (
            <p className="card-text" data-testid="invoice-related-none">
              {isInvoice ? "No credit notes against this invoice." : "The invoice this credit note corrects is not on record."}
            </p>
          ) : (
            <table className="table" data-testid="invoice-related">
              <thead>
                <tr>
                  <th scope="col">Number</th>
                  <th scope="col">Issued</th>
                  <th scope="col" className="cell-number">
                    Total
                  </th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {related.map((other) => (
                  <tr key={other.id} data-testid={`invoice-related-${other.number}`}>
                    <td>
                      <button type="button" className="button-link cell-mono" data-testid={`invoice-related-open-${other.number}`} onClick={() => onOpenInvoice(other.number)}>
                        {other.number}
                      </button>
                    </td>
                    <td>{formatDay(other.issuedOn)}</td>
                    <td className="cell-number">
                      <Money amount={other.amountTotal} currency={other.currency} />
                    </td>
                    <td>{other.kind === "invoice" ? <InvoiceChip invoice={other} /> : <span className="chip chip-credit-note">Credit note</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </div>
      <InvoicePdf number={invoice.number} />
    </div>
  );
}
