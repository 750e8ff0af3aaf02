// Entering an order, keyboard first: customer, lines (SKU, quantity, Enter), details; live totals; Save draft or Place (Ctrl+Enter).
import { useRef, useState, type KeyboardEvent } from "react";
import { messageOf } from "../../../api";
import type { Customer } from "../../../bindings/Customer";
import type { Product } from "../../../bindings/Product";
import type { SignedInUser } from "../../../bindings/SignedInUser";
import { Card } from "../../../components/Card";
import { useBaseCurrency } from "../../../hooks/useBaseCurrency";
import { createOrder } from "../../../shopApi";
import { CustomerPicker } from "./CustomerPicker";
import { EntryDetailsForm } from "./EntryDetailsForm";
import { EntryLines } from "./EntryLines";
import { EntrySummary } from "./EntrySummary";
import { NEW_DETAILS, quantityProblem, toNewOrder, withLine, type EntryDetails, type EntryLine } from "./entryModel";
import { LineEntry } from "./LineEntry";
import { usePreview } from "./usePreview";

type Props = { user: SignedInUser; onOpenOrder: (number: string) => void };

export function OrderEntry({ user, onOpenOrder }: Props) {
  const baseCurrency = useBaseCurrency();
  const customerInput = useRef<HTMLInputElement>(null);
  const productInput = useRef<HTMLInputElement>(null);
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [lines, setLines] = useState<EntryLine[]>([]);
  const [details, setDetails] = useState<EntryDetails>(NEW_DETAILS);
  const [creditOverride, setCreditOverride] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const badQuantity = quantityProblem(lines);
  // Previewed as if placed, so the credit check runs; an override is left out so the warning stays visible.
  const live = usePreview(customer === null || lines.length === 0 || badQuantity !== null ? null : toNewOrder(customer, lines, details, true, null));

  const edited = () => {
    setProblem(null);
    setError(null);
  };

  const addLine = (product: Product, quantity: number) => {
    setLines((current) => withLine(current, product.sku, product.name, quantity));
    edited();
    return Promise.resolve(true);
  };

  const save = (place: boolean) => {
    if (saving) return;
    if (customer === null) {
      setProblem("Choose a customer first.");
      customerInput.current?.focus();
      return;
    }
    if (badQuantity !== null) {
      setProblem(badQuantity);
      return;
    }
    const override = place && creditOverride.trim() !== "" ? creditOverride.trim() : null;
    setSaving(true);
    edited();
    createOrder(toNewOrder(customer, lines, details, place, override))
      .then((order) => onOpenOrder(order.number))
      .catch((reason: unknown) => {
        setError(messageOf(reason));
        setSaving(false);
      });
  };

  const keyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save(true);
    }
  };

  return (
    <div className="entry" onKeyDown={keyDown} data-testid="order-entry">
      <div className="entry-main">
        <Card title="Customer">
          <CustomerPicker
            customer={customer}
            inputRef={customerInput}
            onPick={(picked) => {
              setCustomer(picked);
              edited();
              productInput.current?.focus();
            }}
          />
        </Card>
        <Card title="Lines">
          <LineEntry
            ids={{ product: "entry-product", quantity: "entry-quantity", add: "entry-add-line" }}
            currency={baseCurrency}
            onAdd={addLine}
            productRef={productInput}
          />
          <EntryLines
            lines={lines}
            priced={live.preview?.order.lines ?? null}
            currency={live.preview?.order.currency ?? null}
            onQuantity={(sku, quantity) => {
              setLines((current) => current.map((line) => (line.sku === sku ? { ...line, quantity } : line)));
              edited();
            }}
            onRemove={(sku) => {
              setLines((current) => current.filter((line) => line.sku !== sku));
              edited();
              productInput.current?.focus();
            }}
          />
        </Card>
        <Card title="Details">
          <EntryDetailsForm
            details={details}
            customerCurrency={customer?.currency ?? null}
            onChange={(next) => {
              setDetails(next);
              edited();
            }}
          />
        </Card>
      </div>
      <EntrySummary
        live={live}
        customer={customer}
        baseCurrency={baseCurrency}
        user={user}
        creditOverride={creditOverride}
        onCreditOverride={setCreditOverride}
        problem={problem}
        error={error}
        saving={saving}
        onSave={save}
      />
    </div>
  );
}
