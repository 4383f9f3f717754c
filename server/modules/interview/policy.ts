import { interviewSections } from "../../../shared/interview";
import type { Role } from "../../../shared/roles";
import { type Actor, hasRole } from "../../platform/auth/actor";
import type { CaseScope } from "../cases/schema";
import { maySeeSection } from "./rules";

/**
 * Those who interview the person first: the police investigator after a raid or border stop, the
 * focal point's, NGO's or IOM's case worker, the social services' case worker for a child (seed
 * 002). Team membership is checked by visibleCase; this is the role.
 */
const interviewingRoles: readonly Role[] = ["police_investigator", "case_worker", "supervisor"];

/** Whoever writes the record hears the whole account, so must be allowed to see all of it. */
const seesWholeRecord = (actor: Actor, scopes: readonly CaseScope[]) =>
  interviewSections.every((section) => maySeeSection(section, actor.roles, scopes));

export const mayRecordInterview = (actor: Actor, scopes: readonly CaseScope[]) =>
  hasRole(actor, ...interviewingRoles) && seesWholeRecord(actor, scopes);

/**
 * A correction is made by the agency that interviewed, or by a supervisor on the team; in both cases
 * by someone who sees the whole record, so that nothing they cannot see is overwritten blindly.
 */
export function mayCorrectInterview(
  actor: Actor,
  scopes: readonly CaseScope[],
  interviewingAgencyId: string,
): boolean {
  const ownAgency = actor.agencyId === interviewingAgencyId && hasRole(actor, ...interviewingRoles);
  return (ownAgency || hasRole(actor, "supervisor")) && seesWholeRecord(actor, scopes);
}
