// Shown when the window cannot even ask the server what to show (app_status itself failed).
import { ErrorBox } from "../components/ErrorBox";
import { ScreenCard } from "./ScreenCard";

type Props = { message: string; onRetry: () => void };

export function StatusUnavailableScreen({ message, onRetry }: Props) {
  return (
    <ScreenCard title="Kontor is not answering" wide>
      <p>The window could not reach Kontor's core. Nothing was changed.</p>
      <ErrorBox testId="status-error" message={message} />
      <div className="form-actions">
        <button type="button" className="button-primary" onClick={onRetry} autoFocus>
          Try again
        </button>
      </div>
    </ScreenCard>
  );
}
