// The small forms on an order line: a new quantity (open orders) and a return, restocked or damaged (shipped orders).
import { useState, type FormEvent } from "react";
import type { OrderLine } from "../../../bindings/OrderLine";
import { parseQuantity } from "../../../format";

type QuantityProps = { line: OrderLine; busy: boolean; onSave: (quantity: number) => void; onProblem: (message: string) => void };

/** The effective quantity, editable; Enter or Save sends it. */
export function LineQuantityForm({ line, busy, onSave, onProblem }: QuantityProps) {
  const [quantity, setQuantity] = useState(String(line.effective));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const count = parseQuantity(quantity);
    if (count === null) onProblem("quantity: must be a whole number above zero (cancel the line to take it off)");
    else onSave(count);
  };
  return (
    <form className="line-qty" onSubmit={submit} noValidate>
      <input
        className="input-quantity"
        data-testid={`line-qty-${line.sku}`}
        aria-label={`New quantity of ${line.sku}`}
        inputMode="numeric"
        value={quantity}
        onChange={(event) => setQuantity(event.target.value)}
      />
      <button type="submit" className="button-small" data-testid={`line-qty-save-${line.sku}`} disabled={busy || quantity === String(line.effective)}>
        Save
      </button>
    </form>
  );
}

type ReturnProps = {
  line: OrderLine;
  busy: boolean;
  onReturn: (quantity: number, restock: boolean) => void;
  onClose: () => void;
  onProblem: (message: string) => void;
};

/** How many come back and whether they go back on the shelf. */
export function ReturnForm({ line, busy, onReturn, onClose, onProblem }: ReturnProps) {
  const [quantity, setQuantity] = useState("1");
  const [restock, setRestock] = useState(true);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const count = parseQuantity(quantity);
    if (count === null) onProblem("quantity: must be a whole number above zero");
    else onReturn(count, restock);
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <label htmlFor="return-qty">
        Return of {line.sku} ({line.effective} kept by the customer)
      </label>
      <input id="return-qty" data-testid="return-qty" className="input-quantity" inputMode="numeric" value={quantity} onChange={(event) => setQuantity(event.target.value)} autoFocus />
      <label className="radio">
        <input type="radio" name="return-kind" data-testid="return-restock" checked={restock} onChange={() => setRestock(true)} />
        Restock
      </label>
      <label className="radio">
        <input type="radio" name="return-kind" data-testid="return-damaged" checked={!restock} onChange={() => setRestock(false)} />
        Damaged
      </label>
      <button type="submit" className="button-primary button-small" data-testid="return-submit" disabled={busy}>
        Take back
      </button>
      <button type="button" className="button-small" onClick={onClose}>
        Close
      </button>
    </form>
  );
}
