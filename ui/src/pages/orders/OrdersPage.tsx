// The Orders page: the list, order entry, or one order, as the window's Place says.
import type { SignedInUser } from "../../bindings/SignedInUser";
import { invoicePlace, orderPlace, placeOf, type OrdersView, type Place } from "../../frame/nav";
import { Page } from "../Page";
import { OrderEntry } from "./entry/OrderEntry";
import { OrderList } from "./OrderList";
import { OrderView } from "./order/OrderView";

type Props = { view: OrdersView; user: SignedInUser; onNavigate: (place: Place) => void };

export function OrdersPage({ view, user, onNavigate }: Props) {
  const open = (number: string) => onNavigate(orderPlace(number));
  const back = (
    <button type="button" className="button-link page-back" data-testid="orders-back" onClick={() => onNavigate(placeOf("orders"))}>
      ← All orders
    </button>
  );
  switch (view.kind) {
    case "list":
      return (
        <Page id="orders" title="Orders">
          <OrderList onNew={() => onNavigate({ page: "orders", orders: { kind: "new" } })} onOpen={open} />
        </Page>
      );
    case "new":
      return (
        <Page id="orders" title="New order" back={back} intro="Type to find the customer and the products; Enter adds a line; Ctrl+Enter places the order.">
          <OrderEntry user={user} onOpenOrder={open} />
        </Page>
      );
    case "order":
      return (
        <Page id="orders" title="Order" back={back}>
          <OrderView key={view.number} number={view.number} user={user} onOpenInvoice={(invoice) => onNavigate(invoicePlace(invoice))} />
        </Page>
      );
  }
}
