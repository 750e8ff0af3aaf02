// Display only: amounts (exact decimal strings from Rust) grouped for reading, dates and times in the user's locale. No arithmetic.
const AMOUNT = /^(-?)(\d+)(?:\.(\d+))?$/;
/** Where a thousands separator goes in a run of digits. */
const THOUSANDS = /\B(?=(\d{3})+(?!\d))/g;

let separators: { group: string; decimal: string } | null = null;

/** The locale's digit-group and decimal separators, learnt once from Intl. */
function localeSeparators(): { group: string; decimal: string } {
  if (separators === null) {
    const parts = new Intl.NumberFormat().formatToParts(11111.5);
    separators = {
      group: parts.find((part) => part.type === "group")?.value ?? ",",
      decimal: parts.find((part) => part.type === "decimal")?.value ?? ".",
    };
  }
  return separators;
}

/** How many decimals the currency shows (2 for EUR, 0 for JPY); 2 for a code Intl does not know. */
function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * "1234.5" in EUR → "1,234.50 EUR" (separators from the locale). Works on the text, so no digit is ever
 * lost or rounded: decimals beyond the currency's are kept (unit prices may have 4), zeros beyond it dropped.
 */
export function formatAmount(amount: string, currency: string | null): string {
  const suffix = currency === null ? "" : ` ${currency}`;
  const match = AMOUNT.exec(amount.trim());
  if (match === null) return `${amount}${suffix}`;
  const [, sign, whole, fraction = ""] = match;
  const { group, decimal } = localeSeparators();
  const grouped = whole.replace(THOUSANDS, group);
  const minor = currency === null ? 2 : minorDigits(currency);
  let digits = fraction.padEnd(minor, "0");
  while (digits.length > minor && digits.endsWith("0")) digits = digits.slice(0, -1);
  return `${sign}${grouped}${digits === "" ? "" : decimal + digits}${suffix}`;
}

/** A figure in a report's table ("1234.50", "42", "12.5") grouped for reading, every digit kept as Rust sent it. */
export function formatFigure(text: string): string {
  const match = AMOUNT.exec(text.trim());
  if (match === null) return text;
  const [, sign, whole, fraction] = match;
  const { group, decimal } = localeSeparators();
  return `${sign}${whole.replace(THOUSANDS, group)}${fraction === undefined ? "" : decimal + fraction}`;
}

/** True for "0", "0.00" and anything negative: read from the text, not computed. */
export function isZeroOrLess(amount: string): boolean {
  const text = amount.trim();
  return text.startsWith("-") || /^0*(\.0*)?$/.test(text);
}

const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** A moment (RFC 3339 from Rust) in local time. */
export function formatDateTime(moment: string): string {
  const date = new Date(moment);
  return Number.isNaN(date.getTime()) ? moment : DATE_TIME.format(date);
}

/** A calendar day ("2026-11-30") as the locale writes it; a day has no time zone, so it is built locally. */
export function formatDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (match === null) return day;
  return DATE.format(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** A whole number above zero typed by someone, or null ("3" → 3; "", "0", "2.5", "x" → null). */
export function parseQuantity(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const quantity = Number(trimmed);
  return quantity >= 1 && Number.isSafeInteger(quantity) ? quantity : null;
}
