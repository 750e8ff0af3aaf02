// The right-hand side of the order page while an attachment is open: its bytes from the core, shown by PdfViewer.
import { useEffect, useState } from "react";
import { messageOf } from "../../../api";
import { readAttachment } from "../../../attachmentsApi";
import type { Attachment } from "../../../bindings/Attachment";
import { ErrorBox } from "../../../components/ErrorBox";
import { PdfViewer } from "../../../components/PdfViewer";

type Props = { attachment: Attachment; onClose: () => void };

export function AttachmentViewer({ attachment, onClose }: Props) {
  const [bytes, setBytes] = useState<Uint8Array | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setBytes(null);
    setError(null);
    readAttachment(attachment.id)
      .then((loaded) => current && setBytes(loaded))
      .catch((reason: unknown) => current && setError(messageOf(reason)));
    return () => {
      current = false;
    };
  }, [attachment.id]);

  return (
    <aside className="card attachment-viewer" data-testid="attachment-viewer">
      <header className="attachment-viewer-header">
        <h2 className="card-title" data-testid="attachment-viewer-title">
          {attachment.fileName}
        </h2>
        <button type="button" className="button-small" data-testid="attachment-viewer-close" onClick={onClose}>
          Close
        </button>
      </header>
      <ErrorBox testId="attachment-viewer-error" message={error} />
      {bytes !== null && <PdfViewer bytes={bytes} title={attachment.fileName} />}
    </aside>
  );
}
