import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { ErasableKind, ErasureReason, HoldReason } from "../../../shared/retention";
import { dataKeys } from "../../platform/crypto/schema";
import { agencies, users } from "../agencies/schema";
import { cases } from "../cases/schema";

/**
 * One erasure: the record's data key was destroyed, so everything sealed under it is gone, backups
 * included once the master key is rotated. The row keeps who, when and why (codes only); the case
 * stays as a shell with its reference, dates and codes for statistics and the audit trail.
 */
export const retentionErasures = pgTable(
  "retention_erasures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<ErasableKind>().notNull(),
    /** The person, hotline contact or proceeding whose key was destroyed. */
    recordId: uuid("record_id").notNull(),
    caseId: uuid("case_id").references(() => cases.id),
    dataKeyId: uuid("data_key_id")
      .notNull()
      .references(() => dataKeys.id),
    reason: text("reason").$type<ErasureReason>().notNull(),
    erasedBy: uuid("erased_by")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    erasedAt: timestamp("erased_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("retention_erasures_record_idx").on(t.kind, t.recordId),
    index("retention_erasures_case_idx").on(t.caseId),
  ],
);

/**
 * A legal hold: a proceeding, an appeal or a claim needs the case, so its identity is not erased
 * until the hold is lifted. Placed by a prosecutor or a supervisor on the case team.
 */
export const legalHolds = pgTable(
  "legal_holds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    reason: text("reason").$type<HoldReason>().notNull(),
    /** The court's or prosecutor's file number: a reference, never a name. */
    proceedingReference: text("proceeding_reference"),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    placedBy: uuid("placed_by")
      .notNull()
      .references(() => users.id),
    placedAt: timestamp("placed_at", { withTimezone: true }).notNull(),
    liftedBy: uuid("lifted_by").references(() => users.id),
    liftedAt: timestamp("lifted_at", { withTimezone: true }),
  },
  (t) => [
    index("legal_holds_case_idx").on(t.caseId),
    index("legal_holds_standing_idx")
      .on(t.caseId)
      .where(sql`${t.liftedAt} is null`),
  ],
);
