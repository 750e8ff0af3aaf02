// PDFs attached to the order: attach by file dialog or by dropping files on the card; open side by side, save elsewhere, remove.
import { useCallback, useEffect, useRef, useState, type DragEvent } from "react";
import { messageOf } from "../../../api";
import { addAttachment, listAttachments, removeAttachment, saveAttachment } from "../../../attachmentsApi";
import type { Attachment } from "../../../bindings/Attachment";
import { Card } from "../../../components/Card";
import { ErrorBox } from "../../../components/ErrorBox";
import { formatDateTime } from "../../../format";

type Props = {
  orderNumber: string;
  /** Managers and owners remove attachments (the core checks it too). */
  mayRemove: boolean;
  openId: number | null;
  onOpen: (attachment: Attachment | null) => void;
  /** After an attachment is added or removed: the order's history changed. */
  onChanged: () => void;
};

/** 1234567 → "1.2 MB": display only. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function AttachmentsCard({ orderNumber, mayRemove, openId, onOpen, onChanged }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [attachments, setAttachments] = useState<Attachment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [confirming, setConfirming] = useState<Attachment | null>(null);

  const reload = useCallback(() => {
    listAttachments(orderNumber)
      .then(setAttachments)
      .catch((reason: unknown) => setError(messageOf(reason)));
  }, [orderNumber]);
  useEffect(reload, [reload]);

  const run = async (work: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setNotice(await work());
    } catch (reason) {
      setError(messageOf(reason));
    } finally {
      setBusy(false);
    }
  };
  // One file after another, so each refusal names its file and the good ones are still attached.
  const attach = (files: File[]) =>
    run(async () => {
      const added: string[] = [];
      try {
        for (const file of files) added.push((await addAttachment(orderNumber, file)).fileName);
      } finally {
        if (added.length > 0) {
          reload();
          onChanged();
        }
      }
      return added.length > 0 ? `Attached ${added.join(", ")}.` : null;
    });
  const save = (attachment: Attachment) =>
    run(async () => {
      const path = await saveAttachment(attachment.id);
      return path === null ? null : `Saved ${attachment.fileName} to ${path}.`;
    });
  const remove = (attachment: Attachment) =>
    run(async () => {
      setConfirming(null);
      await removeAttachment(attachment.id);
      if (openId === attachment.id) onOpen(null);
      reload();
      onChanged();
      return `Removed ${attachment.fileName}.`;
    });

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length > 0) void attach(files);
  };

  return (
    <Card title="Attachments" note="PDFs only, at most 25 MB each. Drop files here or choose them.">
      <div
        className={dragging ? "attachments-drop attachments-drop-active" : "attachments-drop"}
        data-testid="attachment-drop"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        {attachments === null ? (
          <p className="card-text">Loading attachments…</p>
        ) : attachments.length === 0 ? (
          <p className="card-text">No attachments yet.</p>
        ) : (
          <table className="table" data-testid="attachments">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col" className="cell-number">Size</th>
                <th scope="col" className="cell-number">Pages</th>
                <th scope="col">Attached by</th>
                <th scope="col" aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {attachments.map((attachment) => (
                <tr key={attachment.id} data-testid={`attachment-row-${attachment.id}`} className={attachment.id === openId ? "row-selected" : undefined}>
                  <td>{attachment.fileName}</td>
                  <td className="cell-number">{formatSize(attachment.sizeBytes)}</td>
                  <td className="cell-number">{attachment.pages}</td>
                  <td>
                    {attachment.attachedBy} · {formatDateTime(attachment.attachedAt)}
                  </td>
                  <td className="cell-actions">
                    <button type="button" className="button-small" data-testid={`attachment-open-${attachment.id}`} onClick={() => onOpen(attachment)}>
                      Open
                    </button>
                    <button type="button" className="button-small" data-testid={`attachment-save-${attachment.id}`} disabled={busy} onClick={() => void save(attachment)}>
                      Save…
                    </button>
                    {mayRemove && (
                      <button type="button" className="button-small" data-testid={`attachment-remove-${attachment.id}`} disabled={busy} onClick={() => setConfirming(attachment)}>
                        Remove
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {confirming !== null && (
          <div className="inline-form" role="alertdialog" aria-label="Remove attachment">
            <span className="card-text">Remove {confirming.fileName} from this order? The file is kept in the book.</span>
            <button type="button" className="button-small" data-testid="attachment-remove-confirm" disabled={busy} onClick={() => void remove(confirming)}>
              Remove
            </button>
            <button type="button" className="button-small" data-testid="attachment-remove-keep" onClick={() => setConfirming(null)}>
              Keep
            </button>
          </div>
        )}
        <div className="inline-form">
          <input
            ref={input}
            type="file"
            accept="application/pdf,.pdf"
            multiple
            hidden
            data-testid="attachment-file-input"
            onChange={(event) => {
              const files = Array.from(event.target.files ?? []);
              event.target.value = "";
              if (files.length > 0) void attach(files);
            }}
          />
          <button type="button" className="button-small" data-testid="attachment-add" disabled={busy} onClick={() => input.current?.click()}>
            Attach PDF…
          </button>
          {busy && <span className="card-text">Working…</span>}
        </div>
        {notice !== null && (
          <p className="notice" data-testid="attachment-notice">
            {notice}
          </p>
        )}
        <ErrorBox testId="attachment-error" message={error} />
      </div>
    </Card>
  );
}
