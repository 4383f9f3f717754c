import { z } from "zod";
import { riskLevels } from "./interview";
import { isoDate } from "./registration";
import { countryCodes } from "./vocabulary";

/**
 * Criminal proceedings against traffickers and the protection of victim-witnesses (DOMAIN.md
 * "Protection and justice"; seed 002 chapters 3 and 5, recommendations 2.8–2.10).
 */

/** Where a proceeding stands. */
export const proceedingStages = [
  "investigation",
  "indictment",
  "trial",
  "verdict",
  "appeal",
  "final",
] as const;
export type ProceedingStage = (typeof proceedingStages)[number];

/** Perpetrator roles, after the HTCDS data standard. */
export const perpetratorRoles = [
  "recruiter",
  "transporter",
  "harbourer",
  "exploiter",
  "organiser",
  "facilitator",
  "document_withholder",
  "client",
  "other",
] as const;
export type PerpetratorRole = (typeof perpetratorRoles)[number];

/**
 * Where a defendant is. A convicted trafficker released pending appeal, an acquitted one, or one who
 * escaped puts the victims at risk again (seed 002): see rules.ts releaseStatuses.
 */
export const custodyStatuses = [
  "at_large",
  "detained",
  "released_pending_trial",
  "released_pending_appeal",
  "acquitted",
  "escaped",
  "serving_sentence",
] as const;
export type CustodyStatus = (typeof custodyStatuses)[number];

export const hearingKinds = ["pre_trial", "investigating_judge", "trial", "verdict", "appeal"] as const;
export type HearingKind = (typeof hearingKinds)[number];

export const verdictOutcomes = ["convicted", "acquitted", "dismissed"] as const;
export type VerdictOutcome = (typeof verdictOutcomes)[number];

/** Grounds a court gave for a lighter sentence: recorded so that low sentences can be explained. */
export const mitigatingGrounds = [
  "first_offence",
  "confession",
  "cooperation",
  "family_circumstances",
  "age",
  "health",
  "other",
] as const;
export type MitigatingGround = (typeof mitigatingGrounds)[number];

/** How a sentence stands against the statutory range of the charge. */
export const rangeChecks = ["within", "below_minimum", "above_maximum"] as const;
export type RangeCheck = (typeof rangeChecks)[number];

/** Where the victim testified, and how (seed 002: statement to police, before a judge, at trial). */
export const testimonyKinds = [
  "police_statement",
  "pre_trial_judge",
  "investigating_judge",
  "trial",
] as const;
export type TestimonyKind = (typeof testimonyKinds)[number];
export const testimonyPresences = ["in_person", "cctv", "video_recorded"] as const;
export type TestimonyPresence = (typeof testimonyPresences)[number];

/** The protective measures of UNMIK Regulation 2001/20 (DOMAIN.md; seed 002 ch. 5). */
export const protectiveMeasures = [
  "data_expunged",
  "pseudonym",
  "shield",
  "voice_image_alteration",
  "cctv_testimony",
  "video_recorded_testimony",
  "closed_session",
  "accused_removed",
  "full_anonymity",
] as const;
export type ProtectiveMeasure = (typeof protectiveMeasures)[number];

/** Compensation: in the criminal proceeding, a civil claim, or the reparation fund (Reg. 2001/4 s. 6). */
export const compensationKinds = ["criminal", "civil", "reparation_fund"] as const;
export type CompensationKind = (typeof compensationKinds)[number];

/**
 * A jurisdiction's law table (config/jurisdictions/<code>/law.json): the offences one may be
 * charged with, by statute section, with the statutory range in months. When the victim is a
 * minor the maximum may rise (minorMaximumMonths). A null maximum: the statute sets none here.
 */
const lawTitle = z.strictObject({ en: z.string().min(1), sq: z.string().min(1), sr: z.string().min(1) });
export const lawSectionSchema = z
  .strictObject({
    section: z.string().regex(/^[0-9]+(\.[0-9]+)*$/, "a section number such as 2.1"),
    offence: z.string().regex(/^[a-z_]+$/),
    title: lawTitle,
    minimumMonths: z.number().int().min(0),
    maximumMonths: z.number().int().min(1).nullable(),
    minorMaximumMonths: z.number().int().min(1).nullable(),
  })
  .refine((s) => s.maximumMonths === null || s.maximumMonths >= s.minimumMonths, "maximum below minimum")
  .refine(
    (s) =>
      s.minorMaximumMonths === null || s.maximumMonths === null || s.minorMaximumMonths >= s.maximumMonths,
    "the maximum for a minor victim is below the ordinary maximum",
  );
export type LawSection = z.infer<typeof lawSectionSchema>;
export const lawTableSchema = z
  .strictObject({
    statute: z.string().min(1),
    sections: z.array(lawSectionSchema),
  })
  .refine((t) => new Set(t.sections.map((s) => s.section)).size === t.sections.length, "a section twice");
export type LawTable = z.infer<typeof lawTableSchema>;

const text = (max: number) =>
  z.string().trim().min(1, { message: "required" }).max(max, { message: "too_long" });
const optionalText = (max: number) =>
  z.string().trim().max(max, { message: "too_long" }).nullable().optional();
const dateTime = z.iso
  .datetime({ offset: true, message: "invalid_date" })
  .transform((value) => new Date(value));
const reference = z.string().trim().min(1, { message: "required" }).max(40, { message: "too_long" });
const euros = z.number().int({ message: "invalid_type" }).min(0, { message: "too_small" }).max(100_000_000);

