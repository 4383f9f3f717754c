import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Role } from "../../../shared/roles";
import { agencies, users } from "../agencies/schema";
import { cases } from "../cases/schema";

/**
 * A stored alarm about a case for an agency (issue 3, item 11): raised by the scheduler inside the
 * server when something the SOP demands has not happened in time, or by a command that must tell
 * another agency (a prosecutor told of a voluntary return). Stored, so it survives restarts.
 *
 * An alert names the case by reference and says what is wrong by its kind and a few codes and
 * dates in `params`: never a name, never free text, because it is shown to agencies (a national
 * coordinator) that may not see the case file itself.
 */
export const alerts = pgTable(
  "alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The case it is about; null for an alert about no case yet (places short for an operation). */
    caseId: uuid("case_id").references(() => cases.id),
    /** The agency that must act. */
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    /** Within the agency, the role that must act; null for everyone there who works on cases. */
    role: text("role").$type<Role>(),
    kind: text("kind").notNull(),
    /** What the alert is about within its kind and case (a task id, "guardian"): one open alert each. */
    subject: text("subject").notNull(),
    /** 0 for the agency responsible, 1 and up for those it is escalated to. */
    level: integer("level").notNull().default(0),
    params: jsonb("params").$type<Record<string, string | number | boolean>>().notNull().default({}),
    /** When the thing alerted about was due, if it had a due time. */
    dueAt: timestamp("due_at", { withTimezone: true }),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedBy: uuid("acknowledged_by").references(() => users.id),
    /** Set when the condition ends (the task is done, the guardian assigned): the alert leaves the lists. */
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [
    // One open alert per subject and recipient: the scheduler may run as often as it likes. An
    // alert about no case counts as one case here (a unique index would let nulls repeat).
    uniqueIndex("alerts_open_unique_idx")
      .on(
        t.kind,
        sql`coalesce(${t.caseId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
        t.subject,
        t.agencyId,
        t.level,
      )
      .where(sql`${t.resolvedAt} is null`),
    index("alerts_agency_open_idx").on(t.agencyId, t.resolvedAt, t.raisedAt),
    index("alerts_case_idx").on(t.caseId),
  ],
);
