// The side of order entry: totals from orders_preview, the customer's credit, the credit warning, and Save / Place.
import type { CreditWarning } from "../../../bindings/CreditWarning";
import type { Customer } from "../../../bindings/Customer";
import type { SignedInUser } from "../../../bindings/SignedInUser";
import { ErrorBox } from "../../../components/ErrorBox";
import { Money } from "../../../components/Money";
import { CustomerCredit } from "../../customers/CustomerCredit";
import type { LivePreview } from "./usePreview";

type Props = {
  live: LivePreview;
  customer: Customer | null;
  baseCurrency: string | null;
  user: SignedInUser;
  creditOverride: string;
  onCreditOverride: (reason: string) => void;
  /** A problem found before asking the server (no customer, a bad quantity). */
  problem: string | null;
  error: string | null;
  saving: boolean;
  onSave: (place: boolean) => void;
};

export function EntrySummary({ live, customer, baseCurrency, user, creditOverride, onCreditOverride, problem, error, saving, onSave }: Props) {
  const order = live.preview?.order ?? null;
  const warning = live.preview?.creditWarning ?? null;
  const mayOverride = user.role !== "clerk";
  return (
    <aside className="entry-summary" aria-label="Order totals">
      <dl className={live.current ? "totals" : "totals totals-stale"} data-testid="entry-totals">
        <div>
          <dt>Lines</dt>
          <dd>{order === null ? "–" : <Money amount={order.amountLines} currency={order.currency} testId="entry-lines-total" />}</dd>
        </div>
        <div>
          <dt>Tax</dt>
          <dd>{order === null ? "–" : <Money amount={order.amountTax} currency={order.currency} testId="entry-tax" />}</dd>
        </div>
        <div className="totals-grand">
          <dt>Total</dt>
          <dd>{order === null ? "–" : <Money amount={order.amountTotal} currency={order.currency} testId="entry-total" />}</dd>
        </div>
        {order !== null && baseCurrency !== null && order.currency !== baseCurrency && (
          <div>
            <dt>In {baseCurrency}</dt>
            <dd>
              <Money amount={order.amountTotalBase} currency={baseCurrency} testId="entry-total-base" />
            </dd>
          </div>
        )}
      </dl>
      <ErrorBox testId="entry-preview-error" message={live.error} />
      {customer !== null && <CustomerCredit customer={customer} baseCurrency={baseCurrency} />}
      {warning !== null && (
        <div className="warning-box" role="alert" data-testid="credit-warning">
          <p className="warning-title">Over the credit limit</p>
          <p>Placing this order would take {warning.customer} over their credit limit.</p>
          <WarningFigures warning={warning} />
          {mayOverride ? (
            <label className="warning-override">
              Reason to place it anyway (recorded with your name)
              <input data-testid="entry-credit-override" value={creditOverride} onChange={(event) => onCreditOverride(event.target.value)} />
            </label>
          ) : (
            <p className="warning-note">Save it as a draft; a manager can place it with an override.</p>
          )}
        </div>
      )}
      <ErrorBox testId="entry-error" message={problem ?? error} />
      <div className="entry-buttons">
        <button type="button" data-testid="entry-save-draft" disabled={saving} onClick={() => onSave(false)}>
          Save draft
        </button>
        <button type="button" className="button-primary" data-testid="entry-place" disabled={saving} onClick={() => onSave(true)} title="Ctrl+Enter">
          {saving ? "Saving…" : "Place order"}
        </button>
      </div>
      <p className="entry-hint">Ctrl+Enter places the order.</p>
    </aside>
  );
}

/** The credit refusal's figures, in the base currency. */
function WarningFigures({ warning }: { warning: CreditWarning }) {
  const figures: [string, string, string][] = [
    ["Balance now", warning.balance, "credit-warning-balance"],
    ["This order", warning.orderAmount, "credit-warning-order"],
    ["Balance after", warning.balanceAfter, "credit-warning-after"],
    ["Credit limit", warning.limit, "credit-warning-limit"],
  ];
  return (
    <dl className="warning-figures">
      {figures.map(([label, amount, testId]) => (
        <div key={testId}>
          <dt>{label}</dt>
          <dd>
            <Money amount={amount} currency={warning.currency} testId={testId} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
