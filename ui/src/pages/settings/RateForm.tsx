// Entering an exchange rate (managers and owners): currency, units of base currency per unit, first day (today unless changed).
// A refusal that names a field is shown under that field; any other under the form.
import { useState, type FormEvent } from "react";
import { toKontorError } from "../../api";
import type { ExchangeRate } from "../../bindings/ExchangeRate";
import { ErrorBox } from "../../components/ErrorBox";
import { Field } from "../../components/Field";
import { SubmitButton } from "../../components/SubmitButton";
import { setRate } from "../../shopApi";

type RateField = "currency" | "rate" | "validFrom";
type Refusal = { field: RateField | null; message: string };

/** Today in the computer's time zone, as the date input holds it ("2026-11-22"). */
export function localToday(now = new Date()): string {
  const two = (value: number) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

function refusalOf(reason: unknown): Refusal {
  const error = toKontorError(reason);
  const field = error.details.field;
  return { field: field === "currency" || field === "rate" || field === "validFrom" ? field : null, message: error.message };
}

type Props = { baseCurrency: string; currencies: string[]; onEntered: (rate: ExchangeRate) => void };

export function RateForm({ baseCurrency, currencies, onEntered }: Props) {
  const [currency, setCurrency] = useState("");
  const [rate, setRateText] = useState("");
  const [validFrom, setValidFrom] = useState(localToday);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saving, setSaving] = useState(false);
  const errorFor = (field: RateField, testId: string) => ({ testId, message: refusal?.field === field ? refusal.message : null });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setRefusal(null);
    setRate(currency, validFrom, rate)
      .then((entered) => {
        setRateText("");
        onEntered(entered);
      })
      .catch((reason: unknown) => setRefusal(refusalOf(reason)))
      .finally(() => setSaving(false));
  };

  return (
    <form className="form rate-form" onSubmit={submit} noValidate>
      <h3 className="form-section">Enter a rate</h3>
      <Field label="Currency" htmlFor="rate-currency" error={errorFor("currency", "rate-currency-error")}>
        <select id="rate-currency" data-testid="rate-currency" className="input-medium" value={currency} onChange={(event) => setCurrency(event.target.value)}>
          <option value="">Choose a currency</option>
          {currencies.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </Field>
      <Field label={`Rate (${baseCurrency})`} htmlFor="rate-value" hint={`How many ${baseCurrency} one unit of the currency buys, e.g. 0.9231 (above 0, at most 10 decimals).`} error={errorFor("rate", "rate-value-error")}>
        <input id="rate-value" data-testid="rate-value" className="input-amount" inputMode="decimal" autoComplete="off" value={rate} onChange={(event) => setRateText(event.target.value)} />
      </Field>
      <Field label="From" htmlFor="rate-from" hint="Orders entered on this day or later use the rate, until a newer one." error={errorFor("validFrom", "rate-from-error")}>
        <input id="rate-from" data-testid="rate-from" className="input-date" type="date" value={validFrom} onChange={(event) => setValidFrom(event.target.value)} />
      </Field>
      <ErrorBox testId="rate-error" message={refusal !== null && refusal.field === null ? refusal.message : null} />
      <div className="form-actions">
        <SubmitButton testId="rate-submit" label="Save rate" busyLabel="Saving…" busy={saving} />
      </div>
    </form>
  );
}
