// One product: its facts, "Adjust stock", the price history and the last stock movements (products_get).
import { useCallback, useEffect, useState } from "react";
import { messageOf } from "../../api";
import type { Product } from "../../bindings/Product";
import type { ProductDetail } from "../../bindings/ProductDetail";
import { Card } from "../../components/Card";
import { ErrorBox } from "../../components/ErrorBox";
import { Facts } from "../../components/Facts";
import { Money } from "../../components/Money";
import { formatDateTime } from "../../format";
import { stockReasonLabel } from "../../labels";
import { getProduct } from "../../shopApi";
import { StockAdjustForm } from "./StockAdjustForm";

type Props = { id: number; baseCurrency: string | null; mayManage: boolean; onEdit: (product: Product) => void };

export function ProductPanel({ id, baseCurrency, mayManage, onEdit }: Props) {
  const [detail, setDetail] = useState<ProductDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loads, setLoads] = useState(0);
  const reload = useCallback(() => setLoads((count) => count + 1), []);

  useEffect(() => {
    let current = true;
    getProduct(id)
      .then((loaded) => current && setDetail(loaded))
      .catch((reason: unknown) => current && setError(messageOf(reason)));
    return () => {
      current = false;
    };
  }, [id, loads]);

  if (detail === null) return error === null ? <p className="card-text">Loading the product…</p> : <ErrorBox testId="product-error" message={error} />;
  const { product, prices, movements } = detail;
  const money = (amount: string) => <Money amount={amount} currency={baseCurrency} />;

  return (
    <>
      <Card title={`${product.sku} · ${product.name}`} note={mayManage ? undefined : "Only managers and owners change products and stock."}>
        <div data-testid="product-panel">
          <Facts
            facts={[
              { label: "Unit price", value: money(product.unitPrice) },
              { label: "Cost", value: money(product.cost) },
              { label: "Tax rate", value: `${product.taxRate} %` },
              { label: "Stock", value: <span className={product.lowStock ? "stock-low" : undefined}>{product.stock}{product.lowStock ? " (low)" : ""}</span>, testId: "product-stock" },
              { label: "Reorder level", value: product.reorderLevel },
              { label: "Ordering", value: `${product.active ? "Active" : "Inactive"}${product.allowBackorder ? ", backorders allowed" : ""}` },
              ...(product.notes === "" ? [] : [{ label: "Notes", value: <span className="pre-line">{product.notes}</span> }]),
            ]}
          />
        </div>
        <div className="form-actions">
          <button type="button" data-testid="product-edit" onClick={() => onEdit(product)}>
            Edit product
          </button>
        </div>
        <h3 className="form-section">Adjust stock</h3>
        <StockAdjustForm product={product} onAdjusted={reload} />
      </Card>
      <Card title="Price history">
        <table className="table" data-testid="product-prices">
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col" className="cell-number">Unit price</th>
              <th scope="col" className="cell-number">Cost</th>
              <th scope="col">By</th>
            </tr>
          </thead>
          <tbody>
            {prices.map((price) => (
              <tr key={price.validFrom}>
                <td>{formatDateTime(price.validFrom)}</td>
                <td className="cell-number">{money(price.unitPrice)}</td>
                <td className="cell-number">{money(price.cost)}</td>
                <td>{price.actorName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card title="Stock movements" note="The last 50, newest first.">
        {movements.length === 0 ? (
          <p className="card-text">No movements yet.</p>
        ) : (
          <table className="table" data-testid="product-movements">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col" className="cell-number">Change</th>
                <th scope="col">Why</th>
                <th scope="col">Note</th>
                <th scope="col">By</th>
              </tr>
            </thead>
            <tbody>
              {movements.map((movement, index) => (
                <tr key={`${movement.at}-${index}`}>
                  <td>{formatDateTime(movement.at)}</td>
                  <td className="cell-number">{movement.delta > 0 ? `+${movement.delta}` : movement.delta}</td>
                  <td>{stockReasonLabel(movement.reason)}</td>
                  <td>{movement.note}</td>
                  <td>{movement.actorName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
