import type { Role } from "../../../shared/roles";
import { type Actor, hasRole } from "../../platform/auth/actor";

/**
 * Alerts are for those who act on cases, and for the coordinator who is told when the chain fails.
 * Administrators and auditors keep the system, not cases: they get none.
 */
const alertedRoles: readonly Role[] = [
  "case_worker",
  "supervisor",
  "police_investigator",
  "prosecutor",
  "coordinator",
];

export const mayReadAlerts = (actor: Actor) => hasRole(actor, ...alertedRoles);

/** An alert is the agency's, and within it the role's when it names one. */
export const mayReadAlert = (actor: Actor, alert: { agencyId: string; role: Role | null }) =>
  mayReadAlerts(actor) &&
  alert.agencyId === actor.agencyId &&
  (alert.role === null || hasRole(actor, alert.role));
