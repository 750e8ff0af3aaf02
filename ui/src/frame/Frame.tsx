// The signed-in window: sidebar, header and the current page; keeps the idle lock informed while it is open.
import { useEffect, useState } from "react";
import type { AppStatus } from "../bindings/AppStatus";
import type { BusinessProfile } from "../bindings/BusinessProfile";
import type { QueueCount } from "../bindings/QueueCount";
import type { SignedInUser } from "../bindings/SignedInUser";
import { DashboardPage } from "../pages/DashboardPage";
import type { DashboardTarget } from "../pages/dashboard/DashboardFigures";
import { CustomersPage } from "../pages/customers/CustomersPage";
import { OrdersPage } from "../pages/orders/OrdersPage";
import { ProductsPage } from "../pages/products/ProductsPage";
import { InvoicesPage } from "../pages/invoices/InvoicesPage";
import { QueuesPage } from "../pages/queues/QueuesPage";
import { ReportsPage } from "../pages/reports/ReportsPage";
import { DEFAULT_CHOICE } from "../pages/reports/reportChoices";
import { queueCounts } from "../reportsApi";
import { SettingsPage } from "../pages/settings/SettingsPage";
import { useIdleLock } from "../session/useIdleLock";
import { Header } from "./Header";
import { orderPlace, overdueInvoicesPlace, queuePlace, reportPlace, type Place } from "./nav";
import { Sidebar } from "./Sidebar";

type Props = {
  businessName: string;
  user: SignedInUser;
  onStatus: (status: AppStatus) => void;
  onProfileSaved: (profile: BusinessProfile) => void;
  place: Place;
  onNavigate: (place: Place) => void;
};

export function Frame({ businessName, user, onStatus, onProfileSaved, place, onNavigate }: Props) {
  useIdleLock(onStatus);
  // A new place, or any sidebar click, opens afresh: a customer's panel goes back to the list, the scroll to the top.
  const [visit, setVisit] = useState(0);
  const openFromSidebar = (next: Place) => {
    setVisit((count) => count + 1);
    onNavigate(next);
  };
  // The sidebar's queue badges: fetched on every visit; pages that load counts anyway pass them on.
  const [counts, setCounts] = useState<QueueCount[] | null>(null);
  useEffect(() => {
    queueCounts()
      .then(setCounts)
      .catch(() => setCounts(null));
  }, [visit, place]);

  return (
    <div className="frame">
      <Sidebar current={place.page} counts={counts} onNavigate={openFromSidebar} />
      <div className="frame-main">
        <Header businessName={businessName} user={user} onStatus={onStatus} />
        <main className="page-area" key={`${visit}:${JSON.stringify(place)}`}>
          <CurrentPage
            place={place}
            businessName={businessName}
            user={user}
            onProfileSaved={onProfileSaved}
            onNavigate={onNavigate}
            onCounts={setCounts}
          />
        </main>
      </div>
    </div>
  );
}

type PageProps = {
  place: Place;
  businessName: string;
  user: SignedInUser;
  onProfileSaved: (profile: BusinessProfile) => void;
  onNavigate: (place: Place) => void;
  onCounts: (counts: QueueCount[]) => void;
};

/** Where a dashboard widget leads. */
function dashboardTargetPlace(target: DashboardTarget): Place {
  switch (target.kind) {
    case "queue":
      return queuePlace(target.queue);
    case "report":
      return reportPlace({ ...DEFAULT_CHOICE, preset: target.preset });
    case "overdue_invoices":
      return overdueInvoicesPlace();
  }
}

function CurrentPage({ place, businessName, user, onProfileSaved, onNavigate, onCounts }: PageProps) {
  switch (place.page) {
    case "dashboard":
      return (
        <DashboardPage
          businessName={businessName}
          user={user}
          onCounts={onCounts}
          onOpen={(target) => onNavigate(dashboardTargetPlace(target))}
        />
      );
    case "orders":
      return <OrdersPage view={place.orders} user={user} onNavigate={onNavigate} />;
    case "customers":
      return <CustomersPage onOpenOrder={(number) => onNavigate(orderPlace(number))} />;
    case "products":
      return <ProductsPage user={user} />;
    case "invoices":
      return <InvoicesPage invoice={place.invoice} overdueOnly={place.overdueInvoices === true} onNavigate={onNavigate} />;
    case "reports":
      return <ReportsPage initial={place.report} />;
    case "queues":
      return <QueuesPage initial={place.queue} onCounts={onCounts} onOpenOrder={(number) => onNavigate(orderPlace(number))} />;
    case "settings":
      return <SettingsPage user={user} onProfileSaved={onProfileSaved} />;
  }
}
