// Which actions the order page offers in each status (the server checks again and its refusal is shown).
import type { OrderStatus } from "../../../bindings/OrderStatus";

type OrderAbilities = {
  place: boolean;
  ship: boolean;
  deliver: boolean;
  cancel: boolean;
  /** Change quantities, cancel lines, add lines. */
  changeLines: boolean;
  returnLines: boolean;
  takePayment: boolean;
};

export function abilitiesOf(status: OrderStatus): OrderAbilities {
  const open = status === "placed" || status === "processing";
  const gone = status === "shipped" || status === "delivered";
  return {
    place: status === "draft",
    ship: open,
    deliver: status === "shipped",
    cancel: status === "draft" || open,
    changeLines: open,
    returnLines: gone,
    takePayment: open || gone,
  };
}
