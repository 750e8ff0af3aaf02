// Adds a staff member: name, username, role and a first password.
import { useState, type FormEvent } from "react";
import type { NewStaffMember } from "../../bindings/NewStaffMember";
import type { Role } from "../../bindings/Role";
import { ErrorBox } from "../../components/ErrorBox";
import { SubmitButton } from "../../components/SubmitButton";
import { Field } from "../../components/Field";
import { roleLabel } from "../../roles";

const ROLE_CHOICES: Role[] = ["manager", "clerk", "owner"];
const EMPTY_NEW_STAFF: NewStaffMember = { name: "", username: "", role: "clerk", password: "" };

type Props = { error: string | null; onAdd: (input: NewStaffMember) => Promise<boolean> };

export function StaffAddForm({ error, onAdd }: Props) {
  const [form, setForm] = useState<NewStaffMember>(EMPTY_NEW_STAFF);
  const [adding, setAdding] = useState(false);

  const change = (field: "name" | "username" | "password") => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [field]: event.target.value }));
  const changeRole = (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, role: ROLE_CHOICES.find((role) => role === event.target.value) ?? current.role }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAdding(true);
    onAdd(form).then((added) => {
      if (added) setForm(EMPTY_NEW_STAFF);
      setAdding(false);
    });
  };

  return (
    <form className="form staff-add" onSubmit={submit} noValidate>
      <h3 className="form-section">Add a staff member</h3>
      <Field label="Name" htmlFor="staff-add-name">
        <input id="staff-add-name" data-testid="staff-add-name" value={form.name} onChange={change("name")} />
      </Field>
      <Field label="Username" htmlFor="staff-add-username">
        <input id="staff-add-username" data-testid="staff-add-username" value={form.username} onChange={change("username")} autoCapitalize="none" spellCheck={false} autoComplete="off" />
      </Field>
      <Field label="Role" htmlFor="staff-add-role" hint="Only owners manage staff and the business profile.">
        <select id="staff-add-role" data-testid="staff-add-role" value={form.role} onChange={changeRole}>
          {ROLE_CHOICES.map((role) => (
            <option key={role} value={role}>
              {roleLabel(role)}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Password" htmlFor="staff-add-password" hint="At least 8 characters.">
        <input id="staff-add-password" data-testid="staff-add-password" type="password" value={form.password} onChange={change("password")} autoComplete="new-password" />
      </Field>
      <ErrorBox testId="staff-error" message={error} />
      <div className="form-actions">
        <SubmitButton testId="staff-add-submit" label="Add staff member" busyLabel="Adding…" busy={adding} />
      </div>
    </form>
  );
}
