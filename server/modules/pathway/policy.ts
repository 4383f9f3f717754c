import { caseRoles, identityRoles, type Role } from "../../../shared/roles";
import { type Actor, hasRole } from "../../platform/auth/actor";
import type { pathwayTasks } from "./schema";

type Task = Pick<typeof pathwayTasks.$inferSelect, "agencyId">;

/** Doing the SOP's tasks is the work of those who take on a person's case for the agency. */
const completingRoles: readonly Role[] = ["case_worker", "supervisor"];

/** "My work" lists tasks of the actor's agency, for those who work on cases. */
export const mayReadTasks = (actor: Actor) => hasRole(actor, ...caseRoles);

/** A task is seen by case roles of the agency it is assigned to; to anyone else it does not exist. */
export const maySeeTask = (actor: Actor, task: Task) =>
  mayReadTasks(actor) && actor.agencyId === task.agencyId;

export const mayCompleteTask = (actor: Actor, task: Task) =>
  actor.agencyId === task.agencyId && hasRole(actor, ...completingRoles);

/** Those who work with the person propose closing the case; a supervisor decides (issue 3, item 10). */
const proposingRoles: readonly Role[] = ["case_worker", "supervisor", "police_investigator"];

export const mayProposeClosure = (actor: Actor) => hasRole(actor, ...proposingRoles);

/** Four eyes: a supervisor answers a proposal, never their own. */
export const mayDecideClosure = (actor: Actor, closure: { proposedBy: string }) =>
  hasRole(actor, "supervisor") && actor.userId !== closure.proposedBy;

export const mayRecordReopeningReason = (actor: Actor) => hasRole(actor, "supervisor");

/** Closure notes and reasons are free text that may name people: identity roles only. */
export const maySeeClosureText = (actor: Actor) => hasRole(actor, ...identityRoles);
