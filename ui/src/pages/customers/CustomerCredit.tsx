// A customer's open balance, credit limit and available credit, as the server keeps them (in the base currency).
import type { Customer } from "../../bindings/Customer";
import { Facts } from "../../components/Facts";
import { Money } from "../../components/Money";

export function CustomerCredit({ customer, baseCurrency }: { customer: Customer; baseCurrency: string | null }) {
  return (
    <Facts
      facts={[
        { label: "Open balance", value: <Money amount={customer.balance} currency={baseCurrency} />, testId: "customer-balance" },
        {
          label: "Credit limit",
          value: customer.creditLimit === null ? "No limit" : <Money amount={customer.creditLimit} currency={baseCurrency} />,
          testId: "customer-credit-limit",
        },
        {
          label: "Available credit",
          value: customer.availableCredit === null ? "Unlimited" : <Money amount={customer.availableCredit} currency={baseCurrency} warnAtZero />,
          testId: "customer-available-credit",
        },
      ]}
    />
  );
}
