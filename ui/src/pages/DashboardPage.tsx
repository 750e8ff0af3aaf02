// The first page after signing in: a welcome, the demo-data offer on an empty book, and an honest empty state.
import { useState } from "react";
import type { DemoSummary } from "../bindings/DemoSummary";
import type { SignedInUser } from "../bindings/SignedInUser";
import { DemoLoader } from "./dashboard/DemoLoader";
import { EmptyState } from "./EmptyState";
import { Page } from "./Page";

type Props = { businessName: string; user: SignedInUser };

export function DashboardPage({ businessName, user }: Props) {
  const [loaded, setLoaded] = useState<DemoSummary | null>(null);
  return (
    <Page id="dashboard" title={`Welcome, ${user.name}`} intro={`This is the day at ${businessName}.`}>
      {user.role === "owner" && loaded === null && <DemoLoader onLoaded={setLoaded} />}
      {loaded === null ? (
        <EmptyState headline="No figures yet" line="Today's sales, open orders and unpaid invoices will appear here; the orders themselves are under Orders." />
      ) : (
        <EmptyState
          headline="Demo data loaded"
          line={`${loaded.customers} customers, ${loaded.products} products and ${loaded.orders} orders are in the book: open Orders, Customers or Products.`}
        />
      )}
    </Page>
  );
}
