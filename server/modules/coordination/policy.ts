import { caseRoles } from "../../../shared/roles";
import { type Actor, hasRole } from "../../platform/auth/actor";

/** Coordinators set up the standing groups and their membership; the system administrator too. */
export const mayManageGroups = (actor: Actor) => hasRole(actor, "coordinator", "system_admin");

/**
 * Who takes part in a group's work, when their agency sits in it: those who work on cases and the
 * coordinators. The system administrator keeps the groups but reads no meeting.
 */
export const mayTakePart = (actor: Actor) => hasRole(actor, "coordinator", ...caseRoles);
