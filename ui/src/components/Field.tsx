// One labelled form row: the label in the left column, the control (and an optional hint) on the right.
import type { ReactNode } from "react";

type Props = { label: string; htmlFor: string; hint?: string; children: ReactNode };

export function Field({ label, htmlFor, hint, children }: Props) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={htmlFor}>
        {label}
      </label>
      <div className="field-control">
        {children}
        {hint !== undefined && <p className="field-hint">{hint}</p>}
      </div>
    </div>
  );
}
