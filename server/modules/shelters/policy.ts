import { caseRoles, type Role } from "../../../shared/roles";
import { type Actor, hasRole } from "../../platform/auth/actor";

/**
 * Those who may know that a shelter exists, by its code name and free places: the case roles who
 * place people, the coordinator who balances places, and the system administrator who sets them up.
 */
const boardRoles: readonly Role[] = [...caseRoles, "coordinator", "system_admin"];
export const maySeeShelters = (actor: Actor) => hasRole(actor, ...boardRoles);

/** The shelter's own staff: the only ones who learn its address and contacts, and who admit and discharge. */
const staffRoles: readonly Role[] = ["case_worker", "supervisor", "agency_admin"];
export const isShelterStaff = (actor: Actor, shelter: { agencyId: string }) =>
  actor.agencyId === shelter.agencyId && hasRole(actor, ...staffRoles);

/** A shelter is set up by its operator's administrator, or by the system administrator for any operator. */
export const mayCreateShelter = (actor: Actor) =>
  hasRole(actor, "system_admin") ||
  (actor.agencyType === "shelter_operator" && hasRole(actor, "agency_admin"));

/** Only a supervisor may place a child in a shelter not meant for children (seed 002, children). */
export const mayOverrideChildPlacement = (actor: Actor) => hasRole(actor, "supervisor");

/** A shelter is changed by its operator's administrator or supervisor, or by the system administrator. */
export const mayManageShelter = (actor: Actor, shelter: { agencyId: string }) =>
  hasRole(actor, "system_admin") ||
  (actor.agencyId === shelter.agencyId && hasRole(actor, "agency_admin", "supervisor"));