export const proceedingInput = z.strictObject({
  caseReference: reference,
  injuredParty: z.boolean(),
  witness: z.boolean(),
  stage: z.enum(proceedingStages, { message: "invalid_choice" }),
  policeCaseNumber: optionalText(60),
  prosecutorReference: optionalText(60),
  courtReference: optionalText(60),
  court: optionalText(200),
});
export type ProceedingInput = z.infer<typeof proceedingInput>;

export const proceedingUpdate = z.strictObject({
  stage: z.enum(proceedingStages, { message: "invalid_choice" }).optional(),
  policeCaseNumber: optionalText(60),
  prosecutorReference: optionalText(60),
  courtReference: optionalText(60),
  court: optionalText(200),
});
export type ProceedingUpdate = z.infer<typeof proceedingUpdate>;

export const victimLinkInput = z.strictObject({
  caseReference: reference,
  injuredParty: z.boolean(),
  witness: z.boolean(),
});
export type VictimLinkInput = z.infer<typeof victimLinkInput>;

export const defendantInput = z.strictObject({
  name: text(200),
  nationality: z
    .string()
    .refine((c) => countryCodes.includes(c), { message: "invalid_choice" })
    .nullable()
    .optional(),
  role: z.enum(perpetratorRoles, { message: "invalid_choice" }),
  custody: z.enum(custodyStatuses, { message: "invalid_choice" }).default("at_large"),
});
export type DefendantInput = z.infer<typeof defendantInput>;

export const chargeInput = z.strictObject({
  defendantId: z.uuid({ message: "invalid_choice" }),
  section: z.string().trim().min(1, { message: "required" }).max(20),
  /** When omitted: whether any linked victim is on the child pathway. */
  minorVictim: z.boolean().optional(),
  chargedOn: isoDate,
});
export type ChargeInput = z.infer<typeof chargeInput>;

export const hearingInput = z.strictObject({
  kind: z.enum(hearingKinds, { message: "invalid_choice" }),
  at: dateTime,
  interpreterId: z.uuid({ message: "invalid_choice" }).nullable().optional(),
});
export type HearingInput = z.infer<typeof hearingInput>;

export const verdictInput = z.strictObject({
  chargeId: z.uuid({ message: "invalid_choice" }),
  outcome: z.enum(verdictOutcomes, { message: "invalid_choice" }),
  decidedOn: isoDate,
  imprisonmentMonths: z
    .number()
    .int({ message: "invalid_type" })
    .min(0, { message: "too_small" })
    .max(600, { message: "too_big" })
    .nullable()
    .optional(),
  suspended: z.boolean().default(false),
  fineEuros: euros.nullable().optional(),
  mitigatingGrounds: z
    .array(z.enum(mitigatingGrounds, { message: "invalid_choice" }))
    .max(mitigatingGrounds.length)
    .default([]),
});
export type VerdictInput = z.infer<typeof verdictInput>;

export const custodyInput = z.strictObject({
  status: z.enum(custodyStatuses, { message: "invalid_choice" }),
  on: isoDate,
});
export type CustodyInput = z.infer<typeof custodyInput>;

export const witnessInput = z.strictObject({
  measuresRequested: z
    .array(z.enum(protectiveMeasures, { message: "invalid_choice" }))
    .max(protectiveMeasures.length),
  measuresGranted: z
    .array(z.enum(protectiveMeasures, { message: "invalid_choice" }))
    .max(protectiveMeasures.length),
  /** The victim's past may be raised only in camera (Reg. 2001/4 s. 7). */
  pastHistoryInCameraOnly: z.boolean(),
  witnessProtectionUnit: z.boolean(),
  /** The free legal counsel assigned to the victim; sealed, as it may point to the victim. */
  lawyer: optionalText(200),
  interpreterId: z.uuid({ message: "invalid_choice" }).nullable().optional(),
});
export type WitnessInput = z.infer<typeof witnessInput>;

/** That the witness was told of the protective measures (Reg. 2001/20 s. 3.1): when (now by default); who is the user. */
export const informedInput = z.strictObject({ informedAt: dateTime.optional() });
export type InformedInput = z.infer<typeof informedInput>;

export const testimonyInput = z.strictObject({
  kind: z.enum(testimonyKinds, { message: "invalid_choice" }),
  presence: z.enum(testimonyPresences, { message: "invalid_choice" }),
  on: isoDate,
});
export type TestimonyInput = z.infer<typeof testimonyInput>;

/** A risk reassessment after a defendant's release: the level now. */
export const reassessmentInput = z.strictObject({
  level: z.enum(riskLevels, { message: "invalid_choice" }),
});
export type ReassessmentInput = z.infer<typeof reassessmentInput>;

export const compensationInput = z.strictObject({
  kind: z.enum(compensationKinds, { message: "invalid_choice" }),
  proceedingId: z.uuid({ message: "invalid_choice" }).nullable().optional(),
  claimedEuros: euros,
  claimedOn: isoDate,
});
export type CompensationInput = z.infer<typeof compensationInput>;

export const compensationUpdate = z.strictObject({
  decidedEuros: euros.nullable().optional(),
  decidedOn: isoDate.nullable().optional(),
  paidEuros: euros.nullable().optional(),
  paidOn: isoDate.nullable().optional(),
});
export type CompensationUpdate = z.infer<typeof compensationUpdate>;
