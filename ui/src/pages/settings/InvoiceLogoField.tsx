// The invoice logo in Settings → Invoices: a PNG or JPEG file sent as bytes (the core checks it: `invalid_logo` shows here), or removed.
import { useState, type ChangeEvent } from "react";
import type { InvoiceSettings } from "../../bindings/InvoiceSettings";
import { Field } from "../../components/Field";
import { setInvoiceLogo } from "../../invoiceSettingsApi";
import { errorAt, refusalOf, type FieldRefusal } from "./invoiceFieldError";

type Props = { settings: InvoiceSettings; canEdit: boolean; onChanged: (settings: InvoiceSettings) => void };

export function InvoiceLogoField({ settings, canEdit, onChanged }: Props) {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<FieldRefusal | null>(null);

  const send = (bytes: Uint8Array | null) => {
    setBusy(true);
    setRefusal(null);
    setInvoiceLogo(bytes)
      .then(onChanged)
      // A refusal without a field (e.g. forbidden) still belongs to the logo here.
      .catch((reason: unknown) => setRefusal({ ...refusalOf(reason), field: "logo" }))
      .finally(() => setBusy(false));
  };
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ""; // choosing the same file again after a fix still sends it
    if (file === undefined) return;
    setBusy(true);
    file
      .arrayBuffer()
      .then((buffer) => send(new Uint8Array(buffer)))
      .catch((reason: unknown) => {
        setBusy(false);
        setRefusal({ field: "logo", message: `The file cannot be read: ${String(reason)}` });
      });
  };

  const logo = settings.logo;
  return (
    <Field label="Logo" htmlFor="invoice-logo" hint="PNG or JPEG, at most 2 MB; printed at the top of every new invoice." error={errorAt(refusal, "logo", "invoice-logo-error")}>
      <p className="card-text" data-testid="invoice-logo-state">
        {logo === null ? "No logo." : `Logo ${logo.width} × ${logo.height} px (${logo.mime}).`}
      </p>
      {canEdit && (
        <div className="inline-form">
          <input id="invoice-logo" data-testid="invoice-logo" type="file" accept="image/png,image/jpeg" disabled={busy} onChange={choose} />
          {logo !== null && (
            <button type="button" className="button-small" data-testid="invoice-logo-remove" disabled={busy} onClick={() => send(null)}>
              Remove logo
            </button>
          )}
        </div>
      )}
    </Field>
  );
}
