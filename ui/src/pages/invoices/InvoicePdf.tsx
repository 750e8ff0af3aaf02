// The right-hand side of the invoice page: the document's PDF (invoices_pdf bytes), shown by PdfViewer.
import { useEffect, useState } from "react";
import { messageOf } from "../../api";
import { ErrorBox } from "../../components/ErrorBox";
import { PdfViewer } from "../../components/PdfViewer";
import { invoicePdf } from "../../invoicesApi";

export function InvoicePdf({ number }: { number: string }) {
  const [bytes, setBytes] = useState<Uint8Array | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setBytes(null);
    setError(null);
    invoicePdf(number)
      .then((loaded) => current && setBytes(loaded))
      .catch((reason: unknown) => current && setError(messageOf(reason)));
    return () => {
      current = false;
    };
  }, [number]);

  return (
    <aside className="card attachment-viewer" data-testid="invoice-pdf">
      <ErrorBox testId="invoice-pdf-error" message={error} />
      {bytes === null ? error === null && <p className="card-text">Loading the PDF…</p> : <PdfViewer bytes={bytes} title={`${number}.pdf`} />}
    </aside>
  );
}
