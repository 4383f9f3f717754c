import type { Role } from "../../../shared/roles";
import { type Actor, hasRole } from "../../platform/auth/actor";
import type { CaseScope } from "../cases/schema";
import { maySeeIdentity } from "../cases/policy";

/**
 * The police assess the risk of a return (seed 002, fn. 186: the TPIU's assessment goes to the
 * shelter in each case); the case worker who knows the person's situation may record one too.
 */
const assessingRoles: readonly Role[] = ["police_investigator", "supervisor", "case_worker"];
export const mayRecordRiskAssessment = (actor: Actor) => hasRole(actor, ...assessingRoles);

/** The person decides; the case worker who works with them records it (and arranges what follows). */
const assistingRoles: readonly Role[] = ["case_worker", "supervisor"];
export const mayRecordDecision = (actor: Actor) => hasRole(actor, ...assistingRoles);
export const mayRecordReturn = (actor: Actor) => hasRole(actor, ...assistingRoles);
export const mayRecordFollowUp = (actor: Actor) => hasRole(actor, ...assistingRoles);

/** A hand-over sends the person's file abroad: those who assist them, and only with the identity scope. */
export const mayHandOver = (actor: Actor, scopes: readonly CaseScope[]) =>
  hasRole(actor, ...assistingRoles) && maySeeIdentity(actor, scopes);

/** Re-trafficking is found by the police as often as by those who assist. */
export const mayLinkReTrafficking = (actor: Actor) =>
  hasRole(actor, "case_worker", "supervisor", "police_investigator");

/** Sealed notes name people: identity roles on a team with the identity scope. */
export const maySeeFutureText = (actor: Actor, scopes: readonly CaseScope[]) => maySeeIdentity(actor, scopes);
