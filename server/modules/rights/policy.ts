import type { Role } from "../../../shared/roles";
import { type Actor, hasRole } from "../../platform/auth/actor";

/**
 * Those who meet the person tell them their rights: the case worker, the supervisor and the
 * investigator (002: the police at identification, the case worker later). Team membership is
 * checked by visibleCase; this is the role.
 */
const informingRoles: readonly Role[] = ["case_worker", "supervisor", "police_investigator"];

export const mayRecordRightsInformation = (actor: Actor) => hasRole(actor, ...informingRoles);
