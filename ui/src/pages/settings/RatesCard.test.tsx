// Tests of the Exchange rates card: the rates listed, entering one (today by default), refusals under the field they name,
// and clerks reading without a form.
import { invoke } from "@tauri-apps/api/core";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ExchangeRate } from "../../bindings/ExchangeRate";
import type { RateSheet } from "../../bindings/RateSheet";
import { answerCommands } from "../../testCommands";
import { localToday } from "./RateForm";
import { RatesCard } from "./RatesCard";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

afterEach(() => {
  invokeMock.mockReset();
});

const stamp = "2026-11-01T09:00:00Z";
const usdNovember: ExchangeRate = { currency: "USD", validFrom: "2026-11-01", rate: "0.9231", createdAt: stamp };
const usdOctober: ExchangeRate = { currency: "USD", validFrom: "2026-10-01", rate: "0.95", createdAt: stamp };
const sheet = (rates: ExchangeRate[]): RateSheet => ({ baseCurrency: "EUR", currencies: ["CHF", "GBP", "USD"], rates });

describe("RatesCard", () => {
  it("lists the rates as the core orders them, each as units of the base currency", async () => {
    invokeMock.mockImplementation(answerCommands({ rates_list: { ok: sheet([usdNovember, usdOctober]) } }));
    render(<RatesCard canEnter />);
    const table = await screen.findByTestId("rates-list");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => row.dataset.testid)).toEqual(["rate-row-USD-2026-11-01", "rate-row-USD-2026-10-01"]);
    expect(within(rows[0]).getByText(/1 USD = 0.9231 EUR/)).toBeTruthy();
    expect(rows[0].querySelector("[data-rate]")?.getAttribute("data-rate")).toBe("0.9231");
  });

  it("enters a rate from today by default, offering only the currencies the core offers, then lists it", async () => {
    const entered: unknown[] = [];
    const gbp: ExchangeRate = { currency: "GBP", validFrom: localToday(), rate: "1.1642", createdAt: stamp };
    invokeMock.mockImplementation(
      answerCommands({
        rates_list: { ok: sheet([]) },
        rates_set: (args) => {
          entered.push(args);
          // From now on the list holds the new rate.
          invokeMock.mockImplementation(answerCommands({ rates_list: { ok: sheet([gbp]) } }));
          return gbp;
        },
      }),
    );
    render(<RatesCard canEnter />);
    expect((await screen.findByTestId("rates-empty")).textContent).toContain("No rates entered yet");
    const options = [...screen.getByTestId<HTMLSelectElement>("rate-currency").options].map((option) => option.value);
    expect(options).toEqual(["", "CHF", "GBP", "USD"]);
    expect(screen.getByTestId<HTMLInputElement>("rate-from").value).toBe(localToday());

    fireEvent.change(screen.getByTestId("rate-currency"), { target: { value: "GBP" } });
    fireEvent.change(screen.getByTestId("rate-value"), { target: { value: "1.1642" } });
    fireEvent.click(screen.getByTestId("rate-submit"));
    expect(await screen.findByTestId(`rate-row-GBP-${localToday()}`)).toBeTruthy();
    expect(entered).toEqual([{ currency: "GBP", validFrom: localToday(), rate: "1.1642" }]);
    expect(screen.getByTestId("rate-saved").textContent).toContain("1 GBP = 1.1642 EUR");
    expect(screen.getByTestId<HTMLInputElement>("rate-value").value).toBe("");
  });

  it("shows a refusal under the field it names, and one naming no field under the form", async () => {
    const refusals = [
      { code: "invalid_input", message: "rate: must be above 0 (got 0)", details: { field: "rate" } },
      { code: "invalid_currency", message: 'currency: "" is not a currency Kontor knows', details: { field: "currency", value: "" } },
      { code: "invalid_input", message: 'validFrom: "" is not a date (use YYYY-MM-DD)', details: { field: "validFrom" } },
      { code: "forbidden", message: "a clerk may not enter exchange rates", details: { action: "enter exchange rates", role: "clerk" } },
    ];
    invokeMock.mockImplementation(
      answerCommands({
        rates_list: { ok: sheet([usdNovember]) },
        rates_set: () => {
          throw refusals.shift();
        },
      }),
    );
    render(<RatesCard canEnter />);
    fireEvent.change(await screen.findByTestId("rate-value"), { target: { value: "0" } });
    const submit = () => fireEvent.click(screen.getByTestId("rate-submit"));

    submit();
    expect((await screen.findByTestId("rate-value-error")).textContent).toBe("rate: must be above 0 (got 0)");
    submit();
    expect((await screen.findByTestId("rate-currency-error")).textContent).toContain("is not a currency Kontor knows");
    expect(screen.queryByTestId("rate-value-error")).toBeNull();
    submit();
    expect((await screen.findByTestId("rate-from-error")).textContent).toContain("is not a date");
    submit();
    expect((await screen.findByTestId("rate-error")).textContent).toBe("a clerk may not enter exchange rates");
    expect(screen.queryByTestId("rate-from-error")).toBeNull();
    expect(screen.getByTestId<HTMLInputElement>("rate-value").value).toBe("0");
  });

  it("lets a clerk read the rates without a form to enter one", async () => {
    invokeMock.mockImplementation(answerCommands({ rates_list: { ok: sheet([usdNovember]) } }));
    render(<RatesCard canEnter={false} />);
    expect(await screen.findByTestId("rate-row-USD-2026-11-01")).toBeTruthy();
    expect(screen.getByText("Only managers and owners enter exchange rates.")).toBeTruthy();
    expect(screen.queryByTestId("rate-submit")).toBeNull();
  });

  it("shows why the rates could not be read", async () => {
    invokeMock.mockImplementation(answerCommands({ rates_list: { refuse: { code: "not_signed_in", message: "nobody is signed in", details: {} } } }));
    render(<RatesCard canEnter />);
    await waitFor(() => expect(screen.getByTestId("rates-error").textContent).toBe("nobody is signed in"));
    expect(screen.queryByTestId("rate-submit")).toBeNull();
  });
});

describe("localToday", () => {
  it("is the local calendar day, zero-padded", () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
  });
});
