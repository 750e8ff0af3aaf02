// Tests of the Invoices page: the list's filters and search sent to the core, status chips with overdue, a clerk's refusal as the page, and one invoice beside its PDF.
import { invoke } from "@tauri-apps/api/core";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { InvoiceQuery } from "../../bindings/InvoiceQuery";
import { openPdf, type OpenPdf } from "../../components/pdf/pdfjs";
import { invoiceDetail, invoicePage, invoiceSummary } from "../../invoiceFixtures";
import { answerCommands } from "../../testCommands";
import { InvoicesPage } from "./InvoicesPage";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("../../components/pdf/pdfjs", () => ({ openPdf: vi.fn() }));
const invokeMock = vi.mocked(invoke);
const openMock = vi.mocked(openPdf);

afterEach(() => {
  // Unmount first: a viewer still opening must not meet a reset openPdf.
  cleanup();
  invokeMock.mockReset();
  openMock.mockReset();
});

const invoice = invoiceSummary("INV-2026-000001", { status: "partially_paid", amountPaid: "5.00", overdue: true });
const creditNote = invoiceSummary("CN-2026-000001", { id: 2, kind: "credit_note", amountTotal: "2.98", status: "issued" });
const queries = () => invokeMock.mock.calls.filter(([command]) => command === "invoices_list").map(([, args]) => (args as { query: InvoiceQuery }).query);

describe("InvoicesPage list", () => {
  it("lists invoices and credit notes with their status, overdue marked, and sends each filter to the core", async () => {
    invokeMock.mockImplementation(answerCommands({ invoices_list: { ok: invoicePage([invoice, creditNote]) } }));
    const onNavigate = vi.fn();
    render(<InvoicesPage invoice={undefined} onNavigate={onNavigate} />);
    const row = await screen.findByTestId("invoice-row-INV-2026-000001");
    expect(within(row).getByText("Partially paid")).toBeTruthy();
    expect(within(row).getByText("Overdue")).toBeTruthy();
    expect(within(screen.getByTestId("invoice-row-CN-2026-000001")).getByText("Credit note")).toBeTruthy();
    expect(within(screen.getByTestId("invoice-row-CN-2026-000001")).queryByText("Overdue")).toBeNull();
    expect(queries()[0]).toEqual({ kind: null, status: null, overdueOnly: false, from: null, to: null, search: null, offset: 0, limit: 50 });

    fireEvent.change(screen.getByTestId("invoices-kind"), { target: { value: "credit_note" } });
    await waitFor(() => expect(queries().at(-1)).toMatchObject({ kind: "credit_note", status: null, overdueOnly: false }));
    fireEvent.change(screen.getByTestId("invoices-status"), { target: { value: "paid" } });
    await waitFor(() => expect(queries().at(-1)).toMatchObject({ kind: "credit_note", status: "paid" }));
    fireEvent.click(screen.getByTestId("invoices-overdue"));
    await waitFor(() => expect(queries().at(-1)).toMatchObject({ status: "paid", overdueOnly: true }));
    fireEvent.change(screen.getByTestId("invoices-search"), { target: { value: " SO-000042 " } });
    await waitFor(() => expect(queries().at(-1)).toMatchObject({ search: "SO-000042", overdueOnly: true }));

    fireEvent.click(screen.getByTestId("invoice-row-INV-2026-000001"));
    expect(onNavigate).toHaveBeenCalledWith(expect.objectContaining({ page: "invoices", invoice: "INV-2026-000001" }));
  });

  it("opens at the overdue invoices when the dashboard asks", async () => {
    invokeMock.mockImplementation(answerCommands({ invoices_list: { ok: invoicePage([invoice]) } }));
    render(<InvoicesPage invoice={undefined} overdueOnly onNavigate={vi.fn()} />);
    await screen.findByTestId("invoice-row-INV-2026-000001");
    expect(queries()[0]).toMatchObject({ overdueOnly: true });
    expect((screen.getByTestId("invoices-overdue") as HTMLInputElement).checked).toBe(true);
  });

  it("says no invoices match when a filter finds none", async () => {
    invokeMock.mockImplementation(answerCommands({ invoices_list: (args) => invoicePage((args as { query: InvoiceQuery }).query.overdueOnly ? [] : [invoice]) }));
    render(<InvoicesPage invoice={undefined} onNavigate={vi.fn()} />);
    await screen.findByTestId("invoice-row-INV-2026-000001");
    fireEvent.click(screen.getByTestId("invoices-overdue"));
    expect((await screen.findByText("No invoices match")).className).toBe("empty-state-headline");
  });

  it("shows a clerk the core's refusal as the page", async () => {
    const refusal = "a clerk may not issue or read invoices";
    invokeMock.mockImplementation(answerCommands({ invoices_list: { refuse: { code: "forbidden", message: refusal, details: {} } } }));
    render(<InvoicesPage invoice={undefined} onNavigate={vi.fn()} />);
    expect((await screen.findByTestId("empty-state")).textContent).toContain(refusal);
    expect(screen.queryByTestId("invoices-search")).toBeNull();
  });
});

function fakePdf() {
  const pdf: OpenPdf = {
    pageCount: 1,
    render: vi.fn<OpenPdf["render"]>().mockResolvedValue(undefined),
    pageSize: () => Promise.resolve({ width: 595, height: 842 }),
    pageImage: () => Promise.resolve("data:image/png;base64,page1"),
    close: vi.fn(),
  };
  openMock.mockResolvedValue(pdf);
}

