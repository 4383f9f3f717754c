import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea } from "../crypto/schema";

/**
 * Every write and every read of identifying data. Hash-chained: each row's hash covers its content
 * and the previous row's hash, so editing or deleting a row breaks verification from there on.
 * `detail` never holds personal data: references, field names, counts.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull(),
    actorUserId: uuid("actor_user_id"),
    actorAgencyId: uuid("actor_agency_id"),
    action: text("action").notNull(),
    caseId: uuid("case_id"),
    entity: text("entity"),
    entityId: text("entity_id"),
    detail: jsonb("detail").$type<AuditDetail>().notNull(),
    ip: text("ip"),
    reason: text("reason"),
    prevHash: bytea("prev_hash").notNull(),
    hash: bytea("hash").notNull(),
  },
  (t) => [
    index("audit_events_case_idx").on(t.caseId, t.seq),
    index("audit_events_actor_idx").on(t.actorUserId, t.seq),
    index("audit_events_at_idx").on(t.at),
  ],
);

/** The chain's head; its row lock serialises appends so the chain never forks. */
export const auditHead = pgTable("audit_head", {
  id: integer("id").primaryKey(),
  seq: bigint("seq", { mode: "number" }).notNull(),
  hash: bytea("hash").notNull(),
});

export type AuditDetail = Record<string, string | number | boolean | null | string[]>;
