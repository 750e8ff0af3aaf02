// The one door to the Rust side: typed wrappers around Tauri's invoke that turn a refusal into a KontorError.
import { invoke, type InvokeArgs, type InvokeOptions } from "@tauri-apps/api/core";
import type { AppStatus } from "./bindings/AppStatus";
import type { BusinessProfile } from "./bindings/BusinessProfile";
import type { BusinessProfileUpdate } from "./bindings/BusinessProfileUpdate";
import type { CommandError } from "./bindings/CommandError";
import type { NewStaffMember } from "./bindings/NewStaffMember";
import type { SetupInput } from "./bindings/SetupInput";
import type { StaffMember } from "./bindings/StaffMember";

/** A command that failed; `message` is the server's own words and is shown as is. */
export class KontorError extends Error {
  readonly code: string;
  readonly details: CommandError["details"];

  constructor(code: string, message: string, details: CommandError["details"] = {}) {
    super(message);
    this.name = "KontorError";
    this.code = code;
    this.details = details;
  }
}

/** Codes that mean the session is gone or locked: the window must ask app_status what to show. */
const SESSION_LOST_CODES = new Set(["session_locked", "not_signed_in"]);

type SessionLostListener = () => void;
const sessionLostListeners = new Set<SessionLostListener>();

/** Registers a callback for when any command reports the session locked or signed out; returns the unsubscribe. */
export function onSessionLost(listener: SessionLostListener): () => void {
  sessionLostListeners.add(listener);
  return () => {
    sessionLostListeners.delete(listener);
  };
}

function isCommandError(value: unknown): value is CommandError {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.code === "string" && typeof candidate.message === "string";
}

/** Whatever invoke rejected with (a CommandError, a string from Tauri itself, an Error) as a KontorError. */
export function toKontorError(reason: unknown): KontorError {
  if (reason instanceof KontorError) return reason;
  if (isCommandError(reason)) {
    const details = typeof reason.details === "object" && reason.details !== null ? reason.details : {};
    return new KontorError(reason.code, reason.message, details);
  }
  if (reason instanceof Error) return new KontorError("unexpected", reason.message);
  return new KontorError("unexpected", String(reason));
}

/** Calls a Rust command; a refusal is thrown as a KontorError, and a lost session is announced. */
export async function call<T>(command: string, args?: InvokeArgs, options?: InvokeOptions): Promise<T> {
  try {
    return await (options === undefined ? invoke<T>(command, args) : invoke<T>(command, args, options));
  } catch (reason) {
    const error = toKontorError(reason);
    if (SESSION_LOST_CODES.has(error.code)) {
      sessionLostListeners.forEach((listener) => listener());
    }
    throw error;
  }
}

/** The message to show for any caught value (normally a KontorError from `call`). */
export function messageOf(reason: unknown): string {
  return toKontorError(reason).message;
}

export const appStatus = () => call<AppStatus>("app_status");
export const restoreBackup = () => call<AppStatus>("app_restore_backup");
/** Tells the shell the first screen is on display (it logs the start-up time when asked to). */
export const reportFirstPaint = () => call<void>("app_first_paint");
export const setupBusiness = (input: SetupInput) => call<AppStatus>("setup_business", { input });

export const logIn = (username: string, password: string) =>
  call<AppStatus>("session_login", { username, password });
export const logOut = () => call<AppStatus>("session_logout");
export const lockNow = () => call<AppStatus>("session_lock");
export const unlock = (password: string) => call<AppStatus>("session_unlock", { password });
export const reportActivity = () => call<void>("session_activity");

export const listStaff = () => call<StaffMember[]>("staff_list");
export const addStaff = (input: NewStaffMember) => call<StaffMember>("staff_add", { input });
export const resetStaffPassword = (userId: number, password: string) =>
  call<StaffMember>("staff_reset_password", { userId, password });
export const setStaffActive = (userId: number, active: boolean) =>
  call<StaffMember>("staff_set_active", { userId, active });

export const getBusiness = () => call<BusinessProfile>("business_get");
export const updateBusiness = (input: BusinessProfileUpdate) =>
  call<BusinessProfile>("business_update", { input });
