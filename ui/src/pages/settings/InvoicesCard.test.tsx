// Tests of Settings → Invoices: saving the profile, refusals at the field they name, the logo's upload and removal, read-only for non-owners, the sample PDF.
import { invoke } from "@tauri-apps/api/core";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { InvoiceSettings } from "../../bindings/InvoiceSettings";
import { openPdf, type OpenPdf } from "../../components/pdf/pdfjs";
import { answerCommands } from "../../testCommands";
import { InvoicesCard } from "./InvoicesCard";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("../../components/pdf/pdfjs", () => ({ openPdf: vi.fn() }));
const invokeMock = vi.mocked(invoke);
const openMock = vi.mocked(openPdf);
afterEach(() => {
  invokeMock.mockReset();
  openMock.mockReset();
});

const settings: InvoiceSettings = {
  businessName: "Berg Hardware",
  baseCurrency: "EUR",
  profile: {
    legalName: "",
    address: "Hauptstraße 1\n10115 Berlin",
    taxId: "DE123456789",
    bankDetails: "IBAN DE02 1203 0000 0000 2020 51",
    paymentTermsDays: 14,
    invoiceFooter: "Thank you!",
    paperSize: "a4",
    numberLocale: "de",
    invoicePrefix: "INV",
    creditNotePrefix: "CN",
  },
  logo: null,
  updatedAt: "2026-11-22T06:00:00Z",
};
const withLogo: InvoiceSettings = { ...settings, logo: { id: 3, mime: "image/png", width: 40, height: 20 } };

const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;

