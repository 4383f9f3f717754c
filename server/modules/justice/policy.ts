import type { AgencyType, Role } from "../../../shared/roles";
import { type Actor, hasRole } from "../../platform/auth/actor";

/**
 * The justice compartment: prosecution, courts and the police. Details about traffickers must not
 * reach those deciding on assistance (DOMAIN.md "Police intelligence"), and an appeals panel should
 * not see victims' details (seed 002): an assistance agency on a victim's case team learns only
 * that a proceeding exists and its stage.
 */
const justiceAgencyTypes: readonly AgencyType[] = [
  "prosecution",
  "court",
  "police_anti_trafficking",
  "border_police",
];
const justiceRoles: readonly Role[] = ["prosecutor", "police_investigator", "supervisor", "case_worker"];

export const inJusticeCompartment = (actor: Actor) =>
  justiceAgencyTypes.includes(actor.agencyType) && hasRole(actor, ...justiceRoles);

/** A prosecutor, or the police investigator at the start, opens a proceeding for a victim's case. */
export const mayOpenProceeding = (actor: Actor) =>
  inJusticeCompartment(actor) && hasRole(actor, "prosecutor", "police_investigator");

/**
 * Charges, hearings and verdicts are the prosecutor's record, or the court's staff's. Who may see
 * the proceeding at all is decided by the caller (owner agency or a victim's case team).
 */
export const mayRecordProceeding = (actor: Actor) =>
  inJusticeCompartment(actor) &&
  (hasRole(actor, "prosecutor") ||
    (actor.agencyType === "court" && hasRole(actor, "case_worker", "supervisor")));

/** The police report an escape or an arrest as much as the prosecutor a release. */
export const mayRecordCustody = (actor: Actor) =>
  mayRecordProceeding(actor) || (inJusticeCompartment(actor) && hasRole(actor, "police_investigator"));

/**
 * After a release those who look after the victim reassess the risk: the case workers (victim
 * advocates, shelters, social services), supervisors and the police. Team membership: visibleCase.
 */
export const mayReassessRisk = (actor: Actor) =>
  hasRole(actor, "case_worker", "supervisor", "police_investigator");

/** Compensation claims are prepared with the victim by the advocate or case worker, or the prosecutor. */
export const mayRecordCompensation = (actor: Actor) =>
  hasRole(actor, "case_worker", "supervisor", "prosecutor");

/** Figures without identities, for the coordinator (and the prosecution, about its own work). */
export const mayReadJusticeStatistics = (actor: Actor) => hasRole(actor, "coordinator", "prosecutor");
