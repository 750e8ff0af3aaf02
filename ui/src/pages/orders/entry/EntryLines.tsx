// The lines being entered: quantity editable in place, a remove button, and each line's amount from the preview.
import type { OrderLine } from "../../../bindings/OrderLine";
import { Money } from "../../../components/Money";
import type { EntryLine } from "./entryModel";

type Props = {
  lines: EntryLine[];
  /** The preview's lines (amounts, prices), or null while there is no preview. */
  priced: OrderLine[] | null;
  currency: string | null;
  onQuantity: (sku: string, quantity: string) => void;
  onRemove: (sku: string) => void;
};

export function EntryLines({ lines, priced, currency, onQuantity, onRemove }: Props) {
  if (lines.length === 0) {
    return <p className="card-text">No lines yet. Type a SKU or product name above, then the quantity, then Enter.</p>;
  }
  const pricedLine = (sku: string) => priced?.find((line) => line.sku.toLowerCase() === sku.toLowerCase());
  return (
    <table className="table" data-testid="entry-lines">
      <thead>
        <tr>
          <th scope="col">SKU</th>
          <th scope="col">Product</th>
          <th scope="col" className="cell-number">
            Quantity
          </th>
          <th scope="col" className="cell-number">
            Unit price
          </th>
          <th scope="col" className="cell-number">
            Tax
          </th>
          <th scope="col" className="cell-number">
            Amount
          </th>
          <th scope="col" className="cell-actions">
            <span className="visually-hidden">Remove</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => {
          const price = pricedLine(line.sku);
          return (
            <tr key={line.sku} data-testid={`entry-line-${line.sku}`}>
              <td className="cell-mono">{line.sku}</td>
              <td>{line.name}</td>
              <td className="cell-number">
                <input
                  className="input-quantity"
                  data-testid={`entry-line-qty-${line.sku}`}
                  aria-label={`Quantity of ${line.sku}`}
                  inputMode="numeric"
                  value={line.quantity}
                  onChange={(event) => onQuantity(line.sku, event.target.value)}
                />
              </td>
              <td className="cell-number">{price === undefined ? "…" : <Money amount={price.unitPrice} currency={currency} />}</td>
              <td className="cell-number">{price === undefined ? "…" : `${price.taxRate} %`}</td>
              <td className="cell-number">
                {price === undefined ? "…" : <Money amount={price.amount} currency={currency} testId={`entry-line-amount-${line.sku}`} />}
              </td>
              <td className="cell-actions">
                <button type="button" className="button-small" data-testid={`entry-line-remove-${line.sku}`} onClick={() => onRemove(line.sku)}>
                  Remove
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
