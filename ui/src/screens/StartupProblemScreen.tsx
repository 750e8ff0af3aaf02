// Shown when Kontor could not open its database: what went wrong, where the data is, and a way back from a backup.
import { useState } from "react";
import { messageOf, restoreBackup } from "../api";
import type { AppStatus } from "../bindings/AppStatus";
import type { StartupProblem } from "../bindings/StartupProblem";
import { ErrorBox } from "../components/ErrorBox";
import { ScreenCard } from "./ScreenCard";

type Props = { problem: StartupProblem | null; onStatus: (status: AppStatus) => void };

export function StartupProblemScreen({ problem, onStatus }: Props) {
  const [restoring, setRestoring] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const restore = () => {
    setRestoring(true);
    setError(null);
    restoreBackup()
      .then(onStatus)
      .catch((reason: unknown) => setError(messageOf(reason)))
      .finally(() => setRestoring(false));
  };

  return (
    <ScreenCard title="Kontor cannot open your books" wide testId="startup-problem">
      <p className="problem-message">{problem?.message ?? "The database could not be opened."}</p>
      {problem !== null && (
        <dl className="problem-facts">
          <dt>Data folder</dt>
          <dd>
            <code>{problem.path}</code>
          </dd>
          <dt>Problem code</dt>
          <dd>
            <code>{problem.code}</code>
          </dd>
        </dl>
      )}
      {problem?.backupAvailable ? (
        <>
          <p>
            Kontor keeps a backup of the database each time it starts. Restoring moves the damaged file aside (it is
            not deleted) and puts the latest backup in its place. Work done since that backup will be missing.
          </p>
          <ErrorBox testId="restore-error" message={error} />
          <div className="form-actions">
            <button type="button" className="button-primary" data-testid="restore-backup" onClick={restore} disabled={restoring} autoFocus>
              {restoring ? "Restoring…" : "Restore latest backup"}
            </button>
          </div>
        </>
      ) : (
        <p>
          No backup is available. Leave the data folder as it is, close Kontor and ask whoever looks after your computer
          for help; do not delete it.
        </p>
      )}
    </ScreenCard>
  );
}
