// An amount of money as people read it (grouped, with its currency code); the exact decimal string stays in data-amount.
import { formatAmount, isZeroOrLess } from "../format";

type Props = {
  amount: string;
  /** Null while the currency is not known yet (the amount is shown without a code). */
  currency: string | null;
  testId?: string;
  /** Shown in red when zero or below (available credit). */
  warnAtZero?: boolean;
};

export function Money({ amount, currency, testId, warnAtZero = false }: Props) {
  const className = warnAtZero && isZeroOrLess(amount) ? "money money-bad" : "money";
  return (
    <span className={className} data-testid={testId} data-amount={amount}>
      {formatAmount(amount, currency)}
    </span>
  );
}
