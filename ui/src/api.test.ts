// Tests for the invoke wrapper: refusals become KontorErrors, and a lost session is announced.
import { invoke } from "@tauri-apps/api/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { KontorError, call, logIn, messageOf, onSessionLost, resetStaffPassword } from "./api";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

afterEach(() => {
  invokeMock.mockReset();
});

describe("call", () => {
  it("returns what the command returns and passes camelCase arguments", async () => {
    invokeMock.mockResolvedValueOnce({ id: 3, name: "Jo" });
    await expect(resetStaffPassword(3, "long enough")).resolves.toEqual({ id: 3, name: "Jo" });
    expect(invokeMock).toHaveBeenCalledWith("staff_reset_password", { userId: 3, password: "long enough" });
  });

  it("turns a CommandError rejection into a KontorError with code, message and details", async () => {
    invokeMock.mockRejectedValueOnce({
      code: "login_throttled",
      message: "Too many failed sign-ins; try again in 30 seconds.",
      details: { retryAfterSeconds: 30 },
    });
    const error = await logIn("anna", "wrong").catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(KontorError);
    expect(error).toMatchObject({
      code: "login_throttled",
      message: "Too many failed sign-ins; try again in 30 seconds.",
      details: { retryAfterSeconds: 30 },
    });
  });

  it("keeps a plain string rejection from Tauri itself as an unexpected error", async () => {
    invokeMock.mockRejectedValueOnce("command app_status not found");
    const error = await call("app_status").catch((reason: unknown) => reason);
    expect(error).toMatchObject({ code: "unexpected", message: "command app_status not found", details: {} });
  });

  it("announces session_locked and not_signed_in, and only those", async () => {
    const listener = vi.fn();
    const unsubscribe = onSessionLost(listener);
    invokeMock.mockRejectedValueOnce({ code: "session_locked", message: "Locked.", details: {} });
    await call("staff_list").catch(() => undefined);
    invokeMock.mockRejectedValueOnce({ code: "not_signed_in", message: "Sign in first.", details: {} });
    await call("staff_list").catch(() => undefined);
    invokeMock.mockRejectedValueOnce({ code: "forbidden", message: "Owners only.", details: {} });
    await call("staff_list").catch(() => undefined);
    expect(listener).toHaveBeenCalledTimes(2);

    unsubscribe();
    invokeMock.mockRejectedValueOnce({ code: "session_locked", message: "Locked.", details: {} });
    await call("staff_list").catch(() => undefined);
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

describe("messageOf", () => {
  it("gives the server's message verbatim", () => {
    expect(messageOf(new KontorError("invalid_input", "Username is already taken."))).toBe("Username is already taken.");
    expect(messageOf(new Error("boom"))).toBe("boom");
  });
});
