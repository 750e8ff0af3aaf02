// Tests of the order page's invoice buttons: who sees them, for which statuses, issuing and opening, and the core's refusal of an empty credit note.
import { invoke } from "@tauri-apps/api/core";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { OrderStatus } from "../../../bindings/OrderStatus";
import { invoiceDetail, invoicePage, invoiceSummary } from "../../../invoiceFixtures";
import { answerCommands, type CommandAnswer } from "../../../testCommands";
import { clerk, detail, order, owner, profile } from "../../../testFixtures";
import { OrderView } from "./OrderView";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

afterEach(() => {
  invokeMock.mockReset();
});

const invoice = invoiceSummary("INV-2026-000001");
// The search matches order numbers by "contains": another order's invoice comes back too and must not count.
const otherOrders = invoiceSummary("INV-2026-000002", { id: 2, orderNumber: "SO-0000421" });

async function showOrder(status: OrderStatus, user = owner, answers: Record<string, CommandAnswer> = {}) {
  const openInvoice = vi.fn();
  invokeMock.mockImplementation(
    answerCommands({ business_get: { ok: profile }, orders_get: { ok: detail(order(status)) }, invoices_list: { ok: invoicePage([otherOrders]) }, ...answers }),
  );
  render(<OrderView number="SO-000042" user={user} onOpenInvoice={openInvoice} />);
  await screen.findByTestId("order-status");
  return openInvoice;
}

describe("OrderInvoice", () => {
  it.each([
    ["draft", false],
    ["placed", true],
    ["processing", true],
    ["shipped", true],
    ["delivered", true],
    ["cancelled", false],
  ] as const)("offers Issue invoice on a %s order without one: %s", async (status, offered) => {
    await showOrder(status);
    await screen.findByTestId("order-invoice");
    expect(screen.queryByTestId("order-issue-invoice") !== null).toBe(offered);
    expect(screen.queryByTestId("order-open-invoice")).toBeNull();
    expect(invokeMock).toHaveBeenCalledWith("invoices_list", { query: expect.objectContaining({ kind: "invoice", search: "SO-000042" }) });
  });

  it("shows a clerk no invoice buttons and does not ask for the invoice", async () => {
    await showOrder("delivered", clerk);
    expect(screen.queryByTestId("order-invoice")).toBeNull();
    expect(invokeMock.mock.calls.map(([command]) => command)).not.toContain("invoices_list");
  });

  it("issues the invoice and opens it", async () => {
    const openInvoice = await showOrder("shipped", owner, { invoices_issue: { ok: { created: true, detail: invoiceDetail(invoice) } } });
    fireEvent.click(await screen.findByTestId("order-issue-invoice"));
    await waitFor(() => expect(openInvoice).toHaveBeenCalledWith("INV-2026-000001"));
    expect(invokeMock).toHaveBeenCalledWith("invoices_issue", { order: "SO-000042" });
  });

  it("opens the order's invoice and issues a credit note, showing the core's refusal when there is nothing to credit", async () => {
    const refusal = "order SO-000042 has nothing to credit: invoice INV-2026-000001 already covers it";
    const openInvoice = await showOrder("delivered", owner, {
      invoices_list: { ok: invoicePage([otherOrders, invoice]) },
      invoices_credit: { refuse: { code: "nothing_to_credit", message: refusal, details: { order: "SO-000042", invoice: "INV-2026-000001" } } },
    });
    fireEvent.click(await screen.findByTestId("order-open-invoice"));
    expect(screen.getByTestId("order-open-invoice").textContent).toBe("Invoice INV-2026-000001");
    expect(openInvoice).toHaveBeenCalledWith("INV-2026-000001");
    expect(screen.queryByTestId("order-issue-invoice")).toBeNull();
    fireEvent.click(screen.getByTestId("order-issue-credit"));
    expect((await screen.findByTestId("order-invoice-error")).textContent).toBe(refusal);
    expect(openInvoice).toHaveBeenCalledTimes(1);
  });

  it("opens the credit note it issued", async () => {
    const creditNote = invoiceSummary("CN-2026-000001", { id: 3, kind: "credit_note" });
    const openInvoice = await showOrder("delivered", owner, { invoices_list: { ok: invoicePage([invoice]) }, invoices_credit: { ok: invoiceDetail(creditNote, [invoice]) } });
    fireEvent.click(await screen.findByTestId("order-issue-credit"));
    await waitFor(() => expect(openInvoice).toHaveBeenCalledWith("CN-2026-000001"));
  });
});