describe("InvoicesCard", () => {
  it("saves the profile with the payment terms as a number and says so", async () => {
    const saved = { ...settings, profile: { ...settings.profile, legalName: "Berg Hardware GmbH", paymentTermsDays: 30, paperSize: "letter" as const } };
    invokeMock.mockImplementation(answerCommands({ invoice_settings_get: { ok: settings }, invoice_profile_update: { ok: saved } }));
    render(<InvoicesCard canEdit canPreview />);
    await waitFor(() => expect(input("invoice-taxId").value).toBe("DE123456789"));
    expect(input("invoice-numberLocale").value).toBe("de");
    fireEvent.change(input("invoice-legalName"), { target: { value: "Berg Hardware GmbH" } });
    fireEvent.change(input("invoice-paymentTermsDays"), { target: { value: "30" } });
    fireEvent.change(input("invoice-paperSize"), { target: { value: "letter" } });
    fireEvent.click(screen.getByTestId("invoice-save"));
    expect((await screen.findByTestId("invoice-saved")).textContent).toBe("Saved.");
    expect(invokeMock).toHaveBeenCalledWith("invoice_profile_update", { profile: saved.profile });
    expect(input("invoice-paperSize").value).toBe("letter");
  });

  it("shows a refusal next to the field it names, and refuses payment terms that are not whole days without calling", async () => {
    invokeMock.mockImplementation(
      answerCommands({
        invoice_settings_get: { ok: settings },
        invoice_profile_update: { refuse: { code: "invalid_input", message: "invoicePrefix: use letters and digits only", details: { field: "invoicePrefix" } } },
      }),
    );
    render(<InvoicesCard canEdit canPreview />);
    await waitFor(() => expect(input("invoice-invoicePrefix").value).toBe("INV"));
    fireEvent.change(input("invoice-paymentTermsDays"), { target: { value: "7.5" } });
    fireEvent.click(screen.getByTestId("invoice-save"));
    expect((await screen.findByTestId("invoice-paymentTermsDays-error")).textContent).toBe("paymentTermsDays: must be between 0 and 365 days");
    expect(invokeMock).not.toHaveBeenCalledWith("invoice_profile_update", expect.anything());

    fireEvent.change(input("invoice-paymentTermsDays"), { target: { value: "10" } });
    fireEvent.change(input("invoice-invoicePrefix"), { target: { value: "R/E" } });
    fireEvent.click(screen.getByTestId("invoice-save"));
    expect((await screen.findByTestId("invoice-invoicePrefix-error")).textContent).toBe("invoicePrefix: use letters and digits only");
    expect(screen.queryByTestId("invoice-paymentTermsDays-error")).toBeNull();
    expect(screen.queryByTestId("invoice-error")).toBeNull();
    expect(screen.queryByTestId("invoice-saved")).toBeNull();
  });

  it("sends a chosen logo's bytes, shows invalid_logo at the logo, and removes a logo", async () => {
    const logoAnswers: unknown[] = [
      { refuse: { code: "invalid_logo", message: "the logo is not a PNG or JPEG image", details: { field: "logo" } } },
      { ok: withLogo },
      { ok: settings },
    ];
    invokeMock.mockImplementation(async (command, args) => {
      if (command === "invoice_settings_get") return settings;
      const answer = logoAnswers.shift() as Parameters<typeof answerCommands>[0][string];
      return answerCommands({ invoice_logo_set: answer })(command, args);
    });
    render(<InvoicesCard canEdit canPreview={false} />);
    expect((await screen.findByTestId("invoice-logo-state")).textContent).toBe("No logo.");
    expect(screen.queryByTestId("invoice-logo-remove")).toBeNull();

    const text = new File([new Uint8Array([104, 105])], "logo.txt", { type: "text/plain" });
    fireEvent.change(screen.getByTestId("invoice-logo"), { target: { files: [text] } });
    expect((await screen.findByTestId("invoice-logo-error")).textContent).toBe("the logo is not a PNG or JPEG image");
    expect(invokeMock).toHaveBeenCalledWith("invoice_logo_set", { logo: [104, 105] });

    const png = new File([new Uint8Array([137, 80, 78, 71])], "logo.png", { type: "image/png" });
    fireEvent.change(screen.getByTestId("invoice-logo"), { target: { files: [png] } });
    await waitFor(() => expect(screen.getByTestId("invoice-logo-state").textContent).toBe("Logo 40 × 20 px (image/png)."));
    expect(invokeMock).toHaveBeenCalledWith("invoice_logo_set", { logo: [137, 80, 78, 71] });
    expect(screen.queryByTestId("invoice-logo-error")).toBeNull();

    fireEvent.click(screen.getByTestId("invoice-logo-remove"));
    await waitFor(() => expect(screen.getByTestId("invoice-logo-state").textContent).toBe("No logo."));
    expect(invokeMock).toHaveBeenLastCalledWith("invoice_logo_set", { logo: null });
    expect(screen.queryByTestId("invoice-preview")).toBeNull();
  });

  it("is read-only for everyone but the owner", async () => {
    invokeMock.mockImplementation(answerCommands({ invoice_settings_get: { ok: withLogo } }));
    render(<InvoicesCard canEdit={false} canPreview={false} />);
    await waitFor(() => expect(input("invoice-legalName").disabled).toBe(false));
    expect(input("invoice-legalName").readOnly).toBe(true);
    expect(input("invoice-paperSize").disabled).toBe(true);
    expect(screen.queryByTestId("invoice-save")).toBeNull();
    expect(screen.queryByTestId("invoice-logo")).toBeNull();
    expect(screen.queryByTestId("invoice-logo-remove")).toBeNull();
    expect(screen.getByTestId("invoice-logo-state").textContent).toBe("Logo 40 × 20 px (image/png).");
    expect(screen.getByText("Only the owner can change how invoices look.")).toBeTruthy();
  });

  it("shows the sample invoice's PDF in the viewer, or why it cannot", async () => {
    const pdf: OpenPdf = {
      pageCount: 1,
      render: vi.fn<OpenPdf["render"]>().mockResolvedValue(undefined),
      pageSize: () => Promise.resolve({ width: 595, height: 842 }),
      pageImage: () => Promise.resolve("data:image/png;base64,page1"),
      close: vi.fn(),
    };
    openMock.mockResolvedValue(pdf);
    const bytes = new Uint8Array([37, 80, 68, 70, 45]);
    const answers: unknown[] = [{ refuse: { code: "forbidden", message: "only a manager or the owner may do this", details: {} } }, { ok: bytes.buffer }];
    invokeMock.mockImplementation(async (command, args) => {
      if (command === "invoice_settings_get") return settings;
      const answer = answers.shift() as Parameters<typeof answerCommands>[0][string];
      return answerCommands({ invoice_preview_pdf: answer })(command, args);
    });
    render(<InvoicesCard canEdit={false} canPreview />);
    fireEvent.click(await screen.findByTestId("invoice-preview"));
    expect((await screen.findByTestId("invoice-preview-error")).textContent).toBe("only a manager or the owner may do this");
    expect(screen.queryByTestId("invoice-preview-pdf")).toBeNull();
    fireEvent.click(screen.getByTestId("invoice-preview"));
    await screen.findByTestId("invoice-preview-pdf");
    await waitFor(() => expect(openMock).toHaveBeenCalledWith(bytes));
    expect(screen.queryByTestId("invoice-preview-error")).toBeNull();
  });
});
