// Tests that the setup screen shows its own checks next to the form and only calls setup_business when they pass.
import { invoke } from "@tauri-apps/api/core";
import { fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SetupScreen } from "./SetupScreen";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

afterEach(() => {
  invokeMock.mockReset();
});

function fill(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

function fillForm(password: string, confirm: string) {
  fill("setup-business-name", "Corner Bakery");
  fill("setup-owner-name", "Anna Berg");
  fill("setup-username", "anna");
  fill("setup-password", password);
  fill("setup-password-confirm", confirm);
}

describe("SetupScreen", () => {
  it("focuses the business name and offers EUR first", () => {
    render(<SetupScreen onStatus={vi.fn()} />);
    expect(document.activeElement).toBe(screen.getByTestId("setup-business-name"));
    expect(screen.getByTestId("setup-base-currency")).toHaveProperty("value", "EUR");
  });

  it("shows a mismatch without calling the server", () => {
    render(<SetupScreen onStatus={vi.fn()} />);
    fillForm("rye-and-spelt", "rye-and-wheat");
    fireEvent.click(screen.getByTestId("setup-submit"));
    expect(screen.getByTestId("setup-error").textContent).toBe("repeat password: does not match the password");
    expect(invokeMock).not.toHaveBeenCalled();
  });

  it("shows a too-short password without calling the server", () => {
    render(<SetupScreen onStatus={vi.fn()} />);
    fillForm("short", "short");
    fireEvent.click(screen.getByTestId("setup-submit"));
    expect(screen.getByTestId("setup-error").textContent).toBe("password: must be at least 8 characters");
    expect(invokeMock).not.toHaveBeenCalled();
  });

  it("sends the form and shows the server's refusal verbatim", async () => {
    invokeMock.mockRejectedValueOnce({ code: "invalid_input", message: "Business name must not be empty.", details: {} });
    render(<SetupScreen onStatus={vi.fn()} />);
    fillForm("rye-and-spelt", "rye-and-spelt");
    fireEvent.click(screen.getByTestId("setup-submit"));
    expect((await screen.findByTestId("setup-error")).textContent).toBe("Business name must not be empty.");
    expect(invokeMock).toHaveBeenCalledWith("setup_business", {
      input: { businessName: "Corner Bakery", baseCurrency: "EUR", ownerName: "Anna Berg", username: "anna", password: "rye-and-spelt" },
    });
  });
});
