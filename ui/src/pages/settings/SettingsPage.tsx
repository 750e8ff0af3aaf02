// Settings: the business profile and invoicing profile for everyone (editable by the owner), staff accounts and e-mail for the owner only, exchange rates and the mail outbox for all.
import type { BusinessProfile } from "../../bindings/BusinessProfile";
import type { SignedInUser } from "../../bindings/SignedInUser";
import { Card } from "../../components/Card";
import { Page } from "../Page";
import { BusinessProfileCard } from "./BusinessProfileCard";
import { RatesCard } from "./RatesCard";
import { EmailCard } from "./EmailCard";
import { InvoicesCard } from "./InvoicesCard";
import { OutboxCard } from "./OutboxCard";
import { StaffCard } from "./StaffCard";

type Props = { user: SignedInUser; onProfileSaved: (profile: BusinessProfile) => void };

export function SettingsPage({ user, onProfileSaved }: Props) {
  const isOwner = user.role === "owner";
  return (
    <Page id="settings" title="Settings">
      <BusinessProfileCard canEdit={isOwner} onSaved={onProfileSaved} />
      <InvoicesCard canEdit={isOwner} canPreview={user.role !== "clerk"} />
      {isOwner ? (
        <StaffCard signedInUserId={user.id} />
      ) : (
        <Card title="Staff">
          <p className="card-text" data-testid="staff-forbidden">
            Only the owner manages staff.
          </p>
        </Card>
      )}
      <RatesCard canEnter={user.role !== "clerk"} />
      {isOwner && <EmailCard />}
      <OutboxCard />
    </Page>
  );
}
