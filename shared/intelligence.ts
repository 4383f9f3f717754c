import { z } from "zod";
import { isoDate, personInput } from "./registration";
import { countryCodes, type IdentificationSource } from "./vocabulary";

/** Kinds of premises where trafficking was found in Kosovo (seed 002): bars, clubs, motels, flats. */
export const premisesKinds = [
  "night_bar",
  "club",
  "motel",
  "hotel",
  "restaurant",
  "cafe",
  "private_flat",
  "private_house",
] as const;
export type PremisesKind = (typeof premisesKinds)[number];

/**
 * Where a premises stands. "closed_by_order" is reached only by recording a court order; the others
 * by a decision of the police, with its source.
 */
export const premisesStatuses = [
  "suspected",
  "off_limits",
  "closed_by_order",
  "reopened",
  "cleared",
] as const;
export type PremisesStatus = (typeof premisesStatuses)[number];
export const decidedStatuses = ["suspected", "off_limits", "reopened", "cleared"] as const;

/** Where a change of status came from. */
export const statusSources = [
  "investigation",
  "operation",
  "inspection",
  "informant",
  "court_order",
  "review",
] as const;
export type StatusSource = (typeof statusSources)[number];

export const partyRoles = ["operator", "owner"] as const;
export const partyKinds = ["person", "company"] as const;

export const operationKinds = ["raid", "joint_inspection", "undercover", "border_check"] as const;
export type OperationKind = (typeof operationKinds)[number];

/** The identification source a case created from an operation carries: all that assistance agencies see. */
export const sourceOfOperation: Record<OperationKind, IdentificationSource> = {
  raid: "police_raid",
  joint_inspection: "inspection",
  undercover: "undercover_operation",
  border_check: "border_police",
};

/** Inspectors who join a joint inspection (seed 002: fire and health inspectors with the police). */
export const inspectorKinds = ["fire", "health", "labour"] as const;
export const seizureKinds = [
  "cash",
  "identity_documents",
  "phones",
  "weapons",
  "drugs",
  "vehicles",
  "other",
] as const;
export const interpreterStates = ["present", "not_needed", "absent"] as const;

/** HTCDS 2.0 per_RoleInProcess: the roles a perpetrator played in the trafficking process. */
export const perpetratorRoles = [
  "TravellingPartner",
  "Transporter",
  "RecruiterOrIntermediary",
  "BrokerTravelAgent",
  "TransferredIndividual",
  "HarbouredIndividual",
  "SoldIndividual",
  "BoughtIndividual",
  "ReceivedIndividual",
  "ControlledIndividual",
  "Smuggler",
  "Abuser",
  "Kidnapper",
  "Exploiter",
  "Other",
] as const;
export const suspectKinds = ["person", "organisation"] as const;

export const offLimitsLanguages = ["en", "sq"] as const;
export type OffLimitsLanguage = (typeof offLimitsLanguages)[number];

const text = (max: number) =>
  z.string().trim().min(1, { message: "required" }).max(max, { message: "too_long" });
const count = z
  .number()
  .int({ message: "invalid_type" })
  .min(0, { message: "too_small" })
  .max(1000, { message: "too_big" });
const country = z.string().refine((c) => countryCodes.includes(c), { message: "invalid_choice" });

export const partyInput = z.strictObject({
  role: z.enum(partyRoles, { message: "invalid_choice" }),
  kind: z.enum(partyKinds, { message: "invalid_choice" }),
  name: text(200),
});
export type PartyInput = z.infer<typeof partyInput>;

export const premisesInput = z.strictObject({
  name: text(200),
  kind: z.enum(premisesKinds, { message: "invalid_choice" }),
  address: text(300),
  municipality: text(80),
  region: text(60),
  status: z.enum(["suspected", "off_limits"], { message: "invalid_choice" }).default("suspected"),
  source: z.enum(statusSources, { message: "invalid_choice" }).default("investigation"),
  parties: z.array(partyInput).max(20, { message: "too_many" }).default([]),
});
export type PremisesInput = z.infer<typeof premisesInput>;

export const statusInput = z.strictObject({
  status: z.enum(decidedStatuses, { message: "invalid_choice" }),
  source: z.enum(statusSources, { message: "invalid_choice" }),
  on: isoDate,
});
export type StatusInput = z.infer<typeof statusInput>;

/** A closure ordered by a court: when, by which court, for how long (no duration: until lifted). */
export const closureInput = z.strictObject({
  orderedOn: isoDate,
  authority: text(200),
  durationDays: z
    .number()
    .int({ message: "invalid_type" })
    .min(1, { message: "too_small" })
    .max(3650, { message: "too_big" })
    .nullable()
    .default(null),
});
export type ClosureInput = z.infer<typeof closureInput>;

export const flagDecisionInput = z.strictObject({ decision: z.enum(["confirmed", "dismissed"]) });

/** The safe-interview checklist (seed 002): where and how the people found were first spoken to. */
export const interviewChecklist = z.strictObject({
  inPrivate: z.boolean(),
  outOfSightAndHearingOfOwners: z.boolean(),
  interpreter: z.enum(interpreterStates, { message: "invalid_choice" }),
  femaleOfficerPresent: z.boolean(),
});
export type InterviewChecklist = z.infer<typeof interviewChecklist>;

export const operationInput = z.strictObject({
  kind: z.enum(operationKinds, { message: "invalid_choice" }),
  conductedOn: isoDate,
  region: text(60),
  premisesId: z.uuid({ message: "not_found" }).nullable().default(null),
  units: text(300),
  inspectors: z
    .array(z.enum(inspectorKinds, { message: "invalid_choice" }))
    .max(3)
    .default([]),
  peopleFound: count,
  arrests: z
    .array(z.strictObject({ nationality: country }))
    .max(200, { message: "too_many" })
    .default([]),
  seizures: z
    .array(z.strictObject({ kind: z.enum(seizureKinds, { message: "invalid_choice" }), quantity: count }))
    .max(20, { message: "too_many" })
    .default([]),
  interview: interviewChecklist,
});
export type OperationInput = z.infer<typeof operationInput>;

/** A person identified in the operation: a new case (registration) or an existing one (reference). */
export const identifiedInput = z.union([
  z.strictObject({ person: personInput }),
  z.strictObject({ reference: text(40) }),
]);
export type IdentifiedInput = z.infer<typeof identifiedInput>;

export const suspectInput = z.strictObject({
  kind: z.enum(suspectKinds, { message: "invalid_choice" }),
  name: text(200),
  nationality: country.nullable().default(null),
  roles: z
    .array(z.enum(perpetratorRoles, { message: "invalid_choice" }))
    .min(1, { message: "required" })
    .max(15),
  premisesIds: z
    .array(z.uuid({ message: "not_found" }))
    .max(20)
    .default([]),
  operationIds: z
    .array(z.uuid({ message: "not_found" }))
    .max(20)
    .default([]),
  proceedings: z.string().trim().max(100, { message: "too_long" }).nullable().default(null),
});
export type SuspectInput = z.infer<typeof suspectInput>;

export const figuresQuery = z.strictObject({ from: isoDate, to: isoDate });
