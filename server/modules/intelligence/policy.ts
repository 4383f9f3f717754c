import type { AgencyType } from "../../../shared/roles";
import { type Actor, hasRole } from "../../platform/auth/actor";
import { NotFound } from "../../platform/errors";

const policeAgencies: readonly AgencyType[] = ["police_anti_trafficking", "border_police"];

/**
 * The intelligence compartment (seed 002 ch. 4): details about traffickers must not reach those who
 * decide on assistance, and assistance records must not become police files. Only investigators and
 * their supervisors in a police agency are inside it.
 */
export const inCompartment = (actor: Pick<Actor, "agencyType" | "roles">) =>
  policeAgencies.includes(actor.agencyType) && hasRole(actor, "police_investigator", "supervisor");

/** The figures (counts only, no premises, no names): the compartment and the coordinators. */
export const maySeeFigures = (actor: Pick<Actor, "agencyType" | "roles">) =>
  inCompartment(actor) || hasRole(actor, "coordinator");

/** Outside the compartment, intelligence does not exist: 404, never a hint that it is there. */
export function assertCompartment(actor: Actor | null): asserts actor is Actor {
  if (!actor || !inCompartment(actor)) throw new NotFound();
}

export function assertFigures(actor: Actor | null): asserts actor is Actor {
  if (!actor || !maySeeFigures(actor)) throw new NotFound();
}
