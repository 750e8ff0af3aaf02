// The pages that have nothing to show yet: Invoices, Reports and Queues.
import { EmptyState } from "./EmptyState";
import { Page } from "./Page";

export function InvoicesPage() {
  return (
    <Page id="invoices" title="Invoices">
      <EmptyState headline="No invoices yet" line="Invoices issued for orders, and the payments received for them, will be listed here." />
    </Page>
  );
}

export function ReportsPage() {
  return (
    <Page id="reports" title="Reports">
      <EmptyState headline="No sales to report yet" line="Sales, tax and payment reports appear here once invoices have been issued." />
    </Page>
  );
}

export function QueuesPage() {
  return (
    <Page id="queues" title="Queues">
      <EmptyState headline="All queues are empty" line="Work waiting for someone, such as orders to pack or invoices to send, shows up here." />
    </Page>
  );
}
