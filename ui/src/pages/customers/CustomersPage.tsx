// Customers: the scrolling list (search, VIP filter), one customer's panel, and the new/edit form.
import { useState } from "react";
import type { Customer } from "../../bindings/Customer";
import type { CustomerQuery } from "../../bindings/CustomerQuery";
import { Money } from "../../components/Money";
import { useBaseCurrency } from "../../hooks/useBaseCurrency";
import { useDebounced } from "../../hooks/useDebounced";
import { ListToolbar, ToolbarCheck } from "../../lists/ListToolbar";
import { VirtualTable, type Column } from "../../lists/VirtualTable";
import { LIST_SEARCH_DELAY_MS, useVirtualList } from "../../lists/useVirtualList";
import { listCustomers } from "../../shopApi";
import { Page } from "../Page";
import { CustomerForm } from "./CustomerForm";
import { CustomerPanel } from "./CustomerPanel";

type View = { kind: "list" } | { kind: "new" } | { kind: "customer"; id: number } | { kind: "edit"; customer: Customer };

type Filters = Omit<CustomerQuery, "offset" | "limit">;
const fetchCustomers = (filters: Filters, offset: number, limit: number) => listCustomers({ ...filters, offset, limit });

function columns(currency: string | null): Column<Customer>[] {
  const money = (amount: string | null, warn = false) => (amount === null ? "No limit" : <Money amount={amount} currency={currency} warnAtZero={warn} />);
  return [
    {
      header: "Name",
      cell: (customer) => (
        <>
          {customer.name}
          {customer.vip && <span className="badge badge-vip">VIP</span>}
        </>
      ),
    },
    { header: "Email", cell: (customer) => customer.email },
    { header: "Balance", className: "cell-number", width: "150px", cell: (customer) => money(customer.balance) },
    { header: "Credit limit", className: "cell-number", width: "150px", cell: (customer) => money(customer.creditLimit) },
    { header: "Available", className: "cell-number", width: "150px", cell: (customer) => money(customer.availableCredit, true) },
  ];
}

type Props = { onOpenOrder: (number: string) => void };

export function CustomersPage({ onOpenOrder }: Props) {
  const baseCurrency = useBaseCurrency();
  const [view, setView] = useState<View>({ kind: "list" });
  const [search, setSearch] = useState("");
  const [vipOnly, setVipOnly] = useState(false);
  const settledSearch = useDebounced(search.trim(), LIST_SEARCH_DELAY_MS);
  const list = useVirtualList(fetchCustomers, { search: settledSearch === "" ? null : settledSearch, vipOnly });
  const toList = () => {
    list.reload();
    setView({ kind: "list" });
  };
  const back = (
    <button type="button" className="button-link page-back" data-testid="customers-back" onClick={toList}>
      ← All customers
    </button>
  );

  switch (view.kind) {
    case "new":
    case "edit": {
      const customer = view.kind === "edit" ? view.customer : null;
      return (
        <Page id="customers" title={customer === null ? "New customer" : customer.name} back={back}>
          <CustomerForm customer={customer} baseCurrency={baseCurrency} onSaved={(saved) => setView({ kind: "customer", id: saved.id })} onCancel={() => (customer === null ? toList() : setView({ kind: "customer", id: customer.id }))} />
        </Page>
      );
    }
    case "customer":
      return (
        <Page id="customers" title="Customer" back={back}>
          <CustomerPanel key={view.id} id={view.id} baseCurrency={baseCurrency} onEdit={(customer) => setView({ kind: "edit", customer })} onOpenOrder={onOpenOrder} />
        </Page>
      );
    case "list":
      return (
        <Page id="customers" title="Customers">
          <ListToolbar
            search={{ testId: "customers-search", label: "Search customers", placeholder: "Name, email or phone", value: search, onChange: setSearch }}
            add={{ testId: "customer-new", label: "New customer", onClick: () => setView({ kind: "new" }) }}
          >
            <ToolbarCheck testId="customers-vip" label="VIP only" checked={vipOnly} onChange={setVipOnly} />
          </ListToolbar>
          <VirtualTable
            testId="customers-list"
            list={list}
            columns={columns(baseCurrency)}
            rowKey={(customer) => customer.id}
            rowTestId={(customer) => `customer-row-${customer.id}`}
            onOpen={(customer) => setView({ kind: "customer", id: customer.id })}
            empty={{ headline: settledSearch === "" && !vipOnly ? "No customers yet" : "No customers match", line: "The people and companies you sell to, with their addresses and balances, are listed here." }}
            noun={{ one: "customer", many: "customers" }}
          />
        </Page>
      );
  }
}
