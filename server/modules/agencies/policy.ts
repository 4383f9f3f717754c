import type { Role } from "../../../shared/roles";
import { type Actor, hasRole } from "../../platform/auth/actor";

/** System administrators manage every agency and user; agency administrators their own agency's users. */
export const mayManageAgencies = (actor: Actor) => hasRole(actor, "system_admin");

export const mayManageUsersOf = (actor: Actor, agencyId: string) =>
  hasRole(actor, "system_admin") || (hasRole(actor, "agency_admin") && actor.agencyId === agencyId);

export const mayListUsers = (actor: Actor) => hasRole(actor, "system_admin", "agency_admin");

/** Only a system administrator may hand out the system-wide roles. */
const systemRoles: readonly Role[] = ["system_admin", "auditor", "coordinator"];
export const mayGrantRoles = (actor: Actor, roles: readonly Role[]) =>
  hasRole(actor, "system_admin") || roles.every((role) => !systemRoles.includes(role));
