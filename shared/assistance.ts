/**
 * Value lists of assistance (issue 3, items 5 and 6), shared by the server, which stores them, and
 * the browser, which names them in the user's language. The services themselves are
 * `assistanceServices` in vocabulary.ts (also what a referral or the first interview's needs name).
 */

/** How soon the assessed needs must be met: "immediate" is today, e.g. medical care after a raid. */
export const needUrgencies = ["immediate", "urgent", "routine"] as const;
export type NeedUrgency = (typeof needUrgencies)[number];

/**
 * Where one service stands. "declined_by_person" is the person's choice, never the agency's: help is
 * offered, not imposed, and may be offered again (DOMAIN.md "Immediate assistance").
 */
export const serviceStatuses = [
  "planned",
  "in_progress",
  "delivered",
  "declined_by_person",
  "ended",
] as const;
export type ServiceStatus = (typeof serviceStatuses)[number];

/** HTCDS 2.0 spl_Type: the type of support plan (../shared/standards/htcds-2.0-fields.csv). */
export const supportPlanTypes = [
  "Education",
  "Financial",
  "Health",
  "LabourExploitationRehabilitation",
  "Legal",
  "Livelihood",
  "RightsBasedTraining",
  "SexualExploitationRehabilitation",
  "SocialCare",
] as const;
export type SupportPlanType = (typeof supportPlanTypes)[number];

export const supportPlanStatuses = ["active", "completed", "cancelled"] as const;
export type SupportPlanStatus = (typeof supportPlanStatuses)[number];

/** A temporary residence record: the first grant, or an extension of the permit in force. */
export const residenceActions = ["grant", "extend"] as const;
export type ResidenceAction = (typeof residenceActions)[number];
