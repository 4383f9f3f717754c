/**
 * Codes of the children module, shared by the server, which stores them, and the browser, which
 * names them in the user's language (DOMAIN.md "Children"; seed 002).
 */

/** Who appointed the legal guardian: a Centre for Social Work decision or a court's. */
export const guardianAppointingBodies = ["centre_for_social_work", "court", "other"] as const;
export type GuardianAppointingBody = (typeof guardianAppointingBodies)[number];

/** What a best-interests determination found to be best for the child. */
export const bestInterestsOutcomes = [
  "family_reunification",
  "foster_care",
  "residential_care",
  "return_to_country_of_origin",
  "local_integration",
  "other",
] as const;
export type BestInterestsOutcome = (typeof bestInterestsOutcomes)[number];

/** A parent or other family member who may be told where the child is, unless they are the danger. */
export const parentRelationships = ["mother", "father", "other_family"] as const;
export type ParentRelationship = (typeof parentRelationships)[number];

/** How a parent was told: the system calls nobody, it records what a social worker did. */
export const notificationMethods = ["phone", "in_person", "letter"] as const;
export type NotificationMethod = (typeof notificationMethods)[number];

/**
 * Where the child is now, by kind of place only: a shelter's address is secret (DOMAIN.md
 * "Confidentiality") and is never stored with the child's location.
 */
export const childLocationTypes = [
  "police_station",
  "shelter",
  "foster_family",
  "family",
  "hospital",
  "other",
] as const;
export type ChildLocationType = (typeof childLocationTypes)[number];
