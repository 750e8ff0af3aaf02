// The order-entry form's state and how it becomes the NewOrder that orders_preview and orders_create take.
import type { Customer } from "../../../bindings/Customer";
import type { NewOrder } from "../../../bindings/NewOrder";
import type { PaymentMethod } from "../../../bindings/PaymentMethod";
import { parseQuantity } from "../../../format";

/** A line as typed: the quantity stays text while it is edited. */
export type EntryLine = { sku: string; name: string; quantity: string };

export type EntryDetails = {
  paymentMethod: PaymentMethod;
  urgent: boolean;
  /** "" = none. */
  promisedDate: string;
  notes: string;
  /** "" = the customer's currency. */
  currency: string;
  /** "" = the rate on file for the day. */
  exchangeRate: string;
};

export const NEW_DETAILS: EntryDetails = { paymentMethod: "bank_transfer", urgent: false, promisedDate: "", notes: "", currency: "", exchangeRate: "" };

/** Adds a product, or more of it when it is on the order already (the server wants each SKU once). */
export function withLine(lines: EntryLine[], sku: string, name: string, quantity: number): EntryLine[] {
  const index = lines.findIndex((line) => line.sku.toLowerCase() === sku.toLowerCase());
  if (index < 0) return [...lines, { sku, name, quantity: String(quantity) }];
  const existing = parseQuantity(lines[index].quantity) ?? 0;
  return lines.map((line, at) => (at === index ? { ...line, quantity: String(existing + quantity) } : line));
}

/** The first line whose quantity is not a whole number above zero, as a message; null when all are fine. */
export function quantityProblem(lines: EntryLine[]): string | null {
  const bad = lines.find((line) => parseQuantity(line.quantity) === null);
  return bad === undefined ? null : `quantity of ${bad.sku}: must be a whole number above zero`;
}

const orNull = (text: string): string | null => (text.trim() === "" ? null : text.trim());

/** The form as NewOrder; quantities must have passed `quantityProblem`. */
export function toNewOrder(
  customer: Customer,
  lines: EntryLine[],
  details: EntryDetails,
  place: boolean,
  creditOverride: string | null,
): NewOrder {
  return {
    customerId: customer.id,
    currency: orNull(details.currency),
    exchangeRate: orNull(details.exchangeRate),
    paymentMethod: details.paymentMethod,
    urgent: details.urgent,
    promisedDate: orNull(details.promisedDate),
    notes: details.notes,
    lines: lines.map((line) => ({ sku: line.sku, quantity: parseQuantity(line.quantity) ?? 0 })),
    place,
    creditOverride,
  };
}
