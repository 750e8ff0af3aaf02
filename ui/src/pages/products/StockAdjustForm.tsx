// "Adjust stock": by a number of units or to a counted total, with a reason and a note (managers and owners).
import { useState, type FormEvent } from "react";
import { messageOf } from "../../api";
import type { AdjustmentReason } from "../../bindings/AdjustmentReason";
import type { Product } from "../../bindings/Product";
import { ErrorBox } from "../../components/ErrorBox";
import { ADJUSTMENT_REASONS, stockReasonLabel } from "../../labels";
import { adjustStock } from "../../shopApi";

type Mode = "delta" | "set";
type Props = { product: Product; onAdjusted: (product: Product) => void };

export function StockAdjustForm({ product, onAdjusted }: Props) {
  const [mode, setMode] = useState<Mode>("delta");
  const [value, setValue] = useState("");
  const [reason, setReason] = useState<AdjustmentReason>("recount");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = value.trim();
    if (!/^-?\d+$/.test(text) || (mode === "set" && text.startsWith("-"))) {
      setError(mode === "set" ? "count: must be a whole number, 0 or more" : "delta: must be a whole number, e.g. 12 or -3");
      return;
    }
    // Units, not money: the change that takes the count on screen to the counted one.
    const delta = mode === "delta" ? Number(text) : Number(text) - product.stock;
    if (delta === 0) {
      setError(`stock: ${product.sku} already has ${product.stock}; nothing to change`);
      return;
    }
    setBusy(true);
    setError(null);
    adjustStock(product.id, { delta, reason, note: note.trim() })
      .then((adjusted) => {
        setValue("");
        setNote("");
        onAdjusted(adjusted);
      })
      .catch((reason: unknown) => setError(messageOf(reason)))
      .finally(() => setBusy(false));
  };

  return (
    <form className="inline-form stock-form" onSubmit={submit} noValidate data-testid="stock-form">
      <label className="radio">
        <input type="radio" name="stock-mode" data-testid="stock-mode-delta" checked={mode === "delta"} onChange={() => setMode("delta")} />
        Add or take away
      </label>
      <label className="radio">
        <input type="radio" name="stock-mode" data-testid="stock-mode-set" checked={mode === "set"} onChange={() => setMode("set")} />
        Set the count to
      </label>
      <input data-testid="stock-value" className="input-quantity" aria-label={mode === "delta" ? "Units to add (negative to take away)" : "Counted units"} inputMode="numeric" value={value} onChange={(event) => setValue(event.target.value)} />
      <select data-testid="stock-reason" aria-label="Reason" value={reason} onChange={(event) => setReason(ADJUSTMENT_REASONS.find((choice) => choice === event.target.value) ?? reason)}>
        {ADJUSTMENT_REASONS.map((choice) => (
          <option key={choice} value={choice}>
            {stockReasonLabel(choice)}
          </option>
        ))}
      </select>
      <input data-testid="stock-note" aria-label="Note" placeholder="Note (optional)" value={note} onChange={(event) => setNote(event.target.value)} />
      <button type="submit" className="button-primary button-small" data-testid="stock-submit" disabled={busy}>
        Adjust stock
      </button>
      <ErrorBox testId="stock-error" message={error} />
    </form>
  );
}
