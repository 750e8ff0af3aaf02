// Sign in to the business with a username and password.
import { useRef, useState, type FormEvent } from "react";
import { logIn, messageOf } from "../api";
import type { AppStatus } from "../bindings/AppStatus";
import { ErrorBox } from "../components/ErrorBox";
import { SubmitButton } from "../components/SubmitButton";
import { Field } from "../components/Field";
import { ScreenCard } from "./ScreenCard";

type Props = { businessName: string; onStatus: (status: AppStatus) => void };

export function LoginScreen({ businessName, onStatus }: Props) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const passwordInput = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSigningIn(true);
    setError(null);
    logIn(username, password)
      .then(onStatus)
      .catch((reason: unknown) => {
        setError(messageOf(reason));
        setPassword("");
        setSigningIn(false);
        passwordInput.current?.focus();
      });
  };

  return (
    <ScreenCard title={businessName} subtitle="Sign in to Kontor">
      <form className="form form-stacked" onSubmit={submit} noValidate>
        <Field label="Username" htmlFor="login-username">
          <input id="login-username" data-testid="login-username" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" autoCapitalize="none" spellCheck={false} autoFocus />
        </Field>
        <Field label="Password" htmlFor="login-password">
          <input id="login-password" data-testid="login-password" type="password" ref={passwordInput} value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
        </Field>
        <ErrorBox testId="login-error" message={error} />
        <div className="form-actions">
          <SubmitButton testId="login-submit" label="Sign in" busyLabel="Signing in…" busy={signingIn} wide />
        </div>
      </form>
    </ScreenCard>
  );
}
