// The first-run form's fields and the checks made before asking the server (which checks everything again).
import type { SetupInput } from "../bindings/SetupInput";
import { DEFAULT_CURRENCY } from "./currencies";

export const MIN_PASSWORD_LENGTH = 8;

export type SetupForm = SetupInput & { passwordConfirm: string };

export const EMPTY_SETUP_FORM: SetupForm = {
  businessName: "",
  baseCurrency: DEFAULT_CURRENCY,
  ownerName: "",
  username: "",
  password: "",
  passwordConfirm: "",
};

/**
 * What is wrong with the passwords, or null when the form may be sent. Worded like the server's
 * refusals ("field: reason"); length counts characters as the server does, not UTF-16 units.
 */
export function setupFormProblem(form: SetupForm): string | null {
  if ([...form.password].length < MIN_PASSWORD_LENGTH) {
    return `password: must be at least ${MIN_PASSWORD_LENGTH} characters`;
  }
  if (form.password !== form.passwordConfirm) return "repeat password: does not match the password";
  return null;
}

/** The form without the confirmation field, as setup_business expects it. */
export function toSetupInput(form: SetupForm): SetupInput {
  return {
    businessName: form.businessName,
    baseCurrency: form.baseCurrency,
    ownerName: form.ownerName,
    username: form.username,
    password: form.password,
  };
}
