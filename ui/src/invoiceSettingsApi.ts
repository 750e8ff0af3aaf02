// Typed calls for the invoicing part of the business profile (Settings → Invoices): profile, logo and a sample PDF.
import { call } from "./api";
import type { InvoiceProfile } from "./bindings/InvoiceProfile";
import type { InvoiceSettings } from "./bindings/InvoiceSettings";

export const getInvoiceSettings = () => call<InvoiceSettings>("invoice_settings_get");
export const updateInvoiceProfile = (profile: InvoiceProfile) => call<InvoiceSettings>("invoice_profile_update", { profile });
/** The PNG or JPEG file's bytes, or null to remove the logo. */
export const setInvoiceLogo = (logo: Uint8Array | null) =>
  call<InvoiceSettings>("invoice_logo_set", { logo: logo === null ? null : Array.from(logo) });
/** A sample invoice with the profile as saved now, as PDF bytes. */
export const previewInvoicePdf = () => call<ArrayBuffer>("invoice_preview_pdf").then((buffer) => new Uint8Array(buffer));
