import { z } from "zod";
import { riskLevels } from "./interview";
import { isoDate } from "./registration";
import { languageCodes } from "./vocabulary";

export { riskLevels, type RiskLevel } from "./interview";

/** Security incidents at a shelter (seed 002: shelters' security; issue 4). */
export const incidentKinds = ["location_compromised", "intrusion", "threats", "other"] as const;
export type IncidentKind = (typeof incidentKinds)[number];

export const interpreterAvailabilities = ["available", "unavailable"] as const;
export type InterpreterAvailability = (typeof interpreterAvailabilities)[number];

/** What an interpreter is booked for: the interview, a hearing, or an assistance service. */
export const assignmentKinds = ["interview", "hearing", "service"] as const;
export type AssignmentKind = (typeof assignmentKinds)[number];

const text = (max: number) =>
  z.string().trim().min(1, { message: "required" }).max(max, { message: "too_long" });
const dateTime = z.iso
  .datetime({ offset: true, message: "invalid_date" })
  .transform((value) => new Date(value));

export const riskLevelInput = z.strictObject({
  level: z.enum(riskLevels, { message: "invalid_choice" }),
  reason: text(2000),
});
export type RiskLevelInput = z.infer<typeof riskLevelInput>;

export const incidentInput = z.strictObject({
  kind: z.enum(incidentKinds, { message: "invalid_choice" }),
  occurredAt: dateTime,
  description: text(4000),
});
export type IncidentInput = z.infer<typeof incidentInput>;

/** The shelter's new address after its location was compromised: it replaces the old one. */
export const relocationInput = z.strictObject({
  incidentId: z.uuid({ message: "invalid_choice" }),
  address: text(500),
  contacts: z.string().trim().max(500, { message: "too_long" }).optional(),
});
export type RelocationInput = z.infer<typeof relocationInput>;

export const interpreterInput = z.strictObject({
  name: text(200),
  languages: z
    .array(z.enum(languageCodes, { message: "invalid_choice" }))
    .min(1, { message: "required" })
    .max(languageCodes.length),
  availability: z.enum(interpreterAvailabilities, { message: "invalid_choice" }),
  phone: z.string().trim().max(60, { message: "too_long" }).optional(),
});
export type InterpreterInput = z.infer<typeof interpreterInput>;

export const interpreterUpdate = z.strictObject({
  availability: z.enum(interpreterAvailabilities, { message: "invalid_choice" }),
});

export const assignmentInput = z.strictObject({
  interpreterId: z.uuid({ message: "invalid_choice" }),
  kind: z.enum(assignmentKinds, { message: "invalid_choice" }),
  on: isoDate,
});
export type AssignmentInput = z.infer<typeof assignmentInput>;
