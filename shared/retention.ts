import { z } from "zod";

/**
 * What a sealed field reads as once its data key is destroyed (erasure by crypto-shredding): the
 * ciphertext stays, but nothing can open it again. Pages show the field as erased.
 */
export const ERASED = "[erased]";

/** The kinds of record whose identifying content is erased by destroying their own data key. */
export const erasableKinds = ["person", "hotline_contact", "proceeding"] as const;
export type ErasableKind = (typeof erasableKinds)[number];

/** Why identity is erased: the retention period ended, the person asked, or it was unlawfully kept. */
export const erasureReasons = ["retention_expired", "person_request", "unlawfully_recorded"] as const;
export type ErasureReason = (typeof erasureReasons)[number];

/** Why a case must be kept beyond its retention period. */
export const holdReasons = [
  "criminal_proceedings",
  "appeal_pending",
  "compensation_claim",
  "investigation",
  "court_order",
] as const;
export type HoldReason = (typeof holdReasons)[number];

export const eraseCaseInput = z.strictObject({
  reason: z.enum(erasureReasons, { message: "invalid_choice" }),
  /** The case reference typed again by the user: erasure cannot be undone. */
  confirmReference: z.string().trim().min(1, { message: "required" }).max(40, { message: "too_long" }),
});
export type EraseCaseInput = z.infer<typeof eraseCaseInput>;

export const placeHoldInput = z.strictObject({
  reason: z.enum(holdReasons, { message: "invalid_choice" }),
  /** The court's or prosecutor's file number; a reference, never a name. */
  proceedingReference: z
    .string()
    .trim()
    .max(60, { message: "too_long" })
    .regex(/^[\p{L}\p{N} ./\-_:]*$/u, { message: "invalid_reference" })
    .optional(),
});
export type PlaceHoldInput = z.infer<typeof placeHoldInput>;
