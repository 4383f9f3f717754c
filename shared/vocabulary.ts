/**
 * Value lists. Where HTCDS 2.0 has one, its value names are used as they are
 * (../shared/standards/htcds-2.0-fields.csv), so records export to the standard unchanged.
 */

/** prs_Gender */
export const genders = [
  "Feminine",
  "Masculine",
  "TransgenderFeminine",
  "TransgenderMasculine",
  "NonConforming",
  "NonSpecifiedUnknown",
] as const;

/** prs_MaritalStatus */
export const maritalStatuses = [
  "Single",
  "Married",
  "Widowed",
  "Divorced",
  "Separated",
  "RegisteredPartnership",
] as const;

/** prs_HighestLevelOfEducation */
export const educationLevels = [
  "EarlyChildhoodEducation",
  "PrimaryEducation",
  "LowerSecondaryEducation",
  "UpperSecondaryEducation",
  "PostSecondaryNonTertiaryEducation",
  "ShortCycleTertiaryEducation",
  "BachelorsOrEquivalentLevel",
  "MastersOrEquivalentLevel",
  "DoctoralOrEquivalentLevel",
] as const;

/** vic_TraffickingStatus */
export const traffickingStatuses = [
  "PossibleVictimOfTrafficking",
  "ActualVictimOfTrafficking",
  "NotAVictimOfTrafficking",
] as const;

/** vic_TypeOfExploitation */
export const exploitationTypes = [
  "ForcedLabour",
  "SexualExploitation",
  "ChildLabour",
  "ForcedMarriage",
  "Servitude",
  "ForcedMilitaryByNonStateActors",
  "OrganRemoval",
  "ForcedBegging",
  "ForcedAdoption",
  "Surrogacy",
  "Other",
] as const;

/** vic_MethodsOfControl */
export const controlMethods = [
  "PhysicalThreats",
  "ThreatsLawEnforcement",
  "ThreatensChildrenFamily",
  "DebtBondage",
  "FalsePromises",
  "PhysicalAbuse",
  "SexualAbuse",
  "TakesEarnings",
  "RestrictsFinancialAccess",
  "RestrictsMedicalCare",
  "WithholdsNecessities",
  "PsychologicalAbuse",
  "PsychoactiveSubstance",
  "ExcessiveWorkingHours",
  "WithholdsDocuments",
  "Other",
] as const;

/** cas_Status */
export const caseStatuses = ["Active", "FollowUp", "Closed", "ClosedReferred"] as const;

/**
 * How a case ended, recorded when it is closed (issue 3, item 10). Ending assistance is the
 * person's choice as much as the agencies': declining it and losing contact are outcomes too.
 */
export const closureOutcomes = [
  "returned_home",
  "integrated_locally",
  "international_protection",
  "resettled_third_country",
  "assistance_completed",
  "declined_assistance",
  "lost_contact",
  "transferred",
  "deceased",
  "other",
] as const;

/** NRM terms HTCDS lacks: how the person came to notice (seed 002). */
export const identificationSources = [
  "police_raid",
  "border_police",
  "inspection",
  "undercover_operation",
  "ngo",
  "social_services",
  "health_worker",
  "hotline",
  "self_referral",
  "other",
] as const;

/** The SOP pathways (DOMAIN.md, "The pathway"). */
export const pathways = ["foreign_adult", "domestic_adult", "child"] as const;

export type Gender = (typeof genders)[number];
export type MaritalStatus = (typeof maritalStatuses)[number];
export type EducationLevel = (typeof educationLevels)[number];
export type TraffickingStatus = (typeof traffickingStatuses)[number];
export type ExploitationType = (typeof exploitationTypes)[number];
export type ControlMethod = (typeof controlMethods)[number];
export type CaseStatus = (typeof caseStatuses)[number];
export type IdentificationSource = (typeof identificationSources)[number];
export type Pathway = (typeof pathways)[number];
export type ClosureOutcome = (typeof closureOutcomes)[number];

/** ISO 3166-1 alpha-2, plus XK (Kosovo, user-assigned and used by the EU and IOM). */
export const countryCodes = (
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
  "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
  "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO " +
  "JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR " +
  "MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO " +
  "RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV " +
  "TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW"
).split(" ");

/** ISO 639-1 codes for the languages victims and staff speak in the first deployments; extendable. */
export const languageCodes = [
  "sq",
  "sr",
  "en",
  "ro",
  "ru",
  "uk",
  "bg",
  "mk",
  "tr",
  "bs",
  "hr",
  "de",
  "fr",
  "it",
  "el",
  "hu",
  "ar",
  "zh",
  "rom",
] as const;
export type LanguageCode = (typeof languageCodes)[number];

/** Immediate assistance (DOMAIN.md step 4; seeds 001, 002): what an agency may be asked to provide. */
export const assistanceServices = [
  "interpreter",
  "legal_counsel",
  "safe_housing",
  "medical",
  "psychological",
  "social_welfare",
  "education",
  "vocational_training",
  "material",
  "financial",
  "family_tracing",
  "return",
] as const;
export type AssistanceService = (typeof assistanceServices)[number];

/** Why a case is referred: for one service, or to hand over responsibility for the case. */
export const referralPurposes = ["service", "case_responsibility"] as const;
export type ReferralPurpose = (typeof referralPurposes)[number];

/** How the person gave consent to a referral. */
export const consentMethods = ["verbal", "written"] as const;
export type ConsentMethod = (typeof consentMethods)[number];

/**
 * Grounds for a referral when the person cannot consent: a child's guardian decides for the child
 * (002: a legal guardian for each child); a danger to life or health allows sharing what is needed.
 */
export const referralLegalBases = ["child_guardian_decision", "vital_interest"] as const;
export type ReferralLegalBasis = (typeof referralLegalBases)[number];

export const referralStatuses = ["pending", "accepted", "declined", "revoked"] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/**
 * The rights a person is told of at the rights-information step (DOMAIN.md "The pathway" step 2;
 * seed 002): assistance is owed whether or not the person cooperates with the authorities, and
 * nobody is prosecuted for prostitution or illegal entry (Reg. 2001/4 s. 8/11).
 */
export const personRights = [
  "lawyer",
  "interpreter",
  "assistance_regardless_of_cooperation",
  "protection",
  "compensation",
  "reflection_period",
  "non_prosecution",
  "complaint",
] as const;
export type PersonRight = (typeof personRights)[number];
