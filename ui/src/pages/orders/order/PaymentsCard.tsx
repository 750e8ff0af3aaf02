// Money on an order: the payments and refunds so far, "Record payment", and "Refund" for managers and owners.
import { useState, type FormEvent } from "react";
import type { Order } from "../../../bindings/Order";
import type { Payment } from "../../../bindings/Payment";
import type { PaymentMethod } from "../../../bindings/PaymentMethod";
import { Card } from "../../../components/Card";
import { ErrorBox } from "../../../components/ErrorBox";
import { Money } from "../../../components/Money";
import { formatDateTime, isZeroOrLess } from "../../../format";
import { PAYMENT_METHODS, paymentMethodLabel } from "../../../labels";
import { payOrder, refundOrder } from "../../../shopApi";
import { abilitiesOf } from "./orderRules";
import type { OrderRunner } from "./useOrderRunner";

type Props = { order: Order; payments: Payment[]; runner: OrderRunner; mayRefund: boolean };

export function PaymentsCard({ order, payments, runner, mayRefund }: Props) {
  const [method, setMethod] = useState<PaymentMethod>(order.paymentMethod);
  const [amount, setAmount] = useState("");
  const [reference, setReference] = useState("");
  const canPay = abilitiesOf(order.status).takePayment;
  const canRefund = mayRefund && !isZeroOrLess(order.amountPaid);

  const send = (command: typeof payOrder) => {
    runner.run("payment", () => command(order.number, method, amount.trim(), reference.trim())).then((done) => {
      if (!done) return;
      setAmount("");
      setReference("");
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(canPay ? payOrder : refundOrder);
  };

  return (
    <Card title="Payments">
      {payments.length === 0 ? (
        <p className="card-text">No payments yet.</p>
      ) : (
        <table className="table" data-testid="payments">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Method</th>
              <th scope="col" className="cell-number">
                Amount
              </th>
              <th scope="col">Reference</th>
              <th scope="col">By</th>
            </tr>
          </thead>
          <tbody>
            {payments.map((payment) => (
              <tr key={payment.id} data-testid={`payment-${payment.id}`}>
                <td>{formatDateTime(payment.at)}</td>
                <td>{paymentMethodLabel(payment.method)}</td>
                <td className="cell-number">
                  <Money amount={payment.amount} currency={order.currency} />
                </td>
                <td>{payment.reference}</td>
                <td>{payment.actorName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(canPay || canRefund) && (
        <form className="inline-form payment-form" onSubmit={submit} noValidate>
          <select data-testid="payment-method" aria-label="Payment method" value={method} onChange={(event) => setMethod(PAYMENT_METHODS.find((choice) => choice === event.target.value) ?? method)}>
            {PAYMENT_METHODS.map((choice) => (
              <option key={choice} value={choice}>
                {paymentMethodLabel(choice)}
              </option>
            ))}
          </select>
          <input data-testid="payment-amount" className="input-amount" aria-label={`Amount in ${order.currency}`} placeholder={`${order.amountDue} ${order.currency} due`} inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} />
          <input data-testid="payment-reference" aria-label="Reference" placeholder="Reference (receipt, transfer id)" value={reference} onChange={(event) => setReference(event.target.value)} />
          {canPay && (
            <button type="submit" className="button-primary button-small" data-testid="payment-submit" disabled={runner.busy}>
              Record payment
            </button>
          )}
          {canRefund && (
            <button type="button" className="button-small" data-testid="refund-submit" disabled={runner.busy} onClick={() => send(refundOrder)}>
              Refund
            </button>
          )}
          <ErrorBox testId="payment-error" message={runner.errorAt("payment")} />
        </form>
      )}
    </Card>
  );
}
