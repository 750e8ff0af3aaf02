// An invoice's status as a chip (issued, partially paid, paid, credited), with an "Overdue" badge when unpaid past its due date.
import type { InvoiceStatus } from "../../bindings/InvoiceStatus";
import type { InvoiceSummary } from "../../bindings/InvoiceSummary";

export const INVOICE_STATUSES: InvoiceStatus[] = ["issued", "partially_paid", "paid", "credited"];

const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = { issued: "Issued", partially_paid: "Partially paid", paid: "Paid", credited: "Credited" };

export const invoiceStatusLabel = (status: InvoiceStatus): string => INVOICE_STATUS_LABELS[status];

type Props = { invoice: Pick<InvoiceSummary, "status" | "overdue">; testId?: string };

export function InvoiceChip({ invoice, testId }: Props) {
  return (
    <>
      <span className={`chip chip-invoice-${invoice.status}`} data-testid={testId} data-status={invoice.status}>
        {invoiceStatusLabel(invoice.status)}
      </span>
      {invoice.overdue && (
        <span className="badge badge-urgent" data-testid={testId === undefined ? undefined : `${testId}-overdue`}>
          Overdue
        </span>
      )}
    </>
  );
}
