import type { Role } from "../../../shared/roles";
import { type Actor, hasRole } from "../../platform/auth/actor";

/**
 * Erasure cannot be undone, so a person decides it, never the scheduler alone: the supervisor of
 * the agency that identified the person (who answers for the record) erases, after the alert says
 * the period is over and nobody asked for a legal hold. There is no separate data protection role.
 */
export const mayErase = (actor: Actor, identifyingAgencyId: string) =>
  hasRole(actor, "supervisor") && actor.agencyId === identifyingAgencyId;

/** A prosecutor (for a proceeding) or a supervisor on the case team keeps a case from erasure. */
const holdingRoles: readonly Role[] = ["prosecutor", "supervisor"];
export const mayPlaceHold = (actor: Actor) => hasRole(actor, ...holdingRoles);

/** A hold is lifted by the agency that placed it: another agency cannot end its proceeding's need. */
export const mayLiftHold = (actor: Actor, hold: { agencyId: string }) =>
  hasRole(actor, ...holdingRoles) && actor.agencyId === hold.agencyId;

/** Supervisors (and a prosecution's prosecutors) see what their agency must decide about. */
export const mayListDue = (actor: Actor) => hasRole(actor, "supervisor", "prosecutor");

/** A hotline contact is erased by its hotline's supervisor. */
export const mayEraseContact = (actor: Actor, contact: { agencyId: string }) =>
  hasRole(actor, "supervisor") && actor.agencyId === contact.agencyId;

/** A proceeding is erased by the office that keeps it: its prosecutor or supervisor. */
export const mayEraseProceeding = (actor: Actor, proceeding: { ownerAgencyId: string }) =>
  hasRole(actor, "prosecutor", "supervisor") && actor.agencyId === proceeding.ownerAgencyId;
