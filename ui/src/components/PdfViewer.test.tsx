// Tests of the PDF viewer: page navigation within the document, zoom steps, and a PDF pdf.js cannot open.
import { invoke } from "@tauri-apps/api/core";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openPdf, type OpenPdf } from "./pdf/pdfjs";
import { PdfViewer } from "./PdfViewer";

vi.mock("./pdf/pdfjs", () => ({ openPdf: vi.fn() }));
vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
const openMock = vi.mocked(openPdf);
const invokeMock = vi.mocked(invoke);

afterEach(() => {
  openMock.mockReset();
  invokeMock.mockReset();
});

function fakePdf(pageCount: number) {
  const render = vi.fn<OpenPdf["render"]>().mockResolvedValue(undefined);
  const pdf: OpenPdf = {
    pageCount,
    render,
    pageSize: () => Promise.resolve({ width: 612, height: 792 }),
    pageImage: (page) => Promise.resolve(`data:image/png;base64,page${page}`),
    close: vi.fn(),
  };
  openMock.mockResolvedValue(pdf);
  return { pdf, render };
}

const bytes = new Uint8Array([37, 80, 68, 70]);

describe("PdfViewer", () => {
  it("opens on page 1 and moves through the pages, never past either end", async () => {
    const { render: draw } = fakePdf(3);
    render(<PdfViewer bytes={bytes} title="quote.pdf" />);
    expect((await screen.findByTestId("pdf-page-count")).textContent).toBe("of 3");
    await waitFor(() => expect(draw).toHaveBeenLastCalledWith(1, 1, expect.anything()));
    expect((screen.getByTestId("pdf-prev") as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId("pdf-next"));
    fireEvent.click(screen.getByTestId("pdf-next"));
    await waitFor(() => expect(draw).toHaveBeenLastCalledWith(3, 1, expect.anything()));
    expect((screen.getByTestId("pdf-next") as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId("pdf-page-input") as HTMLInputElement).value).toBe("3");
    const pageInput = screen.getByTestId("pdf-page-input");
    fireEvent.change(pageInput, { target: { value: "9" } });
    fireEvent.keyDown(pageInput, { key: "Enter" });
    await waitFor(() => expect((screen.getByTestId("pdf-page-input") as HTMLInputElement).value).toBe("3"));
    fireEvent.change(pageInput, { target: { value: "2" } });
    fireEvent.keyDown(pageInput, { key: "Enter" });
    await waitFor(() => expect(draw).toHaveBeenLastCalledWith(2, 1, expect.anything()));
  });

  it("zooms in and out by steps", async () => {
    const { render: draw } = fakePdf(1);
    render(<PdfViewer bytes={bytes} title="quote.pdf" />);
    await screen.findByText("of 1");
    fireEvent.click(screen.getByTestId("pdf-zoom-in"));
    await waitFor(() => expect(draw).toHaveBeenLastCalledWith(1, 1.25, expect.anything()));
    expect(screen.getByTestId("pdf-zoom").textContent).toBe("125 %");
    fireEvent.click(screen.getByTestId("pdf-zoom-out"));
    fireEvent.click(screen.getByTestId("pdf-zoom-out"));
    await waitFor(() => expect(screen.getByTestId("pdf-zoom").textContent).toBe("80 %"));
  });

  it("lays every page out for print media, then opens the system print dialog", async () => {
    fakePdf(2);
    invokeMock.mockResolvedValue(undefined);
    render(<PdfViewer bytes={bytes} title="quote.pdf" />);
    await screen.findByText("of 2");
    fireEvent.click(screen.getByTestId("pdf-print"));
    await waitFor(() => expect(invokeMock).toHaveBeenCalledWith("window_print", undefined));
    const images = Array.from(screen.getByTestId("pdf-print-pages").querySelectorAll("img"));
    expect(images.map((image) => image.getAttribute("src"))).toEqual(["data:image/png;base64,page1", "data:image/png;base64,page2"]);
    expect(screen.getByTestId("pdf-print-pages").parentElement).toBe(document.body);
  });

  it("says so when the bytes cannot be opened", async () => {
    openMock.mockRejectedValue(new Error("Invalid PDF structure."));
    render(<PdfViewer bytes={bytes} title="broken.pdf" />);
    expect((await screen.findByTestId("pdf-error")).textContent).toBe("This PDF cannot be shown: Error: Invalid PDF structure.");
  });
});
