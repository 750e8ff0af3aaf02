// Tests of the order's attachments: listing, attaching by file choice and by drop (bytes + headers), refusals, removal rights.
import { invoke } from "@tauri-apps/api/core";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Attachment } from "../../../bindings/Attachment";
import { answerCommands } from "../../../testCommands";
import { AttachmentsCard, formatSize } from "./AttachmentsCard";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);
afterEach(() => invokeMock.mockReset());

const quote: Attachment = {
  id: 4,
  orderId: 42,
  orderNumber: "SO-000042",
  fileName: "quote.pdf",
  sizeBytes: 48_213,
  pages: 2,
  sha256: "ab".repeat(32),
  attachedBy: "ben",
  attachedAt: "2026-11-22T09:00:00Z",
};

function pdfFile(name: string) {
  return new File([new Uint8Array([37, 80, 68, 70, 45])], name, { type: "application/pdf" });
}

function show(props: Partial<Parameters<typeof AttachmentsCard>[0]> = {}) {
  const onOpen = vi.fn();
  render(<AttachmentsCard orderNumber="SO-000042" mayRemove={false} openId={null} onOpen={onOpen} onChanged={vi.fn()} {...props} />);
  return onOpen;
}

describe("AttachmentsCard", () => {
  it("lists name, size, pages and who attached, and opens one", async () => {
    invokeMock.mockImplementation(answerCommands({ attachments_list: { ok: [quote] } }));
    const onOpen = show();
    const row = await screen.findByTestId("attachment-row-4");
    expect(row.textContent).toContain("quote.pdf");
    expect(row.textContent).toContain("47 KB");
    expect(row.textContent).toContain("ben");
    fireEvent.click(screen.getByTestId("attachment-open-4"));
    expect(onOpen).toHaveBeenCalledWith(quote);
    expect(screen.queryByTestId("attachment-remove-4")).toBeNull();
  });

  it("sends a chosen file as raw bytes with the order and its name in headers", async () => {
    const lists = [[], [quote]];
    invokeMock.mockImplementation(answerCommands({ attachments_list: () => lists.shift() ?? [quote], attachments_add: { ok: quote } }));
    show();
    await screen.findByText("No attachments yet.");
    fireEvent.change(screen.getByTestId("attachment-file-input"), { target: { files: [pdfFile("Angebot März.pdf")] } });
    expect((await screen.findByTestId("attachment-notice")).textContent).toBe("Attached quote.pdf.");
    const [command, body, options] = invokeMock.mock.calls.find(([name]) => name === "attachments_add") ?? [];
    expect(command).toBe("attachments_add");
    expect(Array.from(body as Uint8Array)).toEqual([37, 80, 68, 70, 45]);
    expect(options).toEqual({ headers: { "x-kontor-order": "SO-000042", "x-kontor-file-name": "Angebot%20M%C3%A4rz.pdf" } });
    await screen.findByTestId("attachment-row-4");
  });

  it("attaches dropped files and shows the core's refusal in its words", async () => {
    invokeMock.mockImplementation(
      answerCommands({
        attachments_list: { ok: [] },
        attachments_add: {
          refuse: { code: "invalid_attachment", message: "scan.pdf: not accepted as a PDF attachment: the PDF is encrypted (password-protected); attach an unprotected copy", details: {} },
        },
      }),
    );
    show();
    await screen.findByText("No attachments yet.");
    fireEvent.drop(screen.getByTestId("attachment-drop"), { dataTransfer: { files: [pdfFile("scan.pdf")] } });
    expect((await screen.findByTestId("attachment-error")).textContent).toContain("the PDF is encrypted");
  });

  it("lets managers remove after asking, and closes the viewer when the open one goes", async () => {
    invokeMock.mockImplementation(answerCommands({ attachments_list: { ok: [quote] }, attachments_remove: { ok: quote } }));
    const onOpen = show({ mayRemove: true, openId: 4 });
    fireEvent.click(await screen.findByTestId("attachment-remove-4"));
    fireEvent.click(screen.getByTestId("attachment-remove-keep"));
    expect(invokeMock.mock.calls.map(([command]) => command)).not.toContain("attachments_remove");
    fireEvent.click(screen.getByTestId("attachment-remove-4"));
    fireEvent.click(screen.getByTestId("attachment-remove-confirm"));
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith(null));
    expect(invokeMock).toHaveBeenCalledWith("attachments_remove", { id: 4 });
  });

  it("formats sizes for reading", () => {
    expect([formatSize(512), formatSize(48_213), formatSize(26_214_400)]).toEqual(["512 B", "47 KB", "25.0 MB"]);
  });
});
