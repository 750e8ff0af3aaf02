// Tests of the window as a whole: a clerk's frame (no staff card), locking and unlocking, and a lost session.
import { invoke } from "@tauri-apps/api/core";
import { fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "./App";
import type { AppStatus } from "./bindings/AppStatus";
import type { BusinessProfile } from "./bindings/BusinessProfile";
import { answerCommands } from "./testCommands";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

afterEach(() => {
  invokeMock.mockReset();
});

const clerk = { id: 2, name: "Ben Clerk", username: "ben", role: "clerk" } as const;
const inApp: AppStatus = { screen: "app", businessName: "Corner Bakery", user: clerk, idleLockMinutes: 10, problem: null };
const profile: BusinessProfile = { name: "Corner Bakery", baseCurrency: "EUR", idleLockMinutes: 10, updatedAt: "2025-01-01T00:00:00Z" };

const queues = [
  { queue: "sales", label: "Sales", count: 4 },
  { queue: "returns", label: "Returns", count: 0 },
];

describe("App for a clerk", () => {
  it("shows the frame with the business and the clerk in the header, and the queues but no sales figures", async () => {
    invokeMock.mockImplementation(
      answerCommands({
        app_status: { ok: inApp },
        dashboard_get: { ok: { dashboard: null, chartSvg: null, queues } },
        queues_counts: { ok: queues },
      }),
    );
    render(<App />);
    expect((await screen.findByTestId("header-business-name")).textContent).toBe("Corner Bakery");
    expect(screen.getByTestId("header-user").textContent).toBe("Ben Clerk Clerk");
    expect(screen.getByTestId("page-dashboard")).toBeTruthy();
    expect((await screen.findByTestId("dashboard-queue-sales")).textContent).toBe("Sales 4");
    expect(screen.queryByTestId("dashboard-widgets")).toBeNull();
    expect((await screen.findByTestId("nav-queue-count-sales")).textContent).toBe("4");
    for (const page of ["dashboard", "orders", "customers", "products", "invoices", "reports", "queues", "settings"]) {
      expect(screen.getByTestId(`nav-${page}`)).toBeTruthy();
    }
  });

  it("replaces the staff card with staff-forbidden and shows the profile read-only", async () => {
    invokeMock.mockImplementation(answerCommands({ app_status: { ok: inApp }, business_get: { ok: profile } }));
    render(<App />);
    fireEvent.click(await screen.findByTestId("nav-settings"));
    expect(screen.getByTestId("page-settings")).toBeTruthy();
    expect(screen.getByTestId("staff-forbidden").textContent).toBe("Only the owner manages staff.");
    expect(screen.queryByTestId("staff-list")).toBeNull();
    expect(screen.queryByTestId("staff-add-submit")).toBeNull();
    expect(screen.queryByTestId("business-save")).toBeNull();
    const name = await screen.findByDisplayValue("Corner Bakery");
    expect(name).toHaveProperty("readOnly", true);
    expect(invokeMock.mock.calls.map(([command]) => command)).not.toContain("staff_list");
  });

  it("comes back to the same page after Lock and Unlock", async () => {
    const locked: AppStatus = { ...inApp, screen: "locked" };
    invokeMock.mockImplementation(
      answerCommands({ app_status: { ok: inApp }, session_lock: { ok: locked }, session_unlock: { ok: inApp } }),
    );
    render(<App />);
    fireEvent.click(await screen.findByTestId("nav-orders"));
    fireEvent.click(screen.getByTestId("lock-now"));
    fireEvent.change(await screen.findByTestId("unlock-password"), { target: { value: "ben-secret" } });
    fireEvent.click(screen.getByTestId("unlock-submit"));
    expect(await screen.findByTestId("page-orders")).toBeTruthy();
    expect(invokeMock).toHaveBeenCalledWith("session_unlock", { password: "ben-secret" });
  });

  it("goes to the lock screen when a command reports the session locked", async () => {
    const locked: AppStatus = { ...inApp, screen: "locked" };
    const statuses = [inApp, locked];
    invokeMock.mockImplementation(
      answerCommands({
        app_status: () => statuses.shift() ?? locked,
        business_get: { refuse: { code: "session_locked", message: "Kontor is locked.", details: {} } },
      }),
    );
    render(<App />);
    fireEvent.click(await screen.findByTestId("nav-settings"));
    expect((await screen.findByTestId("lock-screen")).textContent).toContain("Ben Clerk");
    expect(document.activeElement).toBe(screen.getByTestId("unlock-password"));
  });
});
