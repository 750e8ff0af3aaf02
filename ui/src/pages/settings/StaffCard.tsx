// Staff accounts (owner only): the list, password resets, deactivation and adding someone new.
import { useCallback, useEffect, useState } from "react";
import { addStaff, listStaff, messageOf, resetStaffPassword, setStaffActive } from "../../api";
import type { NewStaffMember } from "../../bindings/NewStaffMember";
import type { StaffMember } from "../../bindings/StaffMember";
import { Card } from "../../components/Card";
import { ErrorBox } from "../../components/ErrorBox";
import { StaffAddForm } from "./StaffAddForm";
import { StaffTable } from "./StaffTable";

/** Which part of the card a refusal belongs to, so it is shown next to that form. */
type StaffErrorPlace = "list" | "reset" | "add";
type StaffError = { place: StaffErrorPlace; message: string };

type Props = { signedInUserId: number };

export function StaffCard({ signedInUserId }: Props) {
  const [staff, setStaff] = useState<StaffMember[] | null>(null);
  const [error, setError] = useState<StaffError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [resettingId, setResettingId] = useState<number | null>(null);

  const load = useCallback(() => {
    listStaff()
      .then(setStaff)
      .catch((reason: unknown) => setError({ place: "list", message: messageOf(reason) }));
  }, []);

  useEffect(load, [load]);

  const done = (message: string) => {
    setError(null);
    setNotice(message);
  };
  const failed = (place: StaffErrorPlace) => (reason: unknown) => {
    setNotice(null);
    setError({ place, message: messageOf(reason) });
  };
  const replace = (updated: StaffMember) =>
    setStaff((current) => current && current.map((member) => (member.id === updated.id ? updated : member)));

  const toggle = (member: StaffMember) => {
    setStaffActive(member.id, !member.active)
      .then((updated) => {
        replace(updated);
        done(updated.active ? `${updated.name} can sign in again.` : `${updated.name} can no longer sign in.`);
      })
      .catch(failed("list"));
  };

  const openReset = (memberId: number | null) => {
    setResettingId(memberId);
    setError(null);
    setNotice(null);
  };

  const resetPassword = (member: StaffMember, password: string) => {
    resetStaffPassword(member.id, password)
      .then((updated) => {
        replace(updated);
        setResettingId(null);
        done(`${updated.name} has a new password.`);
      })
      .catch(failed("reset"));
  };

  const add = (input: NewStaffMember): Promise<boolean> =>
    addStaff(input)
      .then((added) => {
        done(`${added.name} was added and can sign in as ${added.username}.`);
        load();
        return true;
      })
      .catch((reason: unknown) => {
        failed("add")(reason);
        return false;
      });

  const errorAt = (place: StaffErrorPlace) => (error?.place === place ? error.message : null);

  return (
    <Card title="Staff" note="Everyone who signs in to Kontor. Deactivated staff keep their history but cannot sign in.">
      {notice !== null && (
        <p className="notice" role="status" data-testid="staff-notice">
          {notice}
        </p>
      )}
      <ErrorBox testId="staff-error" message={errorAt("list")} />
      {staff === null ? (
        <p className="card-text">Loading staff…</p>
      ) : (
        <StaffTable
          staff={staff}
          signedInUserId={signedInUserId}
          resettingId={resettingId}
          resetError={errorAt("reset")}
          onOpenReset={openReset}
          onResetPassword={resetPassword}
          onToggle={toggle}
        />
      )}
      <StaffAddForm error={errorAt("add")} onAdd={add} />
    </Card>
  );
}
