// "Email to customer" on an invoice or credit note: queues its PDF in the outbox and says where it went, or why not.
import { useState } from "react";
import { messageOf } from "../../api";
import type { OutboxEntry } from "../../bindings/OutboxEntry";
import { ErrorBox } from "../../components/ErrorBox";
import { emailInvoice } from "../../invoicesApi";

type Props = { number: string };

export function EmailInvoiceButton({ number }: Props) {
  const [busy, setBusy] = useState(false);
  const [queued, setQueued] = useState<OutboxEntry | null>(null);
  const [error, setError] = useState<string | null>(null);

  const send = () => {
    setBusy(true);
    setError(null);
    emailInvoice(number)
      .then(setQueued)
      .catch((reason: unknown) => setError(messageOf(reason)))
      .finally(() => setBusy(false));
  };

  return (
    <>
      <button type="button" data-testid="invoice-email" disabled={busy} onClick={send}>
        {busy ? "Queuing…" : "Email to customer"}
      </button>
      {queued !== null && (
        <p className="card-text" role="status" data-testid="invoice-email-queued">
          {queued.status === "sent"
            ? `Sent to ${queued.recipient}.`
            : `Waiting in the outbox for ${queued.recipient}; it goes out when the mail server answers (Settings → Outbox).`}
        </p>
      )}
      <ErrorBox testId="invoice-email-error" message={error} />
    </>
  );
}
