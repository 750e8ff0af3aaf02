// Tests of the idle lock in the open app: activity is reported (throttled) and a poll that finds the lock shows it.
import { invoke } from "@tauri-apps/api/core";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../App";
import type { AppStatus } from "../bindings/AppStatus";
import { answerCommands } from "../testCommands";
import { STATUS_POLL_INTERVAL_MS } from "./useIdleLock";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

const owner = { id: 1, name: "Anna Berg", username: "anna", role: "owner" } as const;
const inApp: AppStatus = { screen: "app", businessName: "Corner Bakery", user: owner, idleLockMinutes: 1, problem: null };
const locked: AppStatus = { ...inApp, screen: "locked" };

const callsOf = (command: string) => invokeMock.mock.calls.filter(([name]) => name === command).length;

describe("idle lock", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    invokeMock.mockReset();
  });

  it("reports keyboard and mouse activity at most once per 20 seconds", async () => {
    invokeMock.mockImplementation(answerCommands({ app_status: { ok: inApp }, session_activity: { ok: null } }));
    render(<App />);
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(screen.getByTestId("page-dashboard")).toBeTruthy();

    fireEvent.keyDown(window, { key: "a" });
    fireEvent.mouseMove(window);
    fireEvent.pointerDown(window);
    expect(callsOf("session_activity")).toBe(1);
    await act(() => vi.advanceTimersByTimeAsync(19_000));
    expect(callsOf("session_activity")).toBe(1);
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(callsOf("session_activity")).toBe(2);
  });

  it("shows the lock screen when the poll finds the session locked", async () => {
    const statuses = [inApp];
    invokeMock.mockImplementation(answerCommands({ app_status: () => statuses.shift() ?? locked }));
    render(<App />);
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(screen.getByTestId("page-dashboard")).toBeTruthy();

    await act(() => vi.advanceTimersByTimeAsync(STATUS_POLL_INTERVAL_MS));
    expect(screen.getByTestId("lock-screen")).toBeTruthy();
    expect(screen.queryByTestId("sidebar")).toBeNull();
  });
});
