// First run: names the business, picks the base currency and creates the owner's account (then signs the owner in).
import { useState, type FormEvent } from "react";
import { messageOf, setupBusiness } from "../api";
import type { AppStatus } from "../bindings/AppStatus";
import { ErrorBox } from "../components/ErrorBox";
import { SubmitButton } from "../components/SubmitButton";
import { Field } from "../components/Field";
import { CURRENCY_CHOICES } from "./currencies";
import { ScreenCard } from "./ScreenCard";
import { EMPTY_SETUP_FORM, MIN_PASSWORD_LENGTH, setupFormProblem, toSetupInput, type SetupForm } from "./setupForm";

type Props = { onStatus: (status: AppStatus) => void };

export function SetupScreen({ onStatus }: Props) {
  const [form, setForm] = useState<SetupForm>(EMPTY_SETUP_FORM);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const change = (field: keyof SetupForm) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [field]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = setupFormProblem(form);
    setError(problem);
    if (problem !== null) return;
    setSaving(true);
    setupBusiness(toSetupInput(form))
      .then(onStatus)
      .catch((reason: unknown) => {
        setError(messageOf(reason));
        setSaving(false);
      });
  };

  return (
    <ScreenCard title="Welcome to Kontor" subtitle="Set up your business and your own account. You can change the name later." wide>
      <form className="form" onSubmit={submit} noValidate>
        <h2 className="form-section">Business</h2>
        <Field label="Business name" htmlFor="setup-business-name">
          <input id="setup-business-name" data-testid="setup-business-name" value={form.businessName} onChange={change("businessName")} autoFocus />
        </Field>
        <Field label="Base currency" htmlFor="setup-base-currency" hint="Prices, invoices and reports are kept in this currency. It cannot be changed later.">
          <select id="setup-base-currency" data-testid="setup-base-currency" value={form.baseCurrency} onChange={change("baseCurrency")}>
            {CURRENCY_CHOICES.map((currency) => (
              <option key={currency.code} value={currency.code}>
                {currency.code} — {currency.name}
              </option>
            ))}
          </select>
        </Field>
        <h2 className="form-section">Owner</h2>
        <Field label="Your name" htmlFor="setup-owner-name">
          <input id="setup-owner-name" data-testid="setup-owner-name" value={form.ownerName} onChange={change("ownerName")} autoComplete="name" />
        </Field>
        <Field label="Username" htmlFor="setup-username">
          <input id="setup-username" data-testid="setup-username" value={form.username} onChange={change("username")} autoComplete="username" autoCapitalize="none" spellCheck={false} />
        </Field>
        <Field label="Password" htmlFor="setup-password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}>
          <input id="setup-password" data-testid="setup-password" type="password" value={form.password} onChange={change("password")} autoComplete="new-password" />
        </Field>
        <Field label="Repeat password" htmlFor="setup-password-confirm">
          <input id="setup-password-confirm" data-testid="setup-password-confirm" type="password" value={form.passwordConfirm} onChange={change("passwordConfirm")} autoComplete="new-password" />
        </Field>
        <ErrorBox testId="setup-error" message={error} />
        <div className="form-actions">
          <SubmitButton testId="setup-submit" label="Set up Kontor" busyLabel="Setting up…" busy={saving} />
        </div>
      </form>
    </ScreenCard>
  );
}
