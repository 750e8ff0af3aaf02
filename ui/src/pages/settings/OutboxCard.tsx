// Settings → Outbox: e-mail waiting to go out (pending, with the last error), failed for good, and recently sent; "Send now".
import { useCallback, useEffect, useState } from "react";
import { messageOf } from "../../api";
import type { OutboxEntry } from "../../bindings/OutboxEntry";
import { Card } from "../../components/Card";
import { ErrorBox } from "../../components/ErrorBox";
import { formatDateTime } from "../../format";
import { listOutbox, sendPendingMail } from "../../mailApi";

const STATUS = { pending: "Pending", sent: "Sent", failed: "Failed" } as const;

export function OutboxCard() {
  const [entries, setEntries] = useState<OutboxEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const reload = useCallback(() => {
    listOutbox()
      .then(setEntries)
      .catch((reason: unknown) => setError(messageOf(reason)));
  }, []);
  useEffect(reload, [reload]);

  const sendNow = () => {
    setSending(true);
    setError(null);
    setNotice(null);
    sendPendingMail()
      .then((run) => setNotice(`Sent ${run.sent}, failed ${run.failed}, still pending ${run.pending}.`))
      .catch((reason: unknown) => setError(messageOf(reason)))
      .finally(() => {
        setSending(false);
        reload();
      });
  };
  const pending = entries?.filter((entry) => entry.status === "pending").length ?? 0;

  return (
    <Card title="Mail outbox" note="Messages wait here while the mail server cannot be reached and are retried every few minutes.">
      {entries === null ? (
        <p className="card-text">Loading…</p>
      ) : entries.length === 0 ? (
        <p className="card-text" data-testid="mail-outbox-empty">
          No e-mail sent yet.
        </p>
      ) : (
        <table className="table" data-testid="mail-outbox">
          <thead>
            <tr>
              <th scope="col">Queued</th>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-testid={`mail-row-${entry.id}`}>
                <td>{formatDateTime(entry.createdAt)}</td>
                <td>{entry.recipient}</td>
                <td>
                  {entry.subject}
                  {entry.attachmentName !== null && <span className="card-text"> · {entry.attachmentName}</span>}
                </td>
                <td data-testid={`mail-status-${entry.id}`} data-status={entry.status}>
                  {STATUS[entry.status]}
                  {entry.status === "sent" && entry.sentAt !== null && ` ${formatDateTime(entry.sentAt)}`}
                  {entry.status !== "sent" && entry.lastError !== null && (
                    <div className="card-text">
                      Attempt {entry.attempts}: {entry.lastError}
                      {entry.status === "pending" && ` · next try ${formatDateTime(entry.nextAttemptAt)}`}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="inline-form">
        <button type="button" className="button-small" data-testid="mail-send-now" disabled={sending || pending === 0} onClick={sendNow}>
          {sending ? "Sending…" : `Send now (${pending} pending)`}
        </button>
      </div>
      {notice !== null && (
        <p className="notice" role="status" data-testid="mail-outbox-notice">
          {notice}
        </p>
      )}
      <ErrorBox testId="mail-outbox-error" message={error} />
    </Card>
  );
}
