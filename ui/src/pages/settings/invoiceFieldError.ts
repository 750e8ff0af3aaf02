// Which field a refusal names (details.field), so the Invoices card can show it next to that field.
import { toKontorError } from "../../api";

export type FieldRefusal = { field: string | null; message: string };

export function refusalOf(reason: unknown): FieldRefusal {
  const error = toKontorError(reason);
  const field = error.details.field;
  return { field: typeof field === "string" ? field : null, message: error.message };
}

/** The Field `error` prop for `field`: the refusal's message when it names this field. */
export function errorAt(refusal: FieldRefusal | null, field: string, testId: string) {
  return { testId, message: refusal !== null && refusal.field === field ? refusal.message : null };
}
