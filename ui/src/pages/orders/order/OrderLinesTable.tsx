// An order's lines: ordered / cancelled / returned / effective, price and amount from the server, and the line actions its status allows.
import { useState } from "react";
import type { Order } from "../../../bindings/Order";
import type { OrderLine } from "../../../bindings/OrderLine";
import { ErrorBox } from "../../../components/ErrorBox";
import { Money } from "../../../components/Money";
import { lineStateLabel } from "../../../labels";
import { cancelLine, returnLine, updateLine } from "../../../shopApi";
import { LineQuantityForm, ReturnForm } from "./LineForms";
import { abilitiesOf } from "./orderRules";
import type { OrderRunner } from "./useOrderRunner";

const COLUMNS = ["Product", "Ordered", "Cancelled", "Returned", "Effective", "Unit price", "Amount", "State"];

export function OrderLinesTable({ order, runner }: { order: Order; runner: OrderRunner }) {
  const [returning, setReturning] = useState<string | null>(null);
  const can = abilitiesOf(order.status);
  const { busy, run } = runner;
  const place = (line: OrderLine) => `line:${line.sku}`;

  return (
    <table className="table table-grouped order-lines" data-testid="order-lines">
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <th key={column} scope="col" className={column === "Product" || column === "State" ? undefined : "cell-number"}>
              {column}
            </th>
          ))}
          <th scope="col" className="cell-actions">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      {order.lines.map((line) => (
        <tbody key={line.id}>
            <tr data-testid={`line-${line.sku}`} className={line.effective === 0 ? "row-inactive" : undefined}>
              <td>
                <span className="cell-mono">{line.sku}</span>
                <div className="cell-sub">{line.name}</div>
              </td>
              <td className="cell-number">{line.ordered}</td>
              <td className="cell-number">{line.cancelled}</td>
              <td className="cell-number" data-testid={`line-returned-${line.sku}`}>
                {line.returned}
                {line.damaged > 0 && <div className="cell-sub">{line.damaged} damaged</div>}
              </td>
              <td className="cell-number" data-testid={`line-effective-${line.sku}`}>
                {can.changeLines && line.effective > 0 ? (
                  <LineQuantityForm
                    key={line.effective}
                    line={line}
                    busy={busy}
                    onSave={(quantity) => run(place(line), () => updateLine(order.number, line.sku, quantity))}
                    onProblem={(message) => runner.report(place(line), message)}
                  />
                ) : (
                  line.effective
                )}
              </td>
              <td className="cell-number">
                <Money amount={line.unitPrice} currency={order.currency} />
                <div className="cell-sub">tax {line.taxRate} %</div>
              </td>
              <td className="cell-number">
                <Money amount={line.amount} currency={order.currency} testId={`line-amount-${line.sku}`} />
              </td>
              <td data-testid={`line-state-${line.sku}`}>{lineStateLabel(line.state)}</td>
              <td className="cell-actions">
                {can.changeLines && line.effective > 0 && (
                  <button type="button" className="button-small" data-testid={`line-cancel-${line.sku}`} disabled={busy} onClick={() => run(place(line), () => cancelLine(order.number, line.sku))}>
                    Cancel line
                  </button>
                )}
                {can.returnLines && line.effective > 0 && (
                  <button type="button" className="button-small" data-testid={`line-return-${line.sku}`} aria-expanded={returning === line.sku} onClick={() => setReturning(returning === line.sku ? null : line.sku)}>
                    Return…
                  </button>
                )}
              </td>
            </tr>
            {returning === line.sku && (
              <tr className="row-form">
                <td colSpan={COLUMNS.length + 1}>
                  <ReturnForm
                    line={line}
                    busy={busy}
                    onClose={() => setReturning(null)}
                    onProblem={(message) => runner.report(place(line), message)}
                    onReturn={(quantity, restock) =>
                      run(place(line), () => returnLine(order.number, line.sku, quantity, restock)).then((done) => done && setReturning(null))
                    }
                  />
                </td>
              </tr>
            )}
            {runner.errorAt(place(line)) !== null && (
              <tr className="row-form">
                <td colSpan={COLUMNS.length + 1}>
                  <ErrorBox testId="line-error" message={runner.errorAt(place(line))} />
                </td>
              </tr>
            )}
        </tbody>
      ))}
    </table>
  );
}
