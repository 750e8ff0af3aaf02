// Adding or editing a product (managers and owners): SKU and opening stock only on create; a clerk sees the server's refusal.
import { useState, type FormEvent } from "react";
import { messageOf } from "../../api";
import type { Product } from "../../bindings/Product";
import type { ProductUpdate } from "../../bindings/ProductUpdate";
import { Card } from "../../components/Card";
import { ErrorBox } from "../../components/ErrorBox";
import { Field } from "../../components/Field";
import { SubmitButton } from "../../components/SubmitButton";
import { addProduct, updateProduct } from "../../shopApi";

type Props = { product: Product | null; baseCurrency: string | null; onSaved: (product: Product) => void; onCancel: () => void };

type TextField = "sku" | "name" | "unitPrice" | "cost" | "taxRate" | "stock" | "reorderLevel" | "notes";
type Form = Record<TextField, string> & { allowBackorder: boolean; active: boolean };

function formOf(product: Product | null): Form {
  return {
    sku: product?.sku ?? "",
    name: product?.name ?? "",
    unitPrice: product?.unitPrice ?? "",
    cost: product?.cost ?? "0",
    taxRate: product?.taxRate ?? "",
    stock: String(product?.stock ?? 0),
    reorderLevel: String(product?.reorderLevel ?? 0),
    notes: product?.notes ?? "",
    allowBackorder: product?.allowBackorder ?? false,
    active: product?.active ?? true,
  };
}

/** A whole number (stock counts), or null. */
function wholeNumber(text: string): number | null {
  return /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

export function ProductForm({ product, baseCurrency, onSaved, onCancel }: Props) {
  const [form, setForm] = useState<Form>(() => formOf(product));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const text = (field: TextField) => ({
    id: `product-form-${field}`,
    value: form[field],
    onChange: (event: { target: { value: string } }) => setForm((current) => ({ ...current, [field]: event.target.value })),
  });
  const flag = (field: "allowBackorder" | "active") => ({
    checked: form[field],
    onChange: (event: { target: { checked: boolean } }) => setForm((current) => ({ ...current, [field]: event.target.checked })),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const reorderLevel = wholeNumber(form.reorderLevel);
    const stock = wholeNumber(form.stock);
    if (reorderLevel === null || (product === null && stock === null)) {
      setError(reorderLevel === null ? "reorderLevel: must be a whole number" : "stock: must be a whole number");
      return;
    }
    const update: ProductUpdate = {
      name: form.name,
      unitPrice: form.unitPrice.trim(),
      cost: form.cost.trim(),
      taxRate: form.taxRate.trim(),
      reorderLevel,
      allowBackorder: form.allowBackorder,
      active: form.active,
      notes: form.notes,
    };
    setSaving(true);
    setError(null);
    const saved = product === null ? addProduct({ ...update, sku: form.sku.trim(), stock: stock ?? 0 }) : updateProduct(product.id, update);
    saved.then(onSaved).catch((reason: unknown) => {
      setError(messageOf(reason));
      setSaving(false);
    });
  };

  const currency = baseCurrency ?? "base currency";
  return (
    <Card title={product === null ? "New product" : `Edit ${product.sku}`}>
      <form className="form" onSubmit={submit} noValidate data-testid="product-form">
        {product === null && (
          <Field label="SKU" htmlFor="product-form-sku" hint="Unique; it cannot change later (orders copy it).">
            <input {...text("sku")} data-testid="product-form-sku" className="input-medium" autoFocus spellCheck={false} />
          </Field>
        )}
        <Field label="Name" htmlFor="product-form-name">
          <input {...text("name")} data-testid="product-form-name" autoFocus={product !== null} />
        </Field>
        <Field label="Unit price" htmlFor="product-form-unitPrice" hint={`Net, in ${currency}; up to 4 decimals.`}>
          <input {...text("unitPrice")} data-testid="product-form-price" className="input-amount" inputMode="decimal" />
        </Field>
        <Field label="Cost" htmlFor="product-form-cost" hint="What one unit costs the shop.">
          <input {...text("cost")} data-testid="product-form-cost" className="input-amount" inputMode="decimal" />
        </Field>
        <Field label="Tax rate (%)" htmlFor="product-form-taxRate">
          <input {...text("taxRate")} data-testid="product-form-tax-rate" className="input-short" inputMode="decimal" />
        </Field>
        {product === null && (
          <Field label="Opening stock" htmlFor="product-form-stock">
            <input {...text("stock")} data-testid="product-form-stock" className="input-short" inputMode="numeric" />
          </Field>
        )}
        <Field label="Reorder level" htmlFor="product-form-reorderLevel" hint="At or under this stock the product shows as low.">
          <input {...text("reorderLevel")} data-testid="product-form-reorder-level" className="input-short" inputMode="numeric" />
        </Field>
        <Field label="Ordering" htmlFor="product-form-active">
          <label className="checkbox">
            <input id="product-form-active" type="checkbox" data-testid="product-form-active" {...flag("active")} />
            Active (can be ordered)
          </label>
          <label className="checkbox">
            <input type="checkbox" data-testid="product-form-backorder" {...flag("allowBackorder")} />
            Allow orders beyond the stock on hand
          </label>
        </Field>
        <Field label="Notes" htmlFor="product-form-notes">
          <textarea {...text("notes")} data-testid="product-form-notes" rows={2} />
        </Field>
        <ErrorBox testId="product-form-error" message={error} />
        <div className="form-actions">
          <button type="button" data-testid="product-form-cancel" onClick={onCancel}>
            Cancel
          </button>
          <SubmitButton testId="product-form-save" label={product === null ? "Add product" : "Save"} busyLabel="Saving…" busy={saving} />
        </div>
      </form>
    </Card>
  );
}
