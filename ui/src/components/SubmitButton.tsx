// A form's primary button: disabled while its command runs, and says what it is doing meanwhile.
type Props = {
  testId: string;
  label: string;
  busyLabel: string;
  busy: boolean;
  disabled?: boolean;
  wide?: boolean;
};

export function SubmitButton({ testId, label, busyLabel, busy, disabled = false, wide = false }: Props) {
  return (
    <button type="submit" className={wide ? "button-primary button-wide" : "button-primary"} data-testid={testId} disabled={busy || disabled}>
      {busy ? busyLabel : label}
    </button>
  );
}
