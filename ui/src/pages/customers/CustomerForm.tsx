// Adding or editing a customer: contact details, addresses, VIP, credit limit (empty = no limit), currency, notes.
import { useState, type FormEvent } from "react";
import { messageOf } from "../../api";
import type { Customer } from "../../bindings/Customer";
import { Card } from "../../components/Card";
import { ErrorBox } from "../../components/ErrorBox";
import { Field } from "../../components/Field";
import { SubmitButton } from "../../components/SubmitButton";
import { CURRENCY_CHOICES } from "../../screens/currencies";
import { addCustomer, updateCustomer } from "../../shopApi";

type Props = { customer: Customer | null; baseCurrency: string | null; onSaved: (customer: Customer) => void; onCancel: () => void };

type TextField = "name" | "email" | "phone" | "billingAddress" | "shippingAddress" | "creditLimit" | "currency" | "notes";
type Form = Record<TextField, string> & { vip: boolean };

function formOf(customer: Customer | null): Form {
  return {
    name: customer?.name ?? "",
    email: customer?.email ?? "",
    phone: customer?.phone ?? "",
    billingAddress: customer?.billingAddress ?? "",
    shippingAddress: customer?.shippingAddress ?? "",
    creditLimit: customer?.creditLimit ?? "",
    // "" on a new customer: the business's base currency.
    currency: customer?.currency ?? "",
    notes: customer?.notes ?? "",
    vip: customer?.vip ?? false,
  };
}

export function CustomerForm({ customer, baseCurrency, onSaved, onCancel }: Props) {
  const [form, setForm] = useState<Form>(() => formOf(customer));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const text = (field: TextField) => ({
    id: `customer-form-${field}`,
    value: form[field],
    onChange: (event: { target: { value: string } }) => setForm((current) => ({ ...current, [field]: event.target.value })),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const fields = { ...form, creditLimit: form.creditLimit.trim() === "" ? null : form.creditLimit.trim() };
    const saved = customer === null ? addCustomer({ ...fields, currency: form.currency === "" ? null : form.currency }) : updateCustomer(customer.id, fields);
    saved.then(onSaved).catch((reason: unknown) => {
      setError(messageOf(reason));
      setSaving(false);
    });
  };

  return (
    <Card title={customer === null ? "New customer" : `Edit ${customer.name}`}>
      <form className="form" onSubmit={submit} noValidate data-testid="customer-form">
        <Field label="Name" htmlFor="customer-form-name">
          <input {...text("name")} data-testid="customer-form-name" autoFocus />
        </Field>
        <Field label="Email" htmlFor="customer-form-email">
          <input {...text("email")} data-testid="customer-form-email" type="email" />
        </Field>
        <Field label="Phone" htmlFor="customer-form-phone">
          <input {...text("phone")} data-testid="customer-form-phone" type="tel" />
        </Field>
        <Field label="Billing address" htmlFor="customer-form-billingAddress">
          <textarea {...text("billingAddress")} data-testid="customer-form-billing-address" rows={3} />
        </Field>
        <Field label="Shipping address" htmlFor="customer-form-shippingAddress" hint="Where shipments go; printed on the shipping event.">
          <textarea {...text("shippingAddress")} data-testid="customer-form-shipping-address" rows={3} />
        </Field>
        <Field label="VIP" htmlFor="customer-form-vip">
          <label className="checkbox">
            <input id="customer-form-vip" data-testid="customer-form-vip" type="checkbox" checked={form.vip} onChange={(event) => setForm((current) => ({ ...current, vip: event.target.checked }))} />
            Shows in the VIP queue
          </label>
        </Field>
        <Field label="Credit limit" htmlFor="customer-form-creditLimit" hint={`In ${baseCurrency ?? "the base currency"}. Leave empty for no limit.`}>
          <input {...text("creditLimit")} data-testid="customer-form-credit-limit" className="input-amount" inputMode="decimal" placeholder="No limit" />
        </Field>
        <Field label="Currency" htmlFor="customer-form-currency" hint="The currency this customer's orders are in.">
          <select {...text("currency")} data-testid="customer-form-currency">
            {customer === null && <option value="">Base currency{baseCurrency === null ? "" : ` (${baseCurrency})`}</option>}
            {customer !== null && !CURRENCY_CHOICES.some((choice) => choice.code === customer.currency) && <option value={customer.currency}>{customer.currency}</option>}
            {CURRENCY_CHOICES.map((choice) => (
              <option key={choice.code} value={choice.code}>
                {choice.code} · {choice.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Notes" htmlFor="customer-form-notes">
          <textarea {...text("notes")} data-testid="customer-form-notes" rows={2} />
        </Field>
        <ErrorBox testId="customer-form-error" message={error} />
        <div className="form-actions">
          <button type="button" data-testid="customer-form-cancel" onClick={onCancel}>
            Cancel
          </button>
          <SubmitButton testId="customer-form-save" label={customer === null ? "Add customer" : "Save"} busyLabel="Saving…" busy={saving} />
        </div>
      </form>
    </Card>
  );
}
