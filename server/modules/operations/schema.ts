import { date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { OperationStatus } from "../../../shared/operations";
import type { LanguageCode } from "../../../shared/vocabulary";
import { bytea } from "../../platform/crypto/schema";
import type { FieldLocation } from "../../platform/crypto/keyring";
import { agencies, users } from "../agencies/schema";
import { cases } from "../cases/schema";

/**
 * Advance notice of a police raid or operation (seed 000), so that the shelters can have places
 * ready. The target and the planned start time are sealed under the system key and opened only for
 * the filing police agency: a leak warns the traffickers. The shortage last recorded lets the
 * scheduled check note only a change.
 */
export const operationNotices = pgTable(
  "operation_notices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    plannedOn: date("planned_on", { mode: "string" }).notNull(),
    region: text("region").notNull(),
    expectedPeople: integer("expected_people").notNull(),
    expectedMinors: integer("expected_minors").notNull(),
    languages: text("languages").array().$type<LanguageCode[]>().notNull(),
    target: bytea("target_sealed").notNull(),
    startTime: bytea("start_time_sealed").notNull(),
    status: text("status").$type<OperationStatus>().notNull().default("planned"),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    adultsShort: integer("adults_short").notNull().default(0),
    minorsShort: integer("minors_short").notNull().default(0),
    filedBy: uuid("filed_by")
      .notNull()
      .references(() => users.id),
    filedAt: timestamp("filed_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("operation_notices_agency_idx").on(t.agencyId, t.plannedOn),
    index("operation_notices_status_idx").on(t.status),
  ],
);

/** The cases of the people found in an operation: a case comes from one operation at most. */
export const operationCases = pgTable(
  "operation_cases",
  {
    caseId: uuid("case_id")
      .primaryKey()
      .references(() => cases.id),
    noticeId: uuid("notice_id")
      .notNull()
      .references(() => operationNotices.id),
    registeredAt: timestamp("registered_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("operation_cases_notice_idx").on(t.noticeId)],
);

export const noticeTargetAt = (noticeId: string): FieldLocation => ({
  table: "operation_notices",
  recordId: noticeId,
  field: "target",
});
export const noticeStartTimeAt = (noticeId: string): FieldLocation => ({
  table: "operation_notices",
  recordId: noticeId,
  field: "start_time",
});
