// Runs one order-page action at a time, reloads the order after it, and keeps a refusal with the place it belongs to.
import { useCallback, useState } from "react";
import { messageOf, toKontorError } from "../../../api";

/** Where a refusal is shown: "order", "add", "payment", or "line:<sku>". */
type ActionPlace = string;
type Problem = { place: ActionPlace; code: string; message: string };

export type OrderRunner = {
  busy: boolean;
  /** Resolves true when the action succeeded. */
  run: (place: ActionPlace, action: () => Promise<unknown>) => Promise<boolean>;
  errorAt: (place: ActionPlace) => string | null;
  codeAt: (place: ActionPlace) => string | null;
  /** Shows a problem found before asking the server (e.g. a quantity that is not a number). */
  report: (place: ActionPlace, message: string) => void;
};

export function useOrderRunner(reload: () => void): OrderRunner {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const run = useCallback(
    (place: ActionPlace, action: () => Promise<unknown>) => {
      setBusy(true);
      setProblem(null);
      return action()
        .then(() => {
          reload();
          return true;
        })
        .catch((reason: unknown) => {
          setProblem({ place, code: toKontorError(reason).code, message: messageOf(reason) });
          return false;
        })
        .finally(() => setBusy(false));
    },
    [reload],
  );

  return {
    busy,
    run,
    errorAt: (place) => (problem?.place === place ? problem.message : null),
    codeAt: (place) => (problem?.place === place ? problem.code : null),
    report: (place, message) => setProblem({ place, code: "invalid_input", message }),
  };
}
