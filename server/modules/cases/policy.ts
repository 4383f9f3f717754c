import { caseRoles, identityRoles, registeringRoles } from "../../../shared/roles";
import { type Actor, hasRole } from "../../platform/auth/actor";
import type { CaseScope } from "./schema";

/** Who may register an identified person: front-line roles of any agency. */
export const mayRegisterCase = (actor: Actor) => hasRole(actor, ...registeringRoles);

/** Case lists and case pages are for case roles; coordinators see counts, auditors the trail. */
export const mayWorkOnCases = (actor: Actor) => hasRole(actor, ...caseRoles);

/** Identifying data: a role that needs it, on a team whose scopes include it. */
export const maySeeIdentity = (actor: Actor, teamScopes: readonly CaseScope[]) =>
  hasRole(actor, ...identityRoles) && teamScopes.includes("identity");

export const maySeeCircumstances = (actor: Actor, teamScopes: readonly CaseScope[]) =>
  hasRole(actor, ...identityRoles) && teamScopes.includes("circumstances");

/** Widening the team is an agency administrator's or supervisor's decision. */
export const mayAddTeamAgency = (actor: Actor) => hasRole(actor, "agency_admin", "supervisor");
