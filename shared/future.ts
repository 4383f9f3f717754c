/**
 * Value lists of the decision on the future, return and reintegration (issue 3, items 7 and 9):
 * shared by the server, which stores them, and the browser, which names them in the user's language.
 */

export const riskLevels = ["low", "medium", "high"] as const;
export type RiskLevel = (typeof riskLevels)[number];

/** What makes a return dangerous (seed 002: traffickers at large, families who sold the person, debts). */
export const riskFactors = [
  "trafficker_at_large",
  "family_involved",
  "debt_bondage",
  "threats_received",
  "stigma",
  "no_safe_accommodation",
  "no_means_of_living",
  "health_needs",
  "previous_re_trafficking",
  "other",
] as const;
export type RiskFactor = (typeof riskFactors)[number];

export const riskRecommendations = ["return_safe", "return_with_measures", "return_not_advised"] as const;
export type RiskRecommendation = (typeof riskRecommendations)[number];

export const futureOptions = [
  "voluntary_return_full_programme",
  "voluntary_return_travel_documents_only",
  "local_integration",
  "international_protection_claim",
  "third_country_resettlement",
  "undecided",
] as const;
export type FutureOption = (typeof futureOptions)[number];

export const returnOptions = [
  "voluntary_return_full_programme",
  "voluntary_return_travel_documents_only",
] as const satisfies readonly FutureOption[];

export const isReturnOption = (option: FutureOption): boolean =>
  (returnOptions as readonly FutureOption[]).includes(option);

export const travelDocumentStatuses = ["requested", "issued"] as const;
export type TravelDocumentStatus = (typeof travelDocumentStatuses)[number];

export const followUpStatuses = ["scheduled", "held", "cancelled"] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

export const followUpOutcomes = [
  "safe_and_stable",
  "needs_support",
  "lost_contact",
  "re_trafficked",
] as const;
export type FollowUpOutcome = (typeof followUpOutcomes)[number];

/** Parts of the case file a person may consent to hand over to a partner organisation abroad. */
export const handOverSections = [
  "identity",
  "case_summary",
  "assistance",
  "risk_assessment",
  "decision",
  "return",
] as const;
export type HandOverSection = (typeof handOverSections)[number];
