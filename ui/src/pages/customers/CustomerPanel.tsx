// One customer: contact details, open balance and credit, and their orders (a scrolling list paged from Rust, newest first).
import { useEffect, useState } from "react";
import { messageOf } from "../../api";
import type { Customer } from "../../bindings/Customer";
import { Card } from "../../components/Card";
import { ErrorBox } from "../../components/ErrorBox";
import { Facts } from "../../components/Facts";
import { VirtualTable } from "../../lists/VirtualTable";
import { useVirtualList } from "../../lists/useVirtualList";
import { getCustomer } from "../../shopApi";
import { CustomerCredit } from "./CustomerCredit";
import { CUSTOMER_ORDER_COLUMNS, ORDERS, fetchOrders, orderRowKey, orderRowTestId } from "../orders/orderColumns";

type Props = { id: number; baseCurrency: string | null; onEdit: (customer: Customer) => void; onOpenOrder: (number: string) => void };

export function CustomerPanel({ id, baseCurrency, onEdit, onOpenOrder }: Props) {
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const orders = useVirtualList(fetchOrders, { status: null, customerId: id, from: null, to: null, urgentOnly: false, search: null });

  useEffect(() => {
    let current = true;
    getCustomer(id)
      .then((loaded) => current && setCustomer(loaded))
      .catch((reason: unknown) => current && setError(messageOf(reason)));
    return () => {
      current = false;
    };
  }, [id]);

  if (customer === null) return error === null ? <p className="card-text">Loading the customer…</p> : <ErrorBox testId="customer-error" message={error} />;
  const given = (value: string) => (value === "" ? "–" : value);

  return (
    <>
      <Card title={customer.name}>
        <div className="panel-columns" data-testid="customer-panel">
          <Facts
            facts={[
              { label: "Email", value: given(customer.email) },
              { label: "Phone", value: given(customer.phone) },
              { label: "Billing address", value: <span className="pre-line">{given(customer.billingAddress)}</span> },
              { label: "Shipping address", value: <span className="pre-line">{given(customer.shippingAddress)}</span> },
              { label: "Currency", value: customer.currency },
              { label: "VIP", value: customer.vip ? <span className="badge badge-vip">VIP</span> : "No" },
              ...(customer.notes === "" ? [] : [{ label: "Notes", value: <span className="pre-line">{customer.notes}</span> }]),
            ]}
          />
          <CustomerCredit customer={customer} baseCurrency={baseCurrency} />
        </div>
        <div className="form-actions">
          <button type="button" data-testid="customer-edit" onClick={() => onEdit(customer)}>
            Edit customer
          </button>
        </div>
      </Card>
      <Card title="Orders">
        <VirtualTable
          testId="customer-orders"
          list={orders}
          columns={CUSTOMER_ORDER_COLUMNS}
          rowKey={orderRowKey}
          rowTestId={orderRowTestId}
          onOpen={(order) => onOpenOrder(order.number)}
          empty={{ headline: "No orders yet", line: `Orders for ${customer.name} will be listed here.` }}
          noun={ORDERS}
          maxRows={8}
        />
      </Card>
    </>
  );
}
