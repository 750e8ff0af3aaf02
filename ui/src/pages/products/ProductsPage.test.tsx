// Tests of the Products page: a clerk's edit meets the server's "forbidden", and "set the count" sends the difference.
import { invoke } from "@tauri-apps/api/core";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { answerCommands } from "../../testCommands";
import { clerk, owner, product, profile } from "../../testFixtures";
import { ProductsPage } from "./ProductsPage";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

afterEach(() => {
  invokeMock.mockReset();
});

const bolt = product("BOLT-10", "Bolt M10", { stock: 40 });
const detail = { product: bolt, prices: [{ validFrom: "2026-11-01T00:00:00Z", unitPrice: "2.50", cost: "1.00", actorName: "Anna Berg" }], movements: [] };

function answers(extra: Parameters<typeof answerCommands>[0] = {}) {
  return answerCommands({ business_get: { ok: profile }, products_list: { ok: { items: [bolt], total: 1 } }, products_get: { ok: detail }, ...extra });
}

async function openBolt() {
  fireEvent.click(await screen.findByTestId("product-row-BOLT-10"));
  await screen.findByTestId("product-panel");
}

describe("ProductsPage", () => {
  it("shows the server's refusal when a clerk saves a product", async () => {
    const forbidden = { code: "forbidden", message: "a clerk may not manage products or stock", details: {} };
    invokeMock.mockImplementation(answers({ products_update: { refuse: forbidden } }));
    render(<ProductsPage user={clerk} />);
    await openBolt();
    expect(screen.getByText("Only managers and owners change products and stock.")).toBeTruthy();
    fireEvent.click(screen.getByTestId("product-edit"));
    expect(screen.queryByTestId("product-form-sku")).toBeNull();
    fireEvent.click(screen.getByTestId("product-form-save"));
    expect((await screen.findByTestId("product-form-error")).textContent).toBe("a clerk may not manage products or stock");
  });

  it("sets a counted stock as the difference to the stock on screen", async () => {
    invokeMock.mockImplementation(answers({ products_adjust_stock: { ok: { ...bolt, stock: 37 } } }));
    render(<ProductsPage user={owner} />);
    await openBolt();
    fireEvent.click(screen.getByTestId("stock-mode-set"));
    fireEvent.change(screen.getByTestId("stock-value"), { target: { value: "37" } });
    fireEvent.change(screen.getByTestId("stock-reason"), { target: { value: "recount" } });
    fireEvent.change(screen.getByTestId("stock-note"), { target: { value: "shelf count" } });
    fireEvent.click(screen.getByTestId("stock-submit"));
    await waitFor(() =>
      expect(invokeMock).toHaveBeenCalledWith("products_adjust_stock", { id: bolt.id, adjustment: { delta: -3, reason: "recount", note: "shelf count" } }),
    );
  });
});
