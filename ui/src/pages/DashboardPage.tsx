// The first page after signing in: a welcome and, until there are orders, an honest empty state.
import type { SignedInUser } from "../bindings/SignedInUser";
import { EmptyState } from "./EmptyState";
import { Page } from "./Page";

type Props = { businessName: string; user: SignedInUser };

export function DashboardPage({ businessName, user }: Props) {
  return (
    <Page id="dashboard" title={`Welcome, ${user.name}`} intro={`This is the day at ${businessName}.`}>
      <EmptyState headline="No orders yet" line="Once orders come in, today's sales, open orders and unpaid invoices appear here." />
    </Page>
  );
}
