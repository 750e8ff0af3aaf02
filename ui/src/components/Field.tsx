// One labelled form row: the label in the left column, the control (and an optional hint, or the refusal naming this field) on the right.
import type { ReactNode } from "react";

type Props = { label: string; htmlFor: string; hint?: string; error?: { testId: string; message: string | null }; children: ReactNode };

export function Field({ label, htmlFor, hint, error, children }: Props) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={htmlFor}>
        {label}
      </label>
      <div className="field-control">
        {children}
        {hint !== undefined && <p className="field-hint">{hint}</p>}
        {error !== undefined && error.message !== null && (
          <p className="field-error" role="alert" data-testid={error.testId}>
            {error.message}
          </p>
        )}
      </div>
    </div>
  );
}
