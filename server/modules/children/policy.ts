import type { Role } from "../../../shared/roles";
import { type Actor, hasRole } from "../../platform/auth/actor";
import type { CaseScope } from "../cases/schema";

/**
 * Social services are responsible for every child (seed 002: the Centres for Social Work assign a
 * case worker and a guardian; DOMAIN.md "Who uses it"): their case workers and supervisors on the
 * team record the child's case worker, guardian, determination, views and parents. Team
 * membership is checked by visibleCase; this is the agency and the role.
 */
const childWelfareRoles: readonly Role[] = ["case_worker", "supervisor"];

export const mayManageChild = (actor: Actor) =>
  actor.agencyType === "social_services" && hasRole(actor, ...childWelfareRoles);

/** Whoever has the child in front of them says where the child is: police, shelter, social worker. */
export const mayRecordLocation = (actor: Actor) =>
  hasRole(actor, "case_worker", "supervisor", "police_investigator");

/**
 * Anyone on the team who learns that a parent is a suspect flags them: the flag only ever stops
 * parents from being told, so it is open to every front-line role, the police and prosecutor included.
 */
export const mayFlagParent = (actor: Actor) =>
  hasRole(actor, "case_worker", "supervisor", "police_investigator", "prosecutor");

/** Lifting the flag lets a parent be told again: a social services supervisor's decision alone. */
export const mayUnflagParent = (actor: Actor) =>
  actor.agencyType === "social_services" && hasRole(actor, "supervisor");

/** Names and contacts of the guardian and the parents: identifying data, for the identity scope. */
export const maySeeChildContacts = (actor: Actor, scopes: readonly CaseScope[]) =>
  hasRole(actor, "case_worker", "supervisor", "police_investigator", "prosecutor") &&
  scopes.includes("identity");

/**
 * The child's views and the determination's reasoning are welfare records, read by those who care
 * for the child; assistance records must not become police files (DOMAIN.md "Police intelligence").
 */
export const maySeeChildWelfareText = (actor: Actor, scopes: readonly CaseScope[]) =>
  hasRole(actor, ...childWelfareRoles) && scopes.includes("circumstances");

/** Who may be the child's case worker: an active social worker or supervisor of social services. */
export const mayBeCaseWorker = (user: { roles: readonly Role[]; active: boolean }, agencyType: string) =>
  user.active &&
  agencyType === "social_services" &&
  user.roles.some((role) => childWelfareRoles.includes(role));
