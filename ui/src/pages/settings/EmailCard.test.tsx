// Tests of Settings → Email: saving the server, the password going to the keyring command (never shown back), a test message.
import { invoke } from "@tauri-apps/api/core";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { MailSettings } from "../../bindings/MailSettings";
import { answerCommands } from "../../testCommands";
import { EmailCard } from "./EmailCard";
import { OutboxCard } from "./OutboxCard";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);
afterEach(() => invokeMock.mockReset());

const configured: MailSettings = {
  smtp: { host: "smtp.berg.example", port: 587, security: "starttls", username: "shop", fromAddress: "shop@berg.example" },
  password: "missing",
  keyringError: null,
};

describe("EmailCard", () => {
  it("saves the server with the port as a number, and picks the usual port for the security", async () => {
    invokeMock.mockImplementation(
      answerCommands({ mail_settings_get: { ok: { smtp: null, password: "missing", keyringError: null } }, mail_settings_save: { ok: configured } }),
    );
    render(<EmailCard />);
    await waitFor(() => expect((screen.getByTestId("email-save") as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByTestId("email-password")).toBeNull();
    fireEvent.change(screen.getByTestId("email-host"), { target: { value: "smtp.berg.example" } });
    fireEvent.change(screen.getByTestId("email-security"), { target: { value: "tls" } });
    expect((screen.getByTestId("email-port") as HTMLInputElement).value).toBe("465");
    fireEvent.change(screen.getByTestId("email-security"), { target: { value: "starttls" } });
    fireEvent.change(screen.getByTestId("email-username"), { target: { value: "shop" } });
    fireEvent.change(screen.getByTestId("email-from"), { target: { value: "shop@berg.example" } });
    fireEvent.click(screen.getByTestId("email-save"));
    expect((await screen.findByTestId("email-notice")).textContent).toBe("E-mail settings saved.");
    expect(invokeMock).toHaveBeenCalledWith("mail_settings_save", { input: configured.smtp });
    expect(screen.getByTestId("email-password")).toBeTruthy();
  });

  it("sends the password to the keyring, clears the field, and shows a keyring refusal", async () => {
    const answers = [{ ok: { ...configured, password: "stored" } }, { refuse: { code: "keyring_unavailable", message: "the OS keyring is not available (no dbus); the SMTP password was not stored anywhere", details: {} } }];
    invokeMock.mockImplementation(async (command, args) => {
      if (command === "mail_settings_get") return configured;
      const answer = answers.shift();
      return answerCommands({ mail_password_set: answer ?? { ok: configured } })(command, args);
    });
    render(<EmailCard />);
    const field = (await screen.findByTestId("email-password")) as HTMLInputElement;
    expect(field.type).toBe("password");
    fireEvent.change(field, { target: { value: "s3cret-pass" } });
    fireEvent.click(screen.getByTestId("email-password-save"));
    expect((await screen.findByTestId("email-notice")).textContent).toBe("Password stored in the OS keyring.");
    expect(invokeMock).toHaveBeenCalledWith("mail_password_set", { password: "s3cret-pass" });
    expect(field.value).toBe("");
    expect(screen.getByTestId("email-password-state").getAttribute("data-state")).toBe("stored");
    fireEvent.change(field, { target: { value: "again" } });
    fireEvent.click(screen.getByTestId("email-password-save"));
    expect((await screen.findByTestId("email-password-error")).textContent).toContain("was not stored anywhere");
  });

  it("sends a test message and shows the server's refusal", async () => {
    invokeMock.mockImplementation(
      answerCommands({ mail_settings_get: { ok: configured }, mail_test: { refuse: { code: "mail_failed", message: "the mail server refused or could not be reached: Connection refused", details: {} } } }),
    );
    render(<EmailCard />);
    fireEvent.change(await screen.findByTestId("email-test-recipient"), { target: { value: "anna@berg.example" } });
    fireEvent.click(screen.getByTestId("email-test-send"));
    expect((await screen.findByTestId("email-test-error")).textContent).toContain("Connection refused");
    expect(invokeMock).toHaveBeenCalledWith("mail_test", { recipient: "anna@berg.example" });
  });
});

describe("OutboxCard", () => {
  it("shows pending mail with its last error and sends now on request", async () => {
    const entry = {
      id: 3,
      recipient: "lukasz@mueller.example",
      subject: "Invoice INV-2026-0001",
      attachmentName: "INV-2026-0001.pdf",
      status: "pending",
      attempts: 2,
      nextAttemptAt: "2026-11-22T09:01:00Z",
      lastError: "Connection refused",
      queuedBy: "anna",
      createdAt: "2026-11-22T09:00:00Z",
      sentAt: null,
    };
    invokeMock.mockImplementation(answerCommands({ mail_outbox: { ok: [entry] }, mail_send_pending: { ok: { sent: 1, failed: 0, pending: 0 } } }));
    render(<OutboxCard />);
    const status = await screen.findByTestId("mail-status-3");
    expect(status.getAttribute("data-status")).toBe("pending");
    expect(status.textContent).toContain("Attempt 2: Connection refused");
    fireEvent.click(screen.getByTestId("mail-send-now"));
    expect((await screen.findByTestId("mail-outbox-notice")).textContent).toBe("Sent 1, failed 0, still pending 0.");
  });
});
