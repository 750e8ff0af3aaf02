// Settings → Invoices: what invoices say about the seller (owner edits, others read), the logo, and a sample invoice to check the layout.
import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import type { InvoiceProfile } from "../../bindings/InvoiceProfile";
import type { InvoiceSettings } from "../../bindings/InvoiceSettings";
import type { NumberLocale } from "../../bindings/NumberLocale";
import type { PaperSize } from "../../bindings/PaperSize";
import { Card } from "../../components/Card";
import { ErrorBox } from "../../components/ErrorBox";
import { Field } from "../../components/Field";
import { PdfViewer } from "../../components/PdfViewer";
import { SubmitButton } from "../../components/SubmitButton";
import { getInvoiceSettings, previewInvoicePdf, updateInvoiceProfile } from "../../invoiceSettingsApi";
import { InvoiceLogoField } from "./InvoiceLogoField";
import { errorAt, refusalOf, type FieldRefusal } from "./invoiceFieldError";

const PAPER: { value: PaperSize; label: string }[] = [
  { value: "a4", label: "A4" },
  { value: "letter", label: "Letter" },
];
const NUMBER_FORMATS: { value: NumberLocale; label: string }[] = [
  { value: "en", label: "1,234.56 · 2026-11-22" },
  { value: "de", label: "1.234,56 · 22.11.2026" },
  { value: "fr", label: "1 234,56 · 22/11/2026" },
];

/** The profile as typed: the payment terms stay text until saved, so a half-typed number is not lost. */
type Form = Omit<InvoiceProfile, "paymentTermsDays"> & { paymentTermsDays: string };
type TextField = "legalName" | "address" | "taxId" | "bankDetails" | "invoiceFooter" | "invoicePrefix" | "creditNotePrefix" | "paymentTermsDays";
/** Refusals naming one of these show at that field; any other goes in the box under the form. */
const FORM_FIELDS = new Set<string>(["legalName", "address", "taxId", "bankDetails", "invoiceFooter", "invoicePrefix", "creditNotePrefix", "paymentTermsDays", "paperSize", "numberLocale"]);

type Props = { canEdit: boolean; canPreview: boolean };

export function InvoicesCard({ canEdit, canPreview }: Props) {
  const [settings, setSettings] = useState<InvoiceSettings | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [refusal, setRefusal] = useState<FieldRefusal | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [preview, setPreview] = useState<Uint8Array | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [previewError, setPreviewError] = useState<string | null>(null);

  const show = (loaded: InvoiceSettings) => {
    setSettings(loaded);
    setForm({ ...loaded.profile, paymentTermsDays: String(loaded.profile.paymentTermsDays) });
  };
  useEffect(() => {
    getInvoiceSettings()
      .then(show)
      .catch((reason: unknown) => setRefusal(refusalOf(reason)));
  }, []);

  const edit = (change: Partial<Form>) => {
    setForm((current) => (current === null ? current : { ...current, ...change }));
    setSaved(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form === null) return;
    setSaved(false);
    // Checked here too: a fraction or a negative number cannot even be sent (the core takes a u32).
    const paymentTermsDays = Number(form.paymentTermsDays.trim());
    if (form.paymentTermsDays.trim() === "" || !Number.isInteger(paymentTermsDays) || paymentTermsDays < 0 || paymentTermsDays > 365) {
      setRefusal({ field: "paymentTermsDays", message: "paymentTermsDays: must be between 0 and 365 days" });
      return;
    }
    setSaving(true);
    setRefusal(null);
    updateInvoiceProfile({ ...form, paymentTermsDays })
      .then((updated) => {
        show(updated);
        setSaved(true);
      })
      .catch((reason: unknown) => setRefusal(refusalOf(reason)))
      .finally(() => setSaving(false));
  };
  const showPreview = () => {
    setPreviewing(true);
    setPreviewError(null);
    previewInvoicePdf()
      .then(setPreview)
      .catch((reason: unknown) => setPreviewError(refusalOf(reason).message))
      .finally(() => setPreviewing(false));
  };

  const text = (field: TextField, label: string, options: { hint?: string; multiline?: boolean; short?: boolean } = {}): ReactNode => {
    const id = `invoice-${field}`;
    const props = {
      id,
      "data-testid": id,
      value: form?.[field] ?? "",
      readOnly: !canEdit,
      disabled: form === null,
      onChange: (e: { target: { value: string } }) => edit({ [field]: e.target.value }),
    };
    return (
      <Field label={label} htmlFor={id} hint={options.hint} error={errorAt(refusal, field, `${id}-error`)}>
        {options.multiline === true ? <textarea rows={3} {...props} /> : <input className={options.short === true ? "input-short" : undefined} {...props} />}
      </Field>
    );
  };
  const atAField = refusal !== null && refusal.field !== null && FORM_FIELDS.has(refusal.field);

  return (
    <Card title="Invoices" note={canEdit ? "New invoices print these details; issued invoices keep what they were issued with." : "Only the owner can change how invoices look."}>
      <form className="form" onSubmit={submit} noValidate>
        {text("legalName", "Legal name", { hint: `Leave empty to print the business name${settings === null ? "" : ` (${settings.businessName})`}.` })}
        {text("address", "Address", { multiline: true })}
        {text("taxId", "Tax ID")}
        {text("bankDetails", "Bank details", { multiline: true })}
        {text("paymentTermsDays", "Payment terms (days)", { short: true, hint: "Days from the issue date to the due date (0 to 365)." })}
        {text("invoiceFooter", "Footer", { multiline: true })}
        <Field label="Paper" htmlFor="invoice-paperSize" error={errorAt(refusal, "paperSize", "invoice-paperSize-error")}>
          <select id="invoice-paperSize" data-testid="invoice-paperSize" value={form?.paperSize ?? "a4"} disabled={form === null || !canEdit} onChange={(e) => edit({ paperSize: e.target.value as PaperSize })}>
            {PAPER.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Number format" htmlFor="invoice-numberLocale" error={errorAt(refusal, "numberLocale", "invoice-numberLocale-error")}>
          <select id="invoice-numberLocale" data-testid="invoice-numberLocale" value={form?.numberLocale ?? "en"} disabled={form === null || !canEdit} onChange={(e) => edit({ numberLocale: e.target.value as NumberLocale })}>
            {NUMBER_FORMATS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </Field>
        {text("invoicePrefix", "Invoice prefix", { short: true, hint: "Invoices are numbered PREFIX-YEAR-000001." })}
        {text("creditNotePrefix", "Credit note prefix", { short: true })}
        <ErrorBox testId="invoice-error" message={refusal !== null && !atAField ? refusal.message : null} />
        {canEdit && (
          <div className="form-actions">
            {saved && (
              <span className="saved-note" role="status" data-testid="invoice-saved">
                Saved.
              </span>
            )}
            <SubmitButton testId="invoice-save" label="Save" busyLabel="Saving…" busy={saving} disabled={form === null} />
          </div>
        )}
      </form>
      {settings !== null && <InvoiceLogoField settings={settings} canEdit={canEdit} onChanged={setSettings} />}
      {canPreview && (
        <div className="form-actions">
          <button type="button" className="button-small" data-testid="invoice-preview" disabled={previewing} onClick={showPreview}>
            {previewing ? "Rendering…" : "Preview invoice"}
          </button>
        </div>
      )}
      <ErrorBox testId="invoice-preview-error" message={previewError} />
      {preview !== null && (
        <div data-testid="invoice-preview-pdf">
          <PdfViewer bytes={preview} title="Sample invoice" />
        </div>
      )}
    </Card>
  );
}
