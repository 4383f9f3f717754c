import type { AgencyType, Role } from "../../../shared/roles";
import { type Actor, hasRole } from "../../platform/auth/actor";

/**
 * Agencies that give or coordinate assistance (DOMAIN.md "Who uses it"): they record it. Team
 * membership is checked by visibleCase; this is the agency's kind and the person's role.
 */
export const assistingAgencyTypes: readonly AgencyType[] = [
  "ngo",
  "shelter_operator",
  "international_organisation",
  "social_services",
  "focal_point",
  "victim_advocates",
  "health_service",
];

const assistingRoles: readonly Role[] = ["case_worker", "supervisor"];

const assists = (actor: Actor) =>
  hasRole(actor, ...assistingRoles) && assistingAgencyTypes.includes(actor.agencyType);

/** Needs, services, support plans and reflection extensions are recorded by those who assist. */
export const mayRecordAssistance = assists;

/**
 * The sealed texts of assistance (notes, goals, an outside provider's name, the reason for an
 * extension) are opened only by those who assist. Police and prosecutors on the team see which
 * services the person receives and their status, never these notes: assistance data is kept apart
 * from the investigation, so that assistance records never become police files (DOMAIN.md "Police
 * intelligence (kept apart from assistance data)"; seed 002 ch. 4).
 */
export const mayReadAssistanceNotes = assists;

/**
 * Temporary residence is arranged with the immigration authorities, often by the police for a
 * foreign victim: the investigator records it as well as the case worker.
 */
export const mayRecordResidence = (actor: Actor) => assists(actor) || hasRole(actor, "police_investigator");

/** The permit number identifies the person: identity roles on a team holding the identity scope. */
export const mayReadPermitNumber = (actor: Actor, scopes: readonly string[]) =>
  hasRole(actor, "case_worker", "supervisor", "police_investigator") && scopes.includes("identity");
