// Shows PDF bytes page by page (pdf.js on a canvas) with page navigation, zoom and printing; used for attachments and invoices.
import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { call, messageOf } from "../api";
import { ErrorBox } from "./ErrorBox";
import { openPdf, type OpenPdf } from "./pdf/pdfjs";

/** Pages are drawn for the printer at twice their size (about 144 dpi). */
const PRINT_SCALE = 2;

/** The zoom steps − and + move through, as fractions of the page's own size. */
export const ZOOM_STEPS = [0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 3];

type Props = { bytes: Uint8Array; title: string };

export function PdfViewer({ bytes, title }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [pdf, setPdf] = useState<OpenPdf | null>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(1);
  const [pageText, setPageText] = useState("1");
  const [error, setError] = useState<string | null>(null);
  // Every page as an image, laid out for print media only; kept while the viewer is open
  // because the system print dialog prints the window when the user confirms, not at once.
  const [printPages, setPrintPages] = useState<string[] | null>(null);
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    let current = true;
    let opened: OpenPdf | null = null;
    setPdf(null);
    setPage(1);
    setError(null);
    setPrintPages(null);
    openPdf(bytes)
      .then((loaded) => {
        opened = loaded;
        if (current) setPdf(loaded);
        else loaded.close();
      })
      .catch((reason: unknown) => current && setError(`This PDF cannot be shown: ${String(reason)}`));
    return () => {
      current = false;
      opened?.close();
    };
  }, [bytes]);

  useEffect(() => {
    setPageText(String(page));
    if (pdf === null || canvas.current === null) return;
    pdf.render(page, zoom, canvas.current).catch((reason: unknown) => {
      // A render replaced by a newer one (next page, new zoom) is cancelled on purpose.
      if (!(reason instanceof Error && reason.name === "RenderingCancelledException")) setError(`Page ${page} cannot be shown: ${String(reason)}`);
    });
  }, [pdf, page, zoom]);

  const pageCount = pdf?.pageCount ?? 0;
  const goTo = (wanted: number) => {
    const next = Math.min(Math.max(wanted, 1), Math.max(pageCount, 1));
    setPage(next);
    setPageText(String(next));
  };
  // From any zoom (also one set by "Fit width"), to the next step up or down.
  const zoomIn = () => setZoom(ZOOM_STEPS.find((value) => value > zoom + 0.001) ?? zoom);
  const zoomOut = () => setZoom([...ZOOM_STEPS].reverse().find((value) => value < zoom - 0.001) ?? zoom);
  const fitWidth = async () => {
    const frame = canvas.current?.parentElement;
    if (pdf === null || frame == null) return;
    const size = await pdf.pageSize(page);
    setZoom(Math.max(0.25, (frame.clientWidth - 24) / size.width));
  };

  const print = async () => {
    if (pdf === null) return;
    setPrinting(true);
    setError(null);
    try {
      const images: string[] = [];
      for (let number = 1; number <= pdf.pageCount; number += 1) images.push(await pdf.pageImage(number, PRINT_SCALE));
      setPrintPages(images);
      // Let React put the pages in the document before the dialog takes its picture.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await call<void>("window_print");
    } catch (reason) {
      setError(messageOf(reason));
    } finally {
      setPrinting(false);
    }
  };

  return (
    <div className="pdf-viewer" data-testid="pdf-viewer" aria-label={title}>
      <div className="pdf-toolbar">
        <button type="button" className="button-small" data-testid="pdf-prev" onClick={() => goTo(page - 1)} disabled={page <= 1} aria-label="Previous page">
          ‹
        </button>
        <label className="pdf-page">
          <input
            data-testid="pdf-page-input"
            aria-label="Page"
            inputMode="numeric"
            value={pageText}
            onChange={(event) => setPageText(event.target.value)}
            onKeyDown={(event) => event.key === "Enter" && goTo(Number.parseInt(pageText, 10) || page)}
            onBlur={() => setPageText(String(page))}
          />
          <span data-testid="pdf-page-count">of {pageCount}</span>
        </label>
        <button type="button" className="button-small" data-testid="pdf-next" onClick={() => goTo(page + 1)} disabled={page >= pageCount} aria-label="Next page">
          ›
        </button>
        <span className="pdf-toolbar-gap" />
        <button type="button" className="button-small" data-testid="pdf-zoom-out" onClick={zoomOut} disabled={zoom <= ZOOM_STEPS[0]} aria-label="Zoom out">
          −
        </button>
        <span className="pdf-zoom" data-testid="pdf-zoom">
          {Math.round(zoom * 100)} %
        </span>
        <button type="button" className="button-small" data-testid="pdf-zoom-in" onClick={zoomIn} disabled={zoom >= ZOOM_STEPS[ZOOM_STEPS.length - 1]} aria-label="Zoom in">
          +
        </button>
        <button type="button" className="button-small" data-testid="pdf-fit-width" onClick={() => void fitWidth()}>
          Fit width
        </button>
        <button type="button" className="button-small" data-testid="pdf-print" disabled={pdf === null || printing} onClick={() => void print()}>
          {printing ? "Printing…" : "Print…"}
        </button>
      </div>
      <ErrorBox testId="pdf-error" message={error} />
      <div className="pdf-page-frame">
        {pdf === null && error === null && <p className="card-text">Opening {title}…</p>}
        <canvas ref={canvas} data-testid="pdf-canvas" data-page={page} className="pdf-canvas" />
      </div>
      {printPages !== null &&
        createPortal(
          <div className="pdf-print-pages" data-testid="pdf-print-pages">
            {printPages.map((source, index) => (
              <img key={index} src={source} alt={`${title}, page ${index + 1}`} />
            ))}
          </div>,
          document.body,
        )}
    </div>
  );
}
