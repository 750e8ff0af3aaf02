// The signed-in window: sidebar, header and the current page; keeps the idle lock informed while it is open.
import type { AppStatus } from "../bindings/AppStatus";
import type { BusinessProfile } from "../bindings/BusinessProfile";
import type { SignedInUser } from "../bindings/SignedInUser";
import { DashboardPage } from "../pages/DashboardPage";
import { CustomersPage, InvoicesPage, OrdersPage, ProductsPage, QueuesPage, ReportsPage } from "../pages/ShopPages";
import { SettingsPage } from "../pages/settings/SettingsPage";
import { useIdleLock } from "../session/useIdleLock";
import { Header } from "./Header";
import type { PageId } from "./nav";
import { Sidebar } from "./Sidebar";

type Props = {
  businessName: string;
  user: SignedInUser;
  onStatus: (status: AppStatus) => void;
  onProfileSaved: (profile: BusinessProfile) => void;
  page: PageId;
  onNavigate: (page: PageId) => void;
};

export function Frame({ businessName, user, onStatus, onProfileSaved, page, onNavigate }: Props) {
  useIdleLock(onStatus);

  return (
    <div className="frame">
      <Sidebar current={page} onNavigate={onNavigate} />
      <div className="frame-main">
        <Header businessName={businessName} user={user} onStatus={onStatus} />
        <main className="page-area">
          <CurrentPage page={page} businessName={businessName} user={user} onProfileSaved={onProfileSaved} />
        </main>
      </div>
    </div>
  );
}

type PageProps = { page: PageId; businessName: string; user: SignedInUser; onProfileSaved: (profile: BusinessProfile) => void };

function CurrentPage({ page, businessName, user, onProfileSaved }: PageProps) {
  switch (page) {
    case "dashboard":
      return <DashboardPage businessName={businessName} user={user} />;
    case "orders":
      return <OrdersPage />;
    case "customers":
      return <CustomersPage />;
    case "products":
      return <ProductsPage />;
    case "invoices":
      return <InvoicesPage />;
    case "reports":
      return <ReportsPage />;
    case "queues":
      return <QueuesPage />;
    case "settings":
      return <SettingsPage user={user} onProfileSaved={onProfileSaved} />;
  }
}
