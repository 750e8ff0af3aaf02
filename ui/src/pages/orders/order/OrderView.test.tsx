// Tests of the order page: the actions each status offers, a refusal shown next to its action, and a restocking return.
import { invoke } from "@tauri-apps/api/core";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { OrderStatus } from "../../../bindings/OrderStatus";
import { answerCommands } from "../../../testCommands";
import { clerk, detail, line, order, owner, profile } from "../../../testFixtures";
import { OrderView } from "./OrderView";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);
const openInvoice = vi.fn();
const noInvoices = { items: [], total: 0 };

afterEach(() => {
  invokeMock.mockReset();
});

const ORDER_ACTIONS = ["order-place", "order-ship", "order-deliver", "order-cancel"];
const LINE_ACTIONS = ["line-qty-BOLT-10", "line-cancel-BOLT-10", "line-return-BOLT-10", "payment-submit"];

const shown = (ids: string[]) => ids.filter((id) => screen.queryByTestId(id) !== null);

async function showOrder(status: OrderStatus, user = owner) {
  invokeMock.mockImplementation(answerCommands({ business_get: { ok: profile }, invoices_list: { ok: noInvoices }, orders_get: { ok: detail(order(status)) } }));
  render(<OrderView number="SO-000042" user={user} onOpenInvoice={openInvoice} />);
  expect((await screen.findByTestId("order-status")).textContent).toBe(status.charAt(0).toUpperCase() + status.slice(1));
}

describe("OrderView", () => {
  it.each([
    ["draft", ["order-place", "order-cancel"], []],
    ["placed", ["order-ship", "order-cancel"], ["line-qty-BOLT-10", "line-cancel-BOLT-10", "payment-submit"]],
    ["processing", ["order-ship", "order-cancel"], ["line-qty-BOLT-10", "line-cancel-BOLT-10", "payment-submit"]],
    ["shipped", ["order-deliver"], ["line-return-BOLT-10", "payment-submit"]],
    ["delivered", [], ["line-return-BOLT-10", "payment-submit"]],
    ["cancelled", [], []],
  ] as const)("offers what a %s order allows", async (status, orderActions, lineActions) => {
    await showOrder(status);
    expect(shown(ORDER_ACTIONS)).toEqual(orderActions);
    expect(shown(LINE_ACTIONS)).toEqual(lineActions);
  });

  it("shows header and totals from the server", async () => {
    await showOrder("placed");
    expect(screen.getByTestId("order-number").textContent).toBe("SO-000042");
    expect(screen.getByTestId("order-total").getAttribute("data-amount")).toBe("11.90");
    expect(screen.getByTestId("order-paid").getAttribute("data-amount")).toBe("0.00");
  });

  it("shows the server's refusal next to the order actions", async () => {
    invokeMock.mockImplementation(
      answerCommands({
        business_get: { ok: profile }, invoices_list: { ok: noInvoices },
        orders_get: { ok: detail(order("placed")) },
        orders_ship: { refuse: { code: "invalid_state", message: "order SO-000042 is without lines: cannot ship it", details: {} } },
      }),
    );
    render(<OrderView number="SO-000042" user={owner} onOpenInvoice={openInvoice} />);
    fireEvent.click(await screen.findByTestId("order-ship"));
    expect((await screen.findByTestId("order-error")).textContent).toBe("order SO-000042 is without lines: cannot ship it");
  });

  it("asks before cancelling the order", async () => {
    invokeMock.mockImplementation(
      answerCommands({ business_get: { ok: profile }, invoices_list: { ok: noInvoices }, orders_get: { ok: detail(order("placed")) }, orders_cancel: { ok: order("cancelled") } }),
    );
    render(<OrderView number="SO-000042" user={owner} onOpenInvoice={openInvoice} />);
    fireEvent.click(await screen.findByTestId("order-cancel"));
    expect(invokeMock.mock.calls.map(([command]) => command)).not.toContain("orders_cancel");
    fireEvent.click(screen.getByTestId("order-cancel-confirm"));
    await waitFor(() => expect(invokeMock).toHaveBeenCalledWith("orders_cancel", { order: "SO-000042" }));
  });

  it("returns part of a shipped line to stock and reloads the order", async () => {
    const returned = order("shipped", { lines: [line("BOLT-10", { returned: 1, effective: 3, state: "returned" })] });
    const details = [detail(order("shipped")), detail(returned)];
    invokeMock.mockImplementation(
      answerCommands({ business_get: { ok: profile }, invoices_list: { ok: noInvoices }, orders_get: () => details.shift() ?? detail(returned), orders_return: { ok: returned } }),
    );
    render(<OrderView number="SO-000042" user={owner} onOpenInvoice={openInvoice} />);
    fireEvent.click(await screen.findByTestId("line-return-BOLT-10"));
    fireEvent.change(screen.getByTestId("return-qty"), { target: { value: "1" } });
    fireEvent.click(screen.getByTestId("return-restock"));
    fireEvent.click(screen.getByTestId("return-submit"));
    await waitFor(() => expect(screen.getByTestId("line-returned-BOLT-10").textContent).toBe("1"));
    expect(invokeMock).toHaveBeenCalledWith("orders_return", { order: "SO-000042", sku: "BOLT-10", quantity: 1, restock: true });
    expect(screen.queryByTestId("return-qty")).toBeNull();
  });

  it("offers refunds to managers and owners only", async () => {
    const paid = order("delivered", { amountPaid: "11.90" });
    invokeMock.mockImplementation(answerCommands({ business_get: { ok: profile }, invoices_list: { ok: noInvoices }, orders_get: { ok: detail(paid) } }));
    const { unmount } = render(<OrderView number="SO-000042" user={owner} onOpenInvoice={openInvoice} />);
    expect(await screen.findByTestId("refund-submit")).toBeTruthy();
    unmount();
    render(<OrderView number="SO-000042" user={clerk} onOpenInvoice={openInvoice} />);
    await screen.findByTestId("payment-submit");
    expect(screen.queryByTestId("refund-submit")).toBeNull();
  });
});
