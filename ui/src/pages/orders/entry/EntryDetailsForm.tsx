// Order entry's other fields: payment method, urgent, promised date, notes, and an optional currency and exchange rate.
import type { PaymentMethod } from "../../../bindings/PaymentMethod";
import { Field } from "../../../components/Field";
import { PAYMENT_METHODS, paymentMethodLabel } from "../../../labels";
import { CURRENCY_CHOICES } from "../../../screens/currencies";
import type { EntryDetails } from "./entryModel";

type Props = { details: EntryDetails; customerCurrency: string | null; onChange: (details: EntryDetails) => void };

export function EntryDetailsForm({ details, customerCurrency, onChange }: Props) {
  const set = <K extends keyof EntryDetails>(field: K, value: EntryDetails[K]) => onChange({ ...details, [field]: value });
  return (
    <div className="form">
      <Field label="Payment" htmlFor="entry-payment-method">
        <select
          id="entry-payment-method"
          data-testid="entry-payment-method"
          value={details.paymentMethod}
          onChange={(event) => set("paymentMethod", PAYMENT_METHODS.find((method) => method === event.target.value) ?? details.paymentMethod)}
        >
          {PAYMENT_METHODS.map((method: PaymentMethod) => (
            <option key={method} value={method}>
              {paymentMethodLabel(method)}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Urgent" htmlFor="entry-urgent">
        <label className="checkbox">
          <input id="entry-urgent" data-testid="entry-urgent" type="checkbox" checked={details.urgent} onChange={(event) => set("urgent", event.target.checked)} />
          Pack and ship first
        </label>
      </Field>
      <Field label="Promised for" htmlFor="entry-promised-date">
        <input id="entry-promised-date" data-testid="entry-promised-date" className="input-date" type="date" value={details.promisedDate} onChange={(event) => set("promisedDate", event.target.value)} />
      </Field>
      <Field label="Notes" htmlFor="entry-notes">
        <textarea id="entry-notes" data-testid="entry-notes" rows={2} value={details.notes} onChange={(event) => set("notes", event.target.value)} />
      </Field>
      <Field label="Currency" htmlFor="entry-currency" hint="The customer's currency unless you choose another.">
        <select id="entry-currency" data-testid="entry-currency" value={details.currency} onChange={(event) => set("currency", event.target.value)}>
          <option value="">{customerCurrency === null ? "Customer's currency" : `Customer's currency (${customerCurrency})`}</option>
          {CURRENCY_CHOICES.map((choice) => (
            <option key={choice.code} value={choice.code}>
              {choice.code} · {choice.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Exchange rate" htmlFor="entry-exchange-rate" hint="Base-currency units per unit of the order's currency; empty takes the rate on file.">
        <input id="entry-exchange-rate" data-testid="entry-exchange-rate" className="input-short" inputMode="decimal" value={details.exchangeRate} onChange={(event) => set("exchangeRate", event.target.value)} />
      </Field>
    </div>
  );
}
