// The Invoices page: the list of invoices and credit notes, or one of them side by side with its PDF, as the window's Place says.
import { invoicePlace, orderPlace, placeOf, type Place } from "../../frame/nav";
import { Page } from "../Page";
import { InvoiceList } from "./InvoiceList";
import { InvoiceView } from "./InvoiceView";

/** `overdueOnly`: the list opens filtered to the overdue invoices (the dashboard's widget). */
type Props = { invoice: string | undefined; overdueOnly?: boolean; onNavigate: (place: Place) => void };

export function InvoicesPage({ invoice, overdueOnly = false, onNavigate }: Props) {
  const open = (number: string) => onNavigate(invoicePlace(number));
  if (invoice === undefined) {
    return (
      <Page id="invoices" title="Invoices">
        <InvoiceList key={overdueOnly ? "overdue" : "all"} initialOverdueOnly={overdueOnly} onOpen={open} />
      </Page>
    );
  }
  const back = (
    <button type="button" className="button-link page-back" data-testid="invoices-back" onClick={() => onNavigate(placeOf("invoices"))}>
      ← All invoices
    </button>
  );
  return (
    <Page id="invoices" title="Invoice" back={back}>
      <InvoiceView key={invoice} number={invoice} onOpenInvoice={open} onOpenOrder={(number) => onNavigate(orderPlace(number))} />
    </Page>
  );
}
