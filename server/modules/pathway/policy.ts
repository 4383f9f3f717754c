import { caseRoles, type Role } from "../../../shared/roles";
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
