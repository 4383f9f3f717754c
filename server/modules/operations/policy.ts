import type { AgencyType } from "../../../shared/roles";
import { type Actor, hasRole } from "../../platform/auth/actor";

const policeAgencies: readonly AgencyType[] = ["police_anti_trafficking", "border_police"];

/** The police who plan raids: investigators and their supervisors, in a police agency. */
export const mayFileNotice = (actor: Actor) =>
  policeAgencies.includes(actor.agencyType) && hasRole(actor, "police_investigator", "supervisor");

/** The filing police agency: the only one to learn the target and the time, and to move the operation on. */
export const isFilingPolice = (actor: Actor, notice: { agencyId: string }) =>
  mayFileNotice(actor) && actor.agencyId === notice.agencyId;

/**
 * The shelter coordination group (seed 000): coordinators, and the shelter operators' case workers
 * and supervisors who ready the places. They learn the date, region and numbers, never the target.
 */
export const inCoordinationGroup = (actor: Actor) =>
  hasRole(actor, "coordinator") ||
  (actor.agencyType === "shelter_operator" && hasRole(actor, "case_worker", "supervisor"));

export const maySeeNotices = (actor: Actor) => mayFileNotice(actor) || inCoordinationGroup(actor);
