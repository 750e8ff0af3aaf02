// Settings → Email (owner): the SMTP server, the password (kept in the OS keyring, never shown again) and a test message.
import { useEffect, useState, type FormEvent } from "react";
import { messageOf } from "../../api";
import type { MailSettings } from "../../bindings/MailSettings";
import type { PasswordState } from "../../bindings/PasswordState";
import type { SmtpSecurity } from "../../bindings/SmtpSecurity";
import { Card } from "../../components/Card";
import { ErrorBox } from "../../components/ErrorBox";
import { Field } from "../../components/Field";
import { SubmitButton } from "../../components/SubmitButton";
import { getMailSettings, saveMailSettings, sendTestMail, setMailPassword } from "../../mailApi";

const SECURITY: { value: SmtpSecurity; label: string; port: number }[] = [
  { value: "starttls", label: "STARTTLS", port: 587 },
  { value: "tls", label: "TLS", port: 465 },
  { value: "none", label: "None (local relay only)", port: 25 },
];

const PASSWORD_STATE: Record<PasswordState, string> = {
  stored: "A password is stored in the OS keyring.",
  missing: "No password is stored yet.",
  not_needed: "No login name: the server takes mail without a password.",
  unknown: "The OS keyring cannot be reached.",
};

type Form = { host: string; port: string; security: SmtpSecurity; username: string; fromAddress: string };
const EMPTY: Form = { host: "", port: "587", security: "starttls", username: "", fromAddress: "" };

export function EmailCard() {
  const [settings, setSettings] = useState<MailSettings | null>(null);
  const [form, setForm] = useState<Form>(EMPTY);
  const [password, setPassword] = useState("");
  const [recipient, setRecipient] = useState("");
  const [busy, setBusy] = useState<"save" | "password" | "test" | null>(null);
  const [errors, setErrors] = useState<{ save?: string; password?: string; test?: string }>({});
  const [notice, setNotice] = useState<string | null>(null);

  const show = (loaded: MailSettings) => {
    setSettings(loaded);
    if (loaded.smtp !== null) {
      const { host, port, security, username, fromAddress } = loaded.smtp;
      setForm({ host, port: String(port), security, username, fromAddress });
    }
  };
  useEffect(() => {
    getMailSettings()
      .then(show)
      .catch((reason: unknown) => setErrors({ save: messageOf(reason) }));
  }, []);

  const run = (what: "save" | "password" | "test", work: () => Promise<string>) => {
    setBusy(what);
    setErrors({});
    setNotice(null);
    work()
      .then(setNotice)
      .catch((reason: unknown) => setErrors({ [what]: messageOf(reason) }))
      .finally(() => setBusy(null));
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    const port = Number(form.port.trim());
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      setErrors({ save: "port: must be between 1 and 65535" });
      return;
    }
    run("save", async () => {
      show(await saveMailSettings({ ...form, port }));
      return "E-mail settings saved.";
    });
  };
  const savePassword = (event: FormEvent) => {
    event.preventDefault();
    run("password", async () => {
      show(await setMailPassword(password));
      setPassword("");
      return password === "" ? "Password removed from the keyring." : "Password stored in the OS keyring.";
    });
  };
  const test = (event: FormEvent) => {
    event.preventDefault();
    run("test", async () => {
      await sendTestMail(recipient);
      return `Test message sent to ${recipient}.`;
    });
  };
  const edit = (change: Partial<Form>) => setForm((current) => ({ ...current, ...change }));

  return (
    <Card title="Email" note="Invoices are sent through this SMTP server. The password is kept in the OS keyring, never in Kontor's database.">
      <form className="form" onSubmit={save} noValidate>
        <Field label="SMTP server" htmlFor="email-host">
          <input id="email-host" data-testid="email-host" placeholder="smtp.example.com" value={form.host} onChange={(e) => edit({ host: e.target.value })} />
        </Field>
        <Field label="Security" htmlFor="email-security">
          <select
            id="email-security"
            data-testid="email-security"
            value={form.security}
            onChange={(e) => {
              const choice = SECURITY.find((option) => option.value === e.target.value) ?? SECURITY[0];
              edit({ security: choice.value, port: String(choice.port) });
            }}
          >
            {SECURITY.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Port" htmlFor="email-port">
          <input id="email-port" data-testid="email-port" className="input-short" inputMode="numeric" value={form.port} onChange={(e) => edit({ port: e.target.value })} />
        </Field>
        <Field label="Login name" htmlFor="email-username" hint="Leave empty when the server needs no login.">
          <input id="email-username" data-testid="email-username" value={form.username} onChange={(e) => edit({ username: e.target.value })} />
        </Field>
        <Field label="Sender address" htmlFor="email-from">
          <input id="email-from" data-testid="email-from" placeholder="invoices@example.com" value={form.fromAddress} onChange={(e) => edit({ fromAddress: e.target.value })} />
        </Field>
        <ErrorBox testId="email-error" message={errors.save ?? null} />
        <div className="form-actions">
          <SubmitButton testId="email-save" label="Save" busyLabel="Saving…" busy={busy === "save"} disabled={settings === null} />
        </div>
      </form>
      {settings?.smtp != null && settings.smtp.username === "" && (
        <p className="card-text" data-testid="email-password-state" data-state={settings.password}>
          {PASSWORD_STATE.not_needed}
        </p>
      )}
      {settings?.smtp != null && settings.smtp.username !== "" && (
        <form className="form" onSubmit={savePassword} noValidate>
          <Field label="Password" htmlFor="email-password" hint={PASSWORD_STATE[settings.password] + (settings.keyringError === null ? "" : ` (${settings.keyringError})`)}>
            <input id="email-password" data-testid="email-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </Field>
          <span hidden data-testid="email-password-state" data-state={settings.password} />
          <ErrorBox testId="email-password-error" message={errors.password ?? null} />
          <div className="form-actions">
            <SubmitButton testId="email-password-save" label={password === "" ? "Remove password" : "Store in keyring"} busyLabel="Storing…" busy={busy === "password"} />
          </div>
        </form>
      )}
      {settings?.smtp != null && (
        <form className="inline-form" onSubmit={test} noValidate>
          <input data-testid="email-test-recipient" aria-label="Test recipient" placeholder="Send a test message to…" value={recipient} onChange={(e) => setRecipient(e.target.value)} />
          <button type="submit" className="button-small" data-testid="email-test-send" disabled={busy !== null}>
            {busy === "test" ? "Sending…" : "Send test email"}
          </button>
          <ErrorBox testId="email-test-error" message={errors.test ?? null} />
        </form>
      )}
      {notice !== null && (
        <p className="notice" role="status" data-testid="email-notice">
          {notice}
        </p>
      )}
    </Card>
  );
}
