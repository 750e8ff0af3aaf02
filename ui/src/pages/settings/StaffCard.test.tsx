// Tests of the owner's staff card: the list, the inline password reset and deactivation.
import { invoke } from "@tauri-apps/api/core";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { StaffMember } from "../../bindings/StaffMember";
import { answerCommands } from "../../testCommands";
import { StaffCard } from "./StaffCard";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

afterEach(() => {
  invokeMock.mockReset();
});

const stamp = "2025-01-01T00:00:00Z";
const anna: StaffMember = { id: 1, name: "Anna Berg", username: "anna", role: "owner", active: true, createdAt: stamp, updatedAt: stamp };
const ben: StaffMember = { id: 2, name: "Ben Clerk", username: "ben", role: "clerk", active: true, createdAt: stamp, updatedAt: stamp };

describe("StaffCard", () => {
  it("lists staff with role and state", async () => {
    invokeMock.mockImplementation(answerCommands({ staff_list: { ok: [anna, ben] } }));
    render(<StaffCard signedInUserId={1} />);
    const row = await screen.findByTestId("staff-row-ben");
    expect(within(row).getByText("Clerk")).toBeTruthy();
    expect(within(row).getByText("Active")).toBeTruthy();
    expect(within(screen.getByTestId("staff-row-anna")).getByText("you")).toBeTruthy();
  });

  it("resets a password from the inline form and shows a refusal next to it", async () => {
    invokeMock.mockImplementation(
      answerCommands({
        staff_list: { ok: [anna, ben] },
        staff_reset_password: { refuse: { code: "invalid_input", message: "Password must be at least 8 characters.", details: {} } },
      }),
    );
    render(<StaffCard signedInUserId={1} />);
    fireEvent.click(await screen.findByTestId("staff-reset-ben"));
    const password = screen.getByTestId("staff-reset-password");
    expect(document.activeElement).toBe(password);
    fireEvent.change(password, { target: { value: "short" } });
    fireEvent.click(screen.getByTestId("staff-reset-submit"));
    expect((await screen.findByTestId("staff-error")).textContent).toBe("Password must be at least 8 characters.");
    expect(invokeMock).toHaveBeenCalledWith("staff_reset_password", { userId: 2, password: "short" });
  });

  it("deactivates and shows the new state", async () => {
    invokeMock.mockImplementation(
      answerCommands({ staff_list: { ok: [anna, ben] }, staff_set_active: { ok: { ...ben, active: false } } }),
    );
    render(<StaffCard signedInUserId={1} />);
    fireEvent.click(await screen.findByTestId("staff-toggle-ben"));
    expect((await screen.findByText("Inactive")).closest("tr")).toBe(screen.getByTestId("staff-row-ben"));
    expect(screen.getByTestId("staff-toggle-ben").textContent).toBe("Reactivate");
    expect(invokeMock).toHaveBeenCalledWith("staff_set_active", { userId: 2, active: false });
  });
});
