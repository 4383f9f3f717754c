import { z } from "zod";
import {
  controlMethods,
  countryCodes,
  educationLevels,
  exploitationTypes,
  genders,
  identificationSources,
  languageCodes,
  maritalStatuses,
  type Pathway,
  traffickingStatuses,
} from "./vocabulary";

/**
 * The registration form's schema, used as it is by the browser and by the server, so that both
 * refuse the same input for the same reason. Messages are translation keys (shared/messages).
 */
/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "invalid_date" })
  .refine((value) => isRealDate(value), { message: "invalid_date" });

const shortText = (max: number) => z.string().trim().max(max, { message: "too_long" });
const country = z.string().refine((c) => countryCodes.includes(c), { message: "invalid_choice" });
const optional = <T extends z.ZodType>(schema: T) => schema.optional().nullable();

export const personInput = z.strictObject({
  givenName: shortText(100).min(1, { message: "required" }),
  familyName: optional(shortText(100)),
  otherNames: optional(shortText(300)),
  birthDate: optional(isoDate),
  estimatedAge: optional(z.number().int().min(0, { message: "too_small" }).max(120, { message: "too_big" })),
  gender: z.enum(genders, { message: "invalid_choice" }),
  citizenship: z.array(country).max(4, { message: "too_many" }).default([]),
  primaryLanguage: optional(z.enum(languageCodes, { message: "invalid_choice" })),
  otherLanguages: z
    .array(z.enum(languageCodes, { message: "invalid_choice" }))
    .max(10)
    .default([]),
  maritalStatus: optional(z.enum(maritalStatuses, { message: "invalid_choice" })),
  numberOfChildren: optional(
    z.number().int().min(0, { message: "too_small" }).max(30, { message: "too_big" }),
  ),
  education: optional(z.enum(educationLevels, { message: "invalid_choice" })),
  identityNumber: optional(shortText(60)),
  phone: optional(shortText(40)),
  address: optional(shortText(300)),
});

export const registrationInput = z.strictObject({
  person: personInput,
  identificationDate: isoDate,
  identificationRegion: shortText(60).min(1, { message: "required" }),
  identificationPlace: optional(shortText(200)),
  source: z.enum(identificationSources, { message: "invalid_choice" }),
  traffickingStatus: z
    .enum(traffickingStatuses, { message: "invalid_choice" })
    .default("PossibleVictimOfTrafficking"),
  exploitationTypes: z
    .array(z.enum(exploitationTypes, { message: "invalid_choice" }))
    .max(11)
    .default([]),
  controlMethods: z
    .array(z.enum(controlMethods, { message: "invalid_choice" }))
    .max(16)
    .default([]),
  circumstances: optional(shortText(4000)),
});

export type PersonInput = z.infer<typeof personInput>;
export type RegistrationInput = z.infer<typeof registrationInput>;

export interface FieldIssue {
  field: string;
  code: string;
}

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Whole years between two ISO dates (the birthday counts on its day). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [oy, om, od] = on.split("-").map(Number) as [number, number, number];
  return oy - by - (om < bm || (om === bm && od < bd) ? 1 : 0);
}

/** Age at identification, from the birth date when known, else the estimate; null when unknown. */
export function ageAtIdentification(
  input: Pick<RegistrationInput, "identificationDate"> & {
    person: Pick<PersonInput, "birthDate" | "estimatedAge">;
  },
): number | null {
  if (input.person.birthDate) return ageOn(input.person.birthDate, input.identificationDate);
  return input.person.estimatedAge ?? null;
}

/**
 * DOMAIN.md: under 18 or age unknown is the child pathway (a person whose age is unknown is treated
 * as a child until assessed); otherwise foreign or domestic by citizenship.
 */
export function derivePathway(
  age: number | null,
  citizenship: readonly string[],
  homeCountries: readonly string[],
): Pathway {
  if (age === null || age < 18) return "child";
  return citizenship.some((c) => homeCountries.includes(c)) ? "domestic_adult" : "foreign_adult";
}

/** Rules across fields, which the schema alone cannot express. `today` is the jurisdiction's date. */
export function registrationIssues(
  input: RegistrationInput,
  today: string,
  regions: readonly string[],
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.identificationDate > today) issues.push({ field: "identificationDate", code: "date_in_future" });
  if (!regions.includes(input.identificationRegion))
    issues.push({ field: "identificationRegion", code: "invalid_choice" });
  const birth = input.person.birthDate;
  if (birth) {
    if (birth > input.identificationDate)
      issues.push({ field: "person.birthDate", code: "birth_after_identification" });
    else if (ageOn(birth, input.identificationDate) > 120)
      issues.push({ field: "person.birthDate", code: "too_old" });
  }
  return issues;
}
