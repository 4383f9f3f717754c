import { z } from "zod";
import { isoDate } from "./registration";
import {
  assistanceServices,
  controlMethods,
  countryCodes,
  exploitationTypes,
  languageCodes,
} from "./vocabulary";

/**
 * The first interview (DOMAIN.md "The pathway" step 1; seed 002 rec. 2.3–2.4): held once, in
 * private, with an interpreter and preferably a female officer, and reused by every later agency.
 * Its schema is shared so that the browser and the server refuse the same input for the same reason.
 */

/**
 * Historic trafficking events. HTCDS hte_Type names Recruitment, Transit and Exploitation; the
 * NRM adds what seed 002 finds in the women's accounts: border crossings (often unofficial), being
 * sold on between owners, and escape. On export to HTCDS, BorderCrossing and Sale are Transit.
 */
export const journeyEventTypes = [
  "Recruitment",
  "Transit",
  "BorderCrossing",
  "Sale",
  "Exploitation",
  "Escape",
  "Other",
] as const;
export type JourneyEventType = (typeof journeyEventTypes)[number];

/** HTCDS vic_MethodOfRecruitment, as the standard names them. */
export const recruitmentMethods = [
  "AtAPlaceOfBusiness",
  "AtAnEducationalInstitution",
  "AtWork",
  "ThroughOnlineSocialNetworks",
  "ThroughAnOnlineAdvertisement",
  "ThroughATelevisionAdvert",
  "ThroughANewspaperAdvert",
  "ThroughFamilyOrFamilyEvents",
  "ThroughFriendsOrSocialEvents",
  "Other",
] as const;
export type RecruitmentMethod = (typeof recruitmentMethods)[number];

/** Needs are named as the services that meet them, so a need leads straight to a referral. */
export const interviewNeeds = assistanceServices;

export const riskLevels = ["low", "medium", "high"] as const;
export type RiskLevel = (typeof riskLevels)[number];

/**
 * Whether the person was willing to give a statement to the police. Recorded as information only:
 * nothing in the system may depend on it (seed 002 ch. 4, rec. 2.6).
 */
export const statementWillingnesses = ["willing", "not_willing", "undecided"] as const;
export type StatementWillingness = (typeof statementWillingnesses)[number];

/** The parts of the record; each is shown or withheld as a whole (server/modules/interview/rules.ts). */
export const interviewSections = [
  "conduct",
  "circumstances",
  "recruitment",
  "journey",
  "control",
  "exploitation",
  "needs",
  "risks",
] as const;
export type InterviewSection = (typeof interviewSections)[number];

const account = z.string().trim().max(4000, { message: "too_long" }).optional().nullable();
const shortText = (max: number) => z.string().trim().max(max, { message: "too_long" }).optional().nullable();
const codes = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values, { message: "invalid_choice" })).max(values.length * 2, { message: "too_many" });

export const journeyEventInput = z.strictObject({
  type: z.enum(journeyEventTypes, { message: "invalid_choice" }),
  /** The date, or the first day of the month or year when only that is known (then approximate). */
  date: isoDate.optional().nullable(),
  dateApproximate: z.boolean().default(false),
  country: z
    .string()
    .refine((c) => countryCodes.includes(c), { message: "invalid_choice" })
    .optional()
    .nullable(),
  place: shortText(200),
  note: shortText(1000),
});

export const interviewInput = z.strictObject({
  interviewedAt: z.iso.datetime({ offset: true, message: "invalid_date" }),
  heldInPrivate: z.boolean(),
  withInterpreter: z.boolean(),
  interpreterLanguage: z.enum(languageCodes, { message: "invalid_choice" }).optional().nullable(),
  femaleOfficerPresent: z.boolean(),
  statementWillingness: z.enum(statementWillingnesses, { message: "invalid_choice" }),
  circumstances: z.strictObject({ account }).default({ account: null }),
  recruitment: z
    .strictObject({ methods: codes(recruitmentMethods).default([]), account })
    .default({ methods: [], account: null }),
  journey: z.array(journeyEventInput).max(40, { message: "too_many" }).default([]),
  control: z
    .strictObject({ methods: codes(controlMethods).default([]), account })
    .default({ methods: [], account: null }),
  exploitation: z
    .strictObject({ types: codes(exploitationTypes).default([]), account })
    .default({ types: [], account: null }),
  needs: z
    .strictObject({ codes: codes(interviewNeeds).default([]), account })
    .default({ codes: [], account: null }),
  risks: z
    .strictObject({ level: z.enum(riskLevels, { message: "invalid_choice" }).optional().nullable(), account })
    .default({ level: null, account: null }),
});
export type InterviewInput = z.infer<typeof interviewInput>;
export type JourneyEventInput = z.infer<typeof journeyEventInput>;
