// Typed calls for e-mail: SMTP settings, the password (straight to the OS keyring), a test message, the outbox.
import { call } from "./api";
import type { MailRun } from "./bindings/MailRun";
import type { MailSettings } from "./bindings/MailSettings";
import type { OutboxEntry } from "./bindings/OutboxEntry";
import type { SmtpSettings } from "./bindings/SmtpSettings";

export const getMailSettings = () => call<MailSettings>("mail_settings_get");
export const saveMailSettings = (input: SmtpSettings) => call<MailSettings>("mail_settings_save", { input });
/** An empty password removes the stored one. */
export const setMailPassword = (password: string) => call<MailSettings>("mail_password_set", { password });
export const sendTestMail = (recipient: string) => call<void>("mail_test", { recipient });
export const listOutbox = () => call<OutboxEntry[]>("mail_outbox");
export const sendPendingMail = () => call<MailRun>("mail_send_pending");
