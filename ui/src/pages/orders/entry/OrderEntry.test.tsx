// Tests of order entry: the keyboard line flow, totals shown from orders_preview, the credit warning, placing with Ctrl+Enter.
import { invoke, type InvokeArgs } from "@tauri-apps/api/core";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { NewOrder } from "../../../bindings/NewOrder";
import type { OrderPreview } from "../../../bindings/OrderPreview";
import { answerCommands } from "../../../testCommands";
import { clerk, customer, line, order, owner, product, profile } from "../../../testFixtures";
import { OrderEntry } from "./OrderEntry";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

afterEach(() => {
  invokeMock.mockReset();
});

const nordlicht = customer();
const bolts = [product("BOLT-10", "Bolt M10"), product("BOLT-12", "Bolt M12", { unitPrice: "3.10" })];
// Deliberately not price × quantity: the screen must show the server's figures, not its own.
const preview: OrderPreview = {
  order: order("draft", { amountLines: "900.00", amountTax: "99.99", amountTotal: "999.99", lines: [line("BOLT-12", { amount: "900.00", unitPrice: "3.10" })] }),
  creditWarning: null,
};

function answers(previewAnswer: OrderPreview = preview, extra: Record<string, (args?: InvokeArgs) => unknown> = {}) {
  return answerCommands({
    business_get: { ok: profile },
    customers_list: { ok: { items: [nordlicht], total: 1 } },
    products_list: { ok: { items: bolts, total: 2 } },
    orders_preview: { ok: previewAnswer },
    ...extra,
  });
}

const previewInputs = () =>
  invokeMock.mock.calls.filter(([command]) => command === "orders_preview").map(([, args]) => (args as { input: NewOrder }).input);

/** Picks the customer and adds 3 × BOLT-12 with the keyboard only. */
async function enterByKeyboard() {
  const customerBox = screen.getByTestId("entry-customer");
  expect(document.activeElement).toBe(customerBox);
  fireEvent.change(customerBox, { target: { value: "nord" } });
  await screen.findByTestId("entry-customer-option-7");
  fireEvent.keyDown(customerBox, { key: "Enter" });

  const productBox = screen.getByTestId("entry-product");
  expect(document.activeElement).toBe(productBox);
  fireEvent.change(productBox, { target: { value: "BOLT" } });
  await screen.findByTestId("entry-product-option-BOLT-12");
  fireEvent.keyDown(productBox, { key: "ArrowDown" });
  expect(screen.getByTestId("entry-product-option-BOLT-12").getAttribute("aria-selected")).toBe("true");
  fireEvent.keyDown(productBox, { key: "Enter" });

  const quantity = screen.getByTestId("entry-quantity");
  expect(document.activeElement).toBe(quantity);
  fireEvent.change(quantity, { target: { value: "3" } });
  fireEvent.keyDown(quantity, { key: "Enter" });
}

describe("OrderEntry", () => {
  it("adds a line with type, arrow, Enter, quantity, Enter and returns to the product box", async () => {
    invokeMock.mockImplementation(answers());
    render(<OrderEntry user={owner} onOpenOrder={vi.fn()} />);
    await enterByKeyboard();

    expect(screen.getByTestId("entry-line-BOLT-12")).toBeTruthy();
    expect(screen.getByTestId("entry-line-qty-BOLT-12")).toHaveProperty("value", "3");
    expect(screen.queryByTestId("entry-line-BOLT-10")).toBeNull();
    const productBox = screen.getByTestId("entry-product");
    await waitFor(() => expect(productBox).toHaveProperty("value", ""));
    expect(document.activeElement).toBe(productBox);
    expect(screen.getByTestId("entry-quantity")).toHaveProperty("value", "1");
    expect(invokeMock).toHaveBeenCalledWith("products_list", { query: { search: "BOLT", lowStockOnly: false, activeOnly: true, offset: 0, limit: 10 } });
  });

  it("shows line amounts, tax and total from orders_preview", async () => {
    invokeMock.mockImplementation(answers());
    render(<OrderEntry user={owner} onOpenOrder={vi.fn()} />);
    await enterByKeyboard();

    const total = await screen.findByTestId("entry-total");
    expect(total.getAttribute("data-amount")).toBe("999.99");
    expect(total.textContent).toMatch(/999.99 EUR/);
    expect(screen.getByTestId("entry-tax").getAttribute("data-amount")).toBe("99.99");
    expect(screen.getByTestId("entry-line-amount-BOLT-12").getAttribute("data-amount")).toBe("900.00");
    expect(previewInputs().at(-1)).toMatchObject({ customerId: 7, lines: [{ sku: "BOLT-12", quantity: 3 }], place: true, creditOverride: null });
    expect(screen.queryByTestId("credit-warning")).toBeNull();
  });

  it("previews again after a quantity is changed in the lines table", async () => {
    invokeMock.mockImplementation(answers());
    render(<OrderEntry user={owner} onOpenOrder={vi.fn()} />);
    await enterByKeyboard();
    await screen.findByTestId("entry-total");
    fireEvent.change(screen.getByTestId("entry-line-qty-BOLT-12"), { target: { value: "5" } });
    await waitFor(() => expect(previewInputs().at(-1)?.lines).toEqual([{ sku: "BOLT-12", quantity: 5 }]));
  });

  it("shows the credit warning with the customer's balance and available credit", async () => {
    const warning = { customer: "Nordlicht GmbH", currency: "EUR", balance: "120.00", orderAmount: "999.99", balanceAfter: "1119.99", limit: "500.00" };
    invokeMock.mockImplementation(answers({ ...preview, creditWarning: warning }));
    render(<OrderEntry user={clerk} onOpenOrder={vi.fn()} />);
    await enterByKeyboard();

    expect((await screen.findByTestId("credit-warning")).textContent).toContain("would take Nordlicht GmbH over their credit limit");
    const figures = ["credit-warning-balance", "credit-warning-order", "credit-warning-after", "credit-warning-limit"].map((id) => screen.getByTestId(id));
    expect(figures.map((figure) => figure.getAttribute("data-amount"))).toEqual(["120.00", "999.99", "1119.99", "500.00"]);
    expect(screen.getByTestId("credit-warning-after").textContent).toMatch(/1,119.99 EUR/);
    expect(screen.getByTestId("customer-balance").textContent).toContain("120.00");
    expect(screen.getByTestId("customer-available-credit").textContent).toContain("380.00");
    expect(screen.queryByTestId("entry-credit-override")).toBeNull();
  });

  it("places with Ctrl+Enter and opens the new order; a refusal is shown as the server words it", async () => {
    const onOpenOrder = vi.fn();
    const refusal = { code: "insufficient_stock", message: "not enough stock of BOLT-12: 2 on hand, 3 needed", details: {} };
    const creates: unknown[] = [];
    invokeMock.mockImplementation(
      answers(preview, {
        orders_create: (args) => {
          creates.push(args);
          if (creates.length === 1) throw refusal;
          return order("placed", { number: "SO-000043" });
        },
      }),
    );
    render(<OrderEntry user={owner} onOpenOrder={onOpenOrder} />);
    await enterByKeyboard();

    fireEvent.keyDown(screen.getByTestId("entry-product"), { key: "Enter", ctrlKey: true });
    expect((await screen.findByTestId("entry-error")).textContent).toBe(refusal.message);
    fireEvent.click(screen.getByTestId("entry-place"));
    await waitFor(() => expect(onOpenOrder).toHaveBeenCalledWith("SO-000043"));
    expect(creates[1]).toMatchObject({ input: { customerId: 7, place: true, lines: [{ sku: "BOLT-12", quantity: 3 }] } });
  });
});