describe("InvoicesPage invoice", () => {
  it("shows the invoice's details and credit notes beside its PDF, and opens the related documents and the order", async () => {
    fakePdf();
    const pdfBytes = new Uint8Array([37, 80, 68, 70]);
    invokeMock.mockImplementation(answerCommands({ invoices_get: { ok: invoiceDetail(invoice, [creditNote]) }, invoices_pdf: { ok: pdfBytes.buffer } }));
    const onNavigate = vi.fn();
    render(<InvoicesPage invoice="INV-2026-000001" onNavigate={onNavigate} />);
    expect((await screen.findByTestId("invoice-number")).textContent).toBe("INV-2026-000001");
    expect(screen.getByTestId("invoice-status").textContent).toBe("Partially paid");
    expect(screen.getByTestId("invoice-status-overdue")).toBeTruthy();
    expect(screen.getByTestId("invoice-customer").textContent).toBe("Berg Hardware");
    expect(screen.getByTestId("invoice-total").getAttribute("data-amount")).toBe("11.90");
    expect(screen.getByTestId("invoice-paid").getAttribute("data-amount")).toBe("5.00");
    await waitFor(() => expect(invokeMock).toHaveBeenCalledWith("invoices_pdf", { number: "INV-2026-000001" }));
    await waitFor(() => expect(openMock).toHaveBeenCalledWith(pdfBytes));
    expect(await screen.findByTestId("pdf-page-count")).toBeTruthy();

    fireEvent.click(screen.getByTestId("invoice-related-open-CN-2026-000001"));
    expect(onNavigate).toHaveBeenLastCalledWith(expect.objectContaining({ page: "invoices", invoice: "CN-2026-000001" }));
    fireEvent.click(screen.getByTestId("invoice-open-order"));
    expect(onNavigate).toHaveBeenLastCalledWith(expect.objectContaining({ page: "orders", orders: { kind: "order", number: "SO-000042" } }));
  });

  it("shows a credit note with the invoice it corrects and no due date or payments", async () => {
    fakePdf();
    invokeMock.mockImplementation(answerCommands({ invoices_get: { ok: invoiceDetail(creditNote, [invoice]) }, invoices_pdf: { ok: new ArrayBuffer(4) } }));
    render(<InvoicesPage invoice="CN-2026-000001" onNavigate={vi.fn()} />);
    expect((await screen.findByTestId("invoice-corrects")).textContent).toBe("INV-2026-000001");
    expect(screen.queryByTestId("invoice-due")).toBeNull();
    expect(screen.queryByTestId("invoice-paid")).toBeNull();
    expect(screen.getByTestId("invoice-related-INV-2026-000001")).toBeTruthy();
  });

  it("shows why the PDF cannot be shown, keeping the details", async () => {
    invokeMock.mockImplementation(
      answerCommands({ invoices_get: { ok: invoiceDetail(invoice) }, invoices_pdf: { refuse: { code: "not_found", message: "no invoice INV-2026-000001", details: {} } } }),
    );
    render(<InvoicesPage invoice="INV-2026-000001" onNavigate={vi.fn()} />);
    expect((await screen.findByTestId("invoice-pdf-error")).textContent).toBe("no invoice INV-2026-000001");
    expect(screen.getByTestId("invoice-related-none")).toBeTruthy();
  });

  it("e-mails the document to the customer and says whether it went out or waits in the outbox", async () => {
    const outbox = { id: 7, recipient: "buy@berg.example", subject: "Invoice INV-2026-000001", attachmentName: "INV-2026-000001.pdf", status: "pending", attempts: 1, nextAttemptAt: "2026-11-22T10:00:00Z", lastError: "connection refused", queuedBy: "anna", createdAt: "2026-11-22T09:59:00Z", sentAt: null };
    invokeMock.mockImplementation(
      answerCommands({ invoices_get: { ok: invoiceDetail(invoice) }, invoices_pdf: { refuse: { code: "not_found", message: "no PDF in this test", details: {} } }, invoices_email: { ok: outbox } }),
    );
    render(<InvoicesPage invoice="INV-2026-000001" onNavigate={vi.fn()} />);
    fireEvent.click(await screen.findByTestId("invoice-email"));
    expect((await screen.findByTestId("invoice-email-queued")).textContent).toContain("Waiting in the outbox for buy@berg.example");
    expect(invokeMock).toHaveBeenCalledWith("invoices_email", { number: "INV-2026-000001" });
  });

  it("shows why an invoice cannot be e-mailed", async () => {
    const refusal = { code: "no_email_address", message: "Berg Hardware has no e-mail address to send INV-2026-000001 to", details: { field: "email" } };
    invokeMock.mockImplementation(
      answerCommands({ invoices_get: { ok: invoiceDetail(invoice) }, invoices_pdf: { refuse: { code: "not_found", message: "no PDF in this test", details: {} } }, invoices_email: { refuse: refusal } }),
    );
    render(<InvoicesPage invoice="INV-2026-000001" onNavigate={vi.fn()} />);
    fireEvent.click(await screen.findByTestId("invoice-email"));
    expect((await screen.findByTestId("invoice-email-error")).textContent).toBe(refusal.message);
    expect(screen.queryByTestId("invoice-email-queued")).toBeNull();
  });
});
