// The inline form under a staff row that sets a new password for that person.
import { useState, type FormEvent } from "react";
import type { StaffMember } from "../../bindings/StaffMember";
import { ErrorBox } from "../../components/ErrorBox";

type Props = { member: StaffMember; error: string | null; onSubmit: (password: string) => void; onCancel: () => void };

export function StaffResetForm({ member, error, onSubmit, onCancel }: Props) {
  const [password, setPassword] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(password);
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <label htmlFor="staff-reset-password">New password for {member.name}</label>
      <input
        id="staff-reset-password"
        data-testid="staff-reset-password"
        type="password"
        autoComplete="new-password"
        placeholder="At least 8 characters"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        onKeyDown={(e) => e.key === "Escape" && onCancel()}
        autoFocus
      />
      <button type="submit" className="button-primary button-small" data-testid="staff-reset-submit">
        Set password
      </button>
      <button type="button" className="button-small" onClick={onCancel}>
        Cancel
      </button>
      <ErrorBox testId="staff-error" message={error} />
    </form>
  );
}
