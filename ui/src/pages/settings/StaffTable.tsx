// The staff list: one row per person with Reset password and Deactivate/Reactivate; the reset form opens under its row.
import type { StaffMember } from "../../bindings/StaffMember";
import { roleLabel } from "../../roles";
import { StaffResetForm } from "./StaffResetForm";

type Props = {
  staff: StaffMember[];
  signedInUserId: number;
  resettingId: number | null;
  resetError: string | null;
  onOpenReset: (memberId: number | null) => void;
  onResetPassword: (member: StaffMember, password: string) => void;
  onToggle: (member: StaffMember) => void;
};

export function StaffTable({ staff, signedInUserId, resettingId, resetError, onOpenReset, onResetPassword, onToggle }: Props) {
  return (
    <table className="table table-grouped" data-testid="staff-list">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Username</th>
          <th scope="col">Role</th>
          <th scope="col">Status</th>
          <th scope="col" className="cell-actions">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      {staff.map((member) => (
        <tbody key={member.id}>
          <tr data-testid={`staff-row-${member.username}`} className={member.active ? undefined : "row-inactive"}>
            <td>
              {member.name}
              {member.id === signedInUserId && <span className="you-tag">you</span>}
            </td>
            <td className="cell-mono">{member.username}</td>
            <td>{roleLabel(member.role)}</td>
            <td>
              <span className={member.active ? "status status-active" : "status status-inactive"}>
                {member.active ? "Active" : "Inactive"}
              </span>
            </td>
            <td className="cell-actions">
              <button
                type="button"
                className="button-small"
                data-testid={`staff-reset-${member.username}`}
                aria-expanded={resettingId === member.id}
                onClick={() => onOpenReset(resettingId === member.id ? null : member.id)}
              >
                Reset password
              </button>
              <button type="button" className="button-small" data-testid={`staff-toggle-${member.username}`} onClick={() => onToggle(member)}>
                {member.active ? "Deactivate" : "Reactivate"}
              </button>
            </td>
          </tr>
          {resettingId === member.id && (
            <tr className="row-form">
              <td colSpan={5}>
                <StaffResetForm
                  member={member}
                  error={resetError}
                  onSubmit={(password) => onResetPassword(member, password)}
                  onCancel={() => onOpenReset(null)}
                />
              </td>
            </tr>
          )}
        </tbody>
      ))}
    </table>
  );
}
