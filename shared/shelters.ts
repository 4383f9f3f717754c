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

/** A new shelter. The system administrator names the operator agency; an agency administrator runs their own. */
export const shelterInput = z.strictObject({
  agencyId: z.uuid().optional(),
  codeName: text(60),
  kind: z.enum(shelterKinds),
  secure: z.boolean(),
  riskLevels: z.array(z.enum(riskLevels)).min(1, { message: "required" }).max(riskLevels.length),
  capacity: z.number().int({ message: "invalid_type" }).min(1).max(500),
  address: text(500),
  contacts: z.string().trim().max(500, { message: "too_long" }).optional(),
});
export type ShelterInput = z.infer<typeof shelterInput>;

/** Admission of a case's person; the override is a supervisor's, for a child in a shelter not for children. */
export const admissionInput = z.strictObject({
  reference: z.string().trim().min(1, { message: "required" }).max(40, { message: "too_long" }),
  type: z.enum(admissionTypes),
  admittedOn: isoDate,
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
