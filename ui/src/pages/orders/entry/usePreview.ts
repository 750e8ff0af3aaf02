// The live figures of the order being entered: orders_preview, called once the form has been still for a moment.
import { useEffect, useMemo, useState } from "react";
import { messageOf } from "../../../api";
import type { NewOrder } from "../../../bindings/NewOrder";
import type { OrderPreview } from "../../../bindings/OrderPreview";
import { previewOrder } from "../../../shopApi";

const PREVIEW_DELAY_MS = 150;

type Outcome = { key: string; preview: OrderPreview | null; error: string | null };

export type LivePreview = {
  preview: OrderPreview | null;
  error: string | null;
  /** False while the shown figures belong to an earlier state of the form. */
  current: boolean;
};

/** `input` null means there is nothing to preview yet (no customer or no lines). */
export function usePreview(input: NewOrder | null): LivePreview {
  const key = input === null ? null : JSON.stringify(input);
  // The same form keeps its object, so only a real change restarts the timer.
  const stableInput = useMemo(() => input, [key]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    if (key === null || stableInput === null) return;
    let current = true;
    const timer = setTimeout(() => {
      previewOrder(stableInput)
        .then((preview) => current && setOutcome({ key, preview, error: null }))
        .catch((reason: unknown) => current && setOutcome({ key, preview: null, error: messageOf(reason) }));
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, stableInput]);

  if (key === null || outcome === null) return { preview: null, error: null, current: key === null };
  return { preview: outcome.preview, error: outcome.error, current: outcome.key === key };
}
