// The locked window: says who is signed in and asks for that person's password, or lets them sign out instead.
import { useRef, useState, type FormEvent } from "react";
import { logOut, messageOf, unlock } from "../api";
import type { AppStatus } from "../bindings/AppStatus";
import type { SignedInUser } from "../bindings/SignedInUser";
import { ErrorBox } from "../components/ErrorBox";
import { SubmitButton } from "../components/SubmitButton";
import { Field } from "../components/Field";
import { roleLabel } from "../roles";
import { ScreenCard } from "./ScreenCard";

type Props = { businessName: string; user: SignedInUser; onStatus: (status: AppStatus) => void };

export function LockScreen({ businessName, user, onStatus }: Props) {
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordInput = useRef<HTMLInputElement>(null);

  const fail = (reason: unknown) => {
    setError(messageOf(reason));
    setPassword("");
    setBusy(false);
    passwordInput.current?.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    unlock(password).then(onStatus).catch(fail);
  };

  const signOut = () => {
    setBusy(true);
    logOut().then(onStatus).catch(fail);
  };

  return (
    <ScreenCard title="Kontor is locked" subtitle={businessName} testId="lock-screen">
      <p className="lock-who">
        Signed in as <strong>{user.name}</strong> ({roleLabel(user.role)}). Enter your password to carry on where you left off.
      </p>
      <form className="form form-stacked" onSubmit={submit} noValidate>
        <Field label="Password" htmlFor="unlock-password">
          <input id="unlock-password" data-testid="unlock-password" type="password" ref={passwordInput} value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" autoFocus />
        </Field>
        <ErrorBox testId="unlock-error" message={error} />
        <div className="form-actions form-actions-split">
          <button type="button" className="button-link" data-testid="lock-logout" onClick={signOut} disabled={busy}>
            Sign out
          </button>
          <SubmitButton testId="unlock-submit" label="Unlock" busyLabel="Unlocking…" busy={busy} />
        </div>
      </form>
    </ScreenCard>
  );
}
