import { type Actor, hasRole } from "../../platform/auth/actor";
import { mayRegisterCase } from "../cases/policy";

/** The helpline's operators take contacts (seed 001: a helpline run by IOM, with trained operators). */
export const mayTakeContacts = (actor: Actor) => hasRole(actor, "hotline_operator");

/** The contacts of an agency's helpline are read by its operators and its supervisors, nobody else. */
export const mayReadContacts = (actor: Actor, contact: { agencyId: string }) =>
  contact.agencyId === actor.agencyId && hasRole(actor, "hotline_operator", "supervisor");

/** Operators and supervisors of the helpline follow a contact up: callbacks, hand-overs. */
export const mayFollowUp = mayReadContacts;

/**
 * A contact becomes a case through registration, by someone of the helpline's agency who may
 * register (its supervisor or case worker): the case team starts with that agency.
 */
export const mayOpenCaseFromContact = (actor: Actor, contact: { agencyId: string }) =>
  contact.agencyId === actor.agencyId && mayRegisterCase(actor);

const policeTypes = ["police_anti_trafficking", "border_police"];
export const isPoliceAgency = (type: string) => policeTypes.includes(type);

/** The police unit's investigators and supervisors receive and acknowledge hand-overs. */
export const mayReceiveHandovers = (actor: Actor) =>
  isPoliceAgency(actor.agencyType) && hasRole(actor, "police_investigator", "supervisor");

/** Figures: the helpline's own staff for their agency, the coordinators for all. */
export const mayReadAllFigures = (actor: Actor) => hasRole(actor, "coordinator");
export const mayReadOwnFigures = (actor: Actor) => hasRole(actor, "hotline_operator", "supervisor");
