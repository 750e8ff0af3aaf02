// How staff roles are named on screen.
import type { Role } from "./bindings/Role";

const ROLE_LABELS: Record<Role, string> = { owner: "Owner", manager: "Manager", clerk: "Clerk" };

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}
