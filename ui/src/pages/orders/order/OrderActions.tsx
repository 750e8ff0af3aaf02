// The order's own actions for its status: Place, Ship, Deliver, Cancel (after a confirm); refusals shown beside them.
import { useState } from "react";
import type { Order } from "../../../bindings/Order";
import { ErrorBox } from "../../../components/ErrorBox";
import { cancelOrder, deliverOrder, placeOrder, shipOrder } from "../../../shopApi";
import { abilitiesOf } from "./orderRules";
import type { OrderRunner } from "./useOrderRunner";

type Props = { order: Order; runner: OrderRunner; mayOverride: boolean };

export function OrderActions({ order, runner, mayOverride }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [override, setOverride] = useState("");
  const can = abilitiesOf(order.status);
  const { busy, run } = runner;
  const overLimit = runner.codeAt("order") === "credit_limit_exceeded";
  const act = (action: () => Promise<unknown>) => () => {
    setConfirming(false);
    run("order", action);
  };

  return (
    <div className="order-actions">
      <div className="order-actions-buttons">
        {can.place && (
          <button type="button" className="button-primary" data-testid="order-place" disabled={busy} onClick={act(() => placeOrder(order.number, override.trim() === "" ? null : override.trim()))}>
            {override.trim() === "" ? "Place order" : "Place with override"}
          </button>
        )}
        {can.ship && (
          <button type="button" className="button-primary" data-testid="order-ship" disabled={busy} onClick={act(() => shipOrder(order.number))}>
            Ship
          </button>
        )}
        {can.deliver && (
          <button type="button" className="button-primary" data-testid="order-deliver" disabled={busy} onClick={act(() => deliverOrder(order.number))}>
            Mark delivered
          </button>
        )}
        {can.cancel && !confirming && (
          <button type="button" data-testid="order-cancel" disabled={busy} onClick={() => setConfirming(true)}>
            Cancel order…
          </button>
        )}
      </div>
      {confirming && (
        <div className="confirm-box" role="alertdialog" aria-label="Cancel the order" data-testid="order-cancel-confirm-box">
          <p>Cancel {order.number}? Every line is cancelled{order.status === "draft" ? "" : " and its stock goes back"}. This cannot be undone.</p>
          <button type="button" className="button-danger" data-testid="order-cancel-confirm" disabled={busy} onClick={act(() => cancelOrder(order.number))} autoFocus>
            Yes, cancel the order
          </button>
          <button type="button" data-testid="order-cancel-keep" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      )}
      <ErrorBox testId="order-error" message={runner.errorAt("order")} />
      {can.place && mayOverride && (overLimit || override !== "") && (
        <label className="warning-override">
          Reason to place it over the credit limit (recorded with your name)
          <input data-testid="order-credit-override" value={override} onChange={(event) => setOverride(event.target.value)} />
        </label>
      )}
    </div>
  );
}
