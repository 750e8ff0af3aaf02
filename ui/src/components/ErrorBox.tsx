// A refusal shown next to the form it belongs to, in the server's own words.
type Props = { testId: string; message: string | null };

export function ErrorBox({ testId, message }: Props) {
  if (message === null) return null;
  return (
    <div className="error-box" role="alert" data-testid={testId}>
      {message}
    </div>
  );
}
