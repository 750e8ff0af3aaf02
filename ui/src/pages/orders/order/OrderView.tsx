// One order's page (orders_get): header and totals, its actions, lines, payments and history; reloaded after every action.
import { useCallback, useEffect, useRef, useState } from "react";
import { messageOf } from "../../../api";
import type { Attachment } from "../../../bindings/Attachment";
import type { OrderDetail } from "../../../bindings/OrderDetail";
import type { Product } from "../../../bindings/Product";
import type { SignedInUser } from "../../../bindings/SignedInUser";
import { Card } from "../../../components/Card";
import { ErrorBox } from "../../../components/ErrorBox";
import { useBaseCurrency } from "../../../hooks/useBaseCurrency";
import { addLine, getOrder } from "../../../shopApi";
import { LineEntry } from "../entry/LineEntry";
import { AttachmentsCard } from "./AttachmentsCard";
import { AttachmentViewer } from "./AttachmentViewer";
import { OrderActions } from "./OrderActions";
import { OrderHeader } from "./OrderHeader";
import { OrderHistory } from "./OrderHistory";
import { OrderInvoice } from "./OrderInvoice";
import { OrderLinesTable } from "./OrderLinesTable";
import { abilitiesOf } from "./orderRules";
import { PaymentsCard } from "./PaymentsCard";
import { useOrderRunner } from "./useOrderRunner";

type Props = { number: string; user: SignedInUser; onOpenInvoice: (number: string) => void };

export function OrderView({ number, user, onOpenInvoice }: Props) {
  const baseCurrency = useBaseCurrency();
  const [detail, setDetail] = useState<OrderDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loads, setLoads] = useState(0);
  const reload = useCallback(() => setLoads((count) => count + 1), []);
  const runner = useOrderRunner(reload);
  const [viewing, setViewing] = useState<Attachment | null>(null);
  const split = useRef<HTMLDivElement>(null);
  // Opening a PDF from the list further down: bring the order's top and the PDF into view together.
  useEffect(() => {
    if (viewing !== null && split.current !== null) scrollToTop(split.current);
  }, [viewing?.id]);

  useEffect(() => {
    let current = true;
    getOrder(number)
      .then((loaded) => {
        if (!current) return;
        setDetail(loaded);
        setLoadError(null);
      })
      .catch((reason: unknown) => current && setLoadError(messageOf(reason)));
    return () => {
      current = false;
    };
  }, [number, loads]);

  if (detail === null) {
    return loadError === null ? <p className="card-text">Loading {number}…</p> : <ErrorBox testId="order-load-error" message={loadError} />;
  }
  const { order } = detail;
  const mayApprove = user.role !== "clerk";
  const addProduct = (product: Product, quantity: number) => runner.run("add", () => addLine(order.number, product.sku, quantity));

  const view = (
    <div className="order-view" data-testid="order-view">
      <ErrorBox testId="order-load-error" message={loadError} />
      <Card>
        <OrderHeader order={order} />
        <OrderActions key={order.status} order={order} runner={runner} mayOverride={mayApprove} />
        {mayApprove && <OrderInvoice order={order} onOpenInvoice={onOpenInvoice} />}
      </Card>
      <Card title="Lines">
        <OrderLinesTable order={order} runner={runner} />
        {abilitiesOf(order.status).changeLines && (
          <div className="order-add-line">
            <h3 className="form-section">Add a line</h3>
            <LineEntry ids={{ product: "order-add-product", quantity: "order-add-quantity", add: "order-add-line" }} currency={baseCurrency} onAdd={addProduct} />
            <ErrorBox testId="order-add-error" message={runner.errorAt("add")} />
          </div>
        )}
      </Card>
      <PaymentsCard key={order.status} order={order} payments={detail.payments} runner={runner} mayRefund={mayApprove} />
      <AttachmentsCard orderNumber={order.number} mayRemove={mayApprove} openId={viewing?.id ?? null} onOpen={setViewing} onChanged={reload} />
      <OrderHistory history={detail.history} shippingEvents={detail.shippingEvents} />
    </div>
  );
  if (viewing === null) return view;
  // Side by side: the order on the left, the open attachment on the right.
  return (
    <div className="order-split" data-testid="order-split" ref={split}>
      {view}
      <AttachmentViewer attachment={viewing} onClose={() => setViewing(null)} />
    </div>
  );
}

/** Scrolls the nearest scrolling ancestor (the page area) so `element` starts at its top; the window frame stays put. */
function scrollToTop(element: HTMLElement) {
  for (let parent = element.parentElement; parent !== null; parent = parent.parentElement) {
    if (parent.scrollHeight > parent.clientHeight && getComputedStyle(parent).overflowY === "auto") {
      parent.scrollTop += element.getBoundingClientRect().top - parent.getBoundingClientRect().top;
      return;
    }
  }
}
