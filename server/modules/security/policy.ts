import type { CaseScope } from "../cases/schema";
import { caseRoles } from "../../../shared/roles";
import { type Actor, hasRole } from "../../platform/auth/actor";
import { maySeeCircumstances, maySeeIdentity } from "../cases/policy";

const policeAgencies = new Set(["police_anti_trafficking", "border_police"]);

/**
 * A person's risk level is set by the police, who assess it (seed 002, fn. 186), or by the shelter
 * that protects the person (issue 4): a police investigator or supervisor, a shelter's case worker
 * or supervisor. Being on the case team is checked by the caller (visibleCase).
 */
export const maySetRiskLevel = (actor: Actor) =>
  hasRole(actor, "police_investigator") ||
  (policeAgencies.has(actor.agencyType) && hasRole(actor, "supervisor")) ||
  (actor.agencyType === "shelter_operator" && hasRole(actor, "case_worker", "supervisor"));

/** The reason behind a risk level may name people: only those who see the person's data read it. */
export const mayReadRiskReason = (actor: Actor, scopes: readonly CaseScope[]) =>
  maySeeIdentity(actor, scopes) || maySeeCircumstances(actor, scopes);

/** The shelter's supervisor or administrator decides a relocation. */
export const mayRelocate = (actor: Actor) => hasRole(actor, "supervisor", "agency_admin");

/** An agency's administrator or supervisor keeps its own interpreters' roster. */
export const mayManageInterpreters = (actor: Actor) => hasRole(actor, "agency_admin", "supervisor");

/** Anyone who works on cases may need to call an interpreter, from any agency's roster. */
export const maySeeInterpreters = (actor: Actor) => hasRole(actor, ...caseRoles);
