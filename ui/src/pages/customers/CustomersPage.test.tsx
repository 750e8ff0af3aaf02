// Tests of the Customers page: the list with VIP badge and red available credit, and adding a customer with or without a limit.
import { invoke } from "@tauri-apps/api/core";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { answerCommands } from "../../testCommands";
import { customer, profile } from "../../testFixtures";
import { CustomersPage } from "./CustomersPage";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

afterEach(() => {
  invokeMock.mockReset();
});

const nordlicht = customer();
const overdrawn = customer({ id: 8, name: "Ostwind AG", vip: true, creditLimit: "100.00", balance: "130.00", availableCredit: "-30.00" });

describe("CustomersPage", () => {
  it("lists customers with VIP badge, balances, and available credit in red at or below zero", async () => {
    invokeMock.mockImplementation(answerCommands({ business_get: { ok: profile }, customers_list: { ok: { items: [nordlicht, overdrawn], total: 2 } } }));
    render(<CustomersPage onOpenOrder={vi.fn()} />);
    const row = await screen.findByTestId("customer-row-8");
    expect(within(row).getByText("VIP")).toBeTruthy();
    expect(row.querySelector('[data-amount="-30.00"]')?.className).toContain("money-bad");
    expect(screen.getByTestId("customer-row-7").querySelector('[data-amount="380.00"]')?.className).not.toContain("money-bad");
    expect(invokeMock).toHaveBeenCalledWith("customers_list", { query: { search: null, vipOnly: false, offset: 0, limit: 50 } });
  });

  it("adds a customer: an empty credit limit means no limit; a refusal is shown as the server words it", async () => {
    const added = customer({ id: 9, name: "Kai Werft", creditLimit: null, availableCredit: null });
    const inputs: unknown[] = [];
    invokeMock.mockImplementation(
      answerCommands({
        business_get: { ok: profile },
        customers_list: { ok: { items: [], total: 0 } },
        customers_add: (args) => {
          inputs.push(args);
          if (inputs.length === 1) throw { code: "invalid_amount", message: 'creditLimit: "lots" is not an amount', details: {} };
          return added;
        },
        customers_get: { ok: added },
        orders_list: { ok: { items: [], total: 0 } },
      }),
    );
    render(<CustomersPage onOpenOrder={vi.fn()} />);
    fireEvent.click(await screen.findByTestId("customer-new"));
    fireEvent.change(screen.getByTestId("customer-form-name"), { target: { value: "Kai Werft" } });
    fireEvent.change(screen.getByTestId("customer-form-credit-limit"), { target: { value: "lots" } });
    fireEvent.click(screen.getByTestId("customer-form-save"));
    expect((await screen.findByTestId("customer-form-error")).textContent).toBe('creditLimit: "lots" is not an amount');

    fireEvent.change(screen.getByTestId("customer-form-credit-limit"), { target: { value: "" } });
    fireEvent.click(screen.getByTestId("customer-form-save"));
    expect(await screen.findByTestId("customer-panel")).toBeTruthy();
    expect(inputs[1]).toMatchObject({ input: { name: "Kai Werft", creditLimit: null, currency: null } });
    await waitFor(() => expect(screen.getByTestId("customer-credit-limit").textContent).toBe("No limit"));
  });
});
