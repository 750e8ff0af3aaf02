// pdf.js behind a small interface: open PDF bytes, render one page into a canvas. WebKitGTK has no PDF viewer of its own.
import type { PDFDocumentProxy, RenderTask } from "pdfjs-dist";

export type PdfPageSize = { width: number; height: number };

/** An open PDF: its page count, a page's size at 100 %, and drawing a page at a scale. */
export type OpenPdf = {
  pageCount: number;
  pageSize: (page: number) => Promise<PdfPageSize>;
  render: (page: number, scale: number, canvas: HTMLCanvasElement) => Promise<void>;
  /** The page as a PNG data URL at `scale` (for printing). */
  pageImage: (page: number, scale: number) => Promise<string>;
  close: () => void;
};

/** Opens PDF bytes (copied: pdf.js hands its buffer to the worker). */
export async function openPdf(bytes: Uint8Array): Promise<OpenPdf> {
  // Loaded on first use: pdf.js is large and most screens never show a PDF.
  const { GlobalWorkerOptions, getDocument } = await import("pdfjs-dist");
  // Vite copies the worker into ui/dist and gives its URL; it is served from the app itself, so the CSP's 'self' allows it.
  GlobalWorkerOptions.workerSrc = (await import("pdfjs-dist/build/pdf.worker.min.mjs?url")).default;
  const pdfDocument: PDFDocumentProxy = await getDocument({ data: bytes.slice(), isEvalSupported: false }).promise;
  let running: RenderTask | null = null;
  return {
    pageCount: pdfDocument.numPages,
    pageSize: async (page) => {
      const viewport = (await pdfDocument.getPage(page)).getViewport({ scale: 1 });
      return { width: viewport.width, height: viewport.height };
    },
    render: async (page, scale, canvas) => {
      running?.cancel();
      const pdfPage = await pdfDocument.getPage(page);
      // Draw at the screen's pixel density so text stays sharp; CSS sizes the canvas back down.
      const ratio = window.devicePixelRatio || 1;
      const viewport = pdfPage.getViewport({ scale: scale * ratio });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
      canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
      const task = pdfPage.render({ canvas, viewport });
      running = task;
      try {
        await task.promise;
      } finally {
        if (running === task) running = null;
      }
    },
    pageImage: async (page, scale) => {
      const pdfPage = await pdfDocument.getPage(page);
      const viewport = pdfPage.getViewport({ scale });
      const canvas = document.createElement("canvas");
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      await pdfPage.render({ canvas, viewport }).promise;
      return canvas.toDataURL("image/png");
    },
    close: () => {
      running?.cancel();
      void pdfDocument.destroy();
    },
  };
}
