import { z } from "zod";
import { riskLevels } from "./interview";
import { isoDate } from "./registration";

/** Who a shelter takes in (seed 002: separate shelters for foreign and domestic victims, and for children). */
export const shelterKinds = ["foreign_victims", "domestic_victims", "children"] as const;
export type ShelterKind = (typeof shelterKinds)[number];

/** A shelter states which of the person's risk levels (set at interview) it is equipped to protect. */
export { riskLevels, type RiskLevel } from "./interview";

/** An emergency admission takes the person in at once; a planned one follows an agreed referral. */
export const admissionTypes = ["emergency", "planned"] as const;
export type AdmissionType = (typeof admissionTypes)[number];

export const dischargeReasons = [
  "returned_home",
  "moved_on",
  "transferred",
  "left_voluntarily",
  "other",
] as const;
export type DischargeReason = (typeof dischargeReasons)[number];

const text = (max: number) =>
  z.string().trim().min(1, { message: "required" }).max(max, { message: "too_long" });

const beds = z.number().int({ message: "invalid_type" }).min(1).max(500);

/** A room and its beds. A room's name says which room, never who is in it ("Room 2", "Mother and child"). */
export const roomInput = z.strictObject({
  /** An existing room keeps its id when the rooms are edited; a new one has none. */
  id: z.uuid().optional(),
  name: text(60),
  beds: z.number().int({ message: "invalid_type" }).min(1).max(50),
});
export type RoomInput = z.infer<typeof roomInput>;

const rooms = z
  .array(roomInput)
  .max(100, { message: "too_many" })
  .refine((list) => new Set(list.map((room) => room.name.toLowerCase())).size === list.length, {
    message: "duplicate_room",
  });

/**
 * A new shelter. The system administrator names the operator agency; an agency administrator runs
 * their own. Its capacity is given by room and bed; a shelter without rooms gives its beds only.
 */
export const shelterInput = z
  .strictObject({
    agencyId: z.uuid().optional(),
    codeName: text(60),
    kind: z.enum(shelterKinds),
    secure: z.boolean(),
    riskLevels: z.array(z.enum(riskLevels)).min(1, { message: "required" }).max(riskLevels.length),
    capacity: beds.optional(),
    rooms: rooms.optional(),
    address: text(500),
    contacts: z.string().trim().max(500, { message: "too_long" }).optional(),
  })
  .refine((input) => input.capacity !== undefined || (input.rooms?.length ?? 0) > 0, {
    message: "required",
    path: ["capacity"],
  });
export type ShelterInput = z.infer<typeof shelterInput>;

/**
 * What the operator changes about a shelter later. The address is not here: a new address follows
 * a security incident's relocation, so that everyone entitled to it learns the new one.
 */
export const shelterUpdateInput = z.strictObject({
  kind: z.enum(shelterKinds).optional(),
  secure: z.boolean().optional(),
  riskLevels: z.array(z.enum(riskLevels)).min(1, { message: "required" }).max(riskLevels.length).optional(),
  capacity: beds.optional(),
  rooms: rooms.optional(),
  contacts: z.string().trim().max(500, { message: "too_long" }).optional(),
});
export type ShelterUpdateInput = z.infer<typeof shelterUpdateInput>;

const criterionCode = z.string().trim().min(1, { message: "required" }).max(60, { message: "too_long" });

/** Admission of a case's person; the override is a supervisor's, for a child in a shelter not for children. */
export const admissionInput = z.strictObject({
  reference: z.string().trim().min(1, { message: "required" }).max(40, { message: "too_long" }),
  type: z.enum(admissionTypes),
  admittedOn: isoDate,
  /** The room, where the shelter is set up by room. */
  roomId: z.uuid().optional(),
  /**
   * The admission criteria found met, by code from the jurisdiction's shelter configuration. A
   * planned admission needs them all; an emergency admission takes the person in at once and
   * confirms the rest later.
   */
  criteriaMet: z.array(criterionCode).max(30, { message: "too_many" }).optional(),
  override: z.strictObject({ reason: text(2000) }).optional(),
  /** The person moves here from the shelter they stay in: that stay ends with reason "transferred". */
  transfer: z.boolean().optional(),
});
export type AdmissionInput = z.infer<typeof admissionInput>;

export const dischargeInput = z.strictObject({
  reason: z.enum(dischargeReasons),
  dischargedOn: isoDate,
});
export type DischargeInput = z.infer<typeof dischargeInput>;

/** Criteria confirmed after an emergency admission. */
export const criteriaInput = z.strictObject({
  criteriaMet: z.array(criterionCode).min(1, { message: "required" }).max(30, { message: "too_many" }),
});
export type CriteriaInput = z.infer<typeof criteriaInput>;

/**
 * Escort duty for one transfer: the named user may read the address of the shelter the person
 * goes to (and of the one they leave) on that day and the night after, and no longer.
 */
export const escortInput = z.strictObject({
  reference: z.string().trim().min(1, { message: "required" }).max(40, { message: "too_long" }),
  escortUsername: z.string().trim().min(1, { message: "required" }).max(100, { message: "too_long" }),
  onDate: isoDate,
});
export type EscortInput = z.infer<typeof escortInput>;
