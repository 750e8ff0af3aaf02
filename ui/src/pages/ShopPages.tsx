// The pages that have nothing to show yet: Invoices.
import { EmptyState } from "./EmptyState";
import { Page } from "./Page";

export function InvoicesPage() {
  return (
    <Page id="invoices" title="Invoices">
      <EmptyState headline="No invoices yet" line="Invoices issued for orders, and the payments received for them, will be listed here." />
    </Page>
  );
}
