import { z } from "zod";
import { isoDate } from "./registration";
import { countryCodes, genders } from "./vocabulary";

const name = (max: number) => z.string().trim().max(max, { message: "too_long" });

/**
 * The identity fields of a registration being written, sent before saving to look for possible
 * earlier records of the same person. In a request body only, never in a URL (names in URLs end up
 * in logs).
 */
export const candidatesInput = z.strictObject({
  givenName: name(100).min(1, { message: "required" }),
  familyName: name(100).optional().nullable(),
  birthDate: isoDate.optional().nullable(),
  estimatedAge: z
    .number()
    .int()
    .min(0, { message: "too_small" })
    .max(120, { message: "too_big" })
    .optional()
    .nullable(),
  gender: z.enum(genders, { message: "invalid_choice" }).optional().nullable(),
  citizenship: z
    .array(z.string().refine((c) => countryCodes.includes(c), { message: "invalid_choice" }))
    .max(4, { message: "too_many" })
    .default([]),
});
export type CandidatesInput = z.infer<typeof candidatesInput>;

/** Codes of the reasons a pair is judged one person; the web translates them. */
export const matchReasons = [
  "family.exact",
  "family.phonetic",
  "family.token",
  "family.close",
  "family.similar",
  "family.differs",
  "family.missing",
  "family.variant",
  "given.exact",
  "given.phonetic",
  "given.variant",
  "given.token",
  "given.close",
  "given.similar",
  "given.differs",
  "given.missing",
  "names.swapped",
  "birth.exact",
  "birth.day_month_swapped",
  "birth.one_part_differs",
  "birth.year_typo",
  "birth.year_equal",
  "birth.year_only_equal",
  "birth.year_near",
  "birth.year_near_2",
  "birth.year_digit",
  "birth.differs",
  "birth.missing",
  "sex.equal",
  "sex.differs",
  "citizenship.equal",
  "citizenship.differs",
] as const;
export type MatchReason = (typeof matchReasons)[number];

export interface VisibleCandidate {
  reference: string;
  /** Probability that it is the same person, 0 to 1. */
  score: number;
  reasons: MatchReason[];
}

/** A possible earlier record at an agency whose case the user may not see: only the agency. */
export interface RecordElsewhere {
  agency: { id: string; name: string };
  requestId: string;
}

export interface CandidatesResult {
  candidates: VisibleCandidate[];
  elsewhere: RecordElsewhere[];
}
