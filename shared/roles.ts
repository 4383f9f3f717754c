/** Kinds of agency in a National Referral Mechanism (DOMAIN.md, "Who uses it"). */
export const agencyTypes = [
  "police_anti_trafficking",
  "border_police",
  "focal_point",
  "international_organisation",
  "shelter_operator",
  "victim_advocates",
  "social_services",
  "prosecution",
  "court",
  "witness_protection",
  "national_coordinator",
  "ngo",
  "health_service",
  "system_operator",
] as const;
export type AgencyType = (typeof agencyTypes)[number];

export const roles = [
  "system_admin",
  "agency_admin",
  "case_worker",
  "supervisor",
  "police_investigator",
  "prosecutor",
  "coordinator",
  "auditor",
  "hotline_operator",
] as const;
export type Role = (typeof roles)[number];

/** Roles whose holders work on cases of their agency's case teams. */
export const caseRoles: readonly Role[] = [
  "case_worker",
  "supervisor",
  "police_investigator",
  "prosecutor",
  "agency_admin",
];
/** Roles that may read a person's identifying data, on a case team whose scopes allow it. */
export const identityRoles: readonly Role[] = [
  "case_worker",
  "supervisor",
  "police_investigator",
  "prosecutor",
];
/** Roles that may register an identified person. */
export const registeringRoles: readonly Role[] = ["case_worker", "supervisor", "police_investigator"];

export const languages = ["en", "sq", "sr"] as const;
export type Language = (typeof languages)[number];
