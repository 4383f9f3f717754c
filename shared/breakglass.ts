import type { AgencyType, Role } from "./roles";
/**
 * Why someone outside a case team opened the case in an emergency: a fixed list, so that auditors
 * can count and compare, with free text only beside it (sealed, as it may name people).
 */
export const breakGlassReasons = [
  "imminent_danger",
  "medical_emergency",
  "child_at_risk",
  "missing_person",
  "team_unreachable",
  "other",
] as const;
export type BreakGlassReason = (typeof breakGlassReasons)[number];

/** "other" says nothing by itself: it needs the free text. */
export const reasonNeedsText = (code: BreakGlassReason) => code === "other";

export const breakGlassReasonTextMax = 1000;

/**
 * Those who may meet a person in danger outside office hours and outside their case teams: police
 * investigators, case workers and supervisors of the front-line agencies (DOMAIN.md "Who uses
 * it"). Prosecutors and courts work from the file they are given; the coordinator sees counts,
 * never identities; administrators keep the system and auditors watch it, so neither may open a
 * case this way (an auditor who could break glass would audit themself).
 */
const breakingRoles: readonly Role[] = ["police_investigator", "case_worker", "supervisor"];
const neverRoles: readonly Role[] = ["auditor", "system_admin", "coordinator", "hotline_operator"];
const frontLineAgencies: readonly AgencyType[] = [
  "police_anti_trafficking",
  "border_police",
  "focal_point",
  "international_organisation",
  "shelter_operator",
  "victim_advocates",
  "social_services",
  "witness_protection",
  "ngo",
  "health_service",
];

export const mayBreakGlassAs = (roles: readonly Role[], agencyType: AgencyType) =>
  roles.some((role) => breakingRoles.includes(role)) &&
  !roles.some((role) => neverRoles.includes(role)) &&
  frontLineAgencies.includes(agencyType);
