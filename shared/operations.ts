import { z } from "zod";
import { isoDate, personInput } from "./registration";
import { identificationSources, languageCodes } from "./vocabulary";

/** Where a police operation stands; only the filing police move it on. */
export const operationStatuses = ["planned", "started", "finished"] as const;
export type OperationStatus = (typeof operationStatuses)[number];

const text = (max: number) =>
  z.string().trim().min(1, { message: "required" }).max(max, { message: "too_long" });

/**
 * Advance notice of a raid or operation (seed 000: the shelters are told ahead so that places are
 * ready). The target and the start time are operational secrets of the filing police.
 */
export const noticeInput = z.strictObject({
  plannedOn: isoDate,
  region: text(60),
  expectedPeople: z.number().int({ message: "invalid_type" }).min(1, { message: "too_small" }).max(500),
  expectedMinors: z.number().int({ message: "invalid_type" }).min(0, { message: "too_small" }).max(500),
  languages: z
    .array(z.enum(languageCodes, { message: "invalid_choice" }))
    .max(10)
    .default([]),
  target: text(500),
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "invalid_time" }),
});
export type NoticeInput = z.infer<typeof noticeInput>;

export const noticeStatusInput = z.strictObject({ status: z.enum(["started", "finished"]) });

/** One person found, as few fields as the police can fill in on a phone at the scene. */
export const batchPersonInput = personInput.pick({
  givenName: true,
  familyName: true,
  gender: true,
  birthDate: true,
  estimatedAge: true,
  citizenship: true,
  primaryLanguage: true,
});
export type BatchPersonInput = z.infer<typeof batchPersonInput>;

/** The people found in one operation: where, when and how they were found is the same for all. */
export const batchInput = z.strictObject({
  identificationDate: isoDate,
  identificationRegion: text(60),
  source: z.enum(identificationSources, { message: "invalid_choice" }),
  people: z.array(batchPersonInput).min(1, { message: "required" }).max(50, { message: "too_many" }),
});
export type BatchInput = z.infer<typeof batchInput>;
