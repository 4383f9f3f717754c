import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { ClosureOutcome } from "../../../shared/vocabulary";
import { bytea } from "../../platform/crypto/schema";
import { agencies, users } from "../agencies/schema";
import { cases } from "../cases/schema";
import type { Stage } from "./vocabulary";

/** Where each case stands in its SOP, and which version of the SOP it follows. */
export const casePathways = pgTable("case_pathways", {
  caseId: uuid("case_id")
    .primaryKey()
    .references(() => cases.id),
  /** The SOP version the case follows: a later SOP change does not rewrite open cases' rules. */
  sopVersion: text("sop_version").notNull(),
  stage: text("stage").$type<Stage>().notNull(),
  stageEnteredAt: timestamp("stage_entered_at", { withTimezone: true }).notNull(),
  movedBy: uuid("moved_by").references(() => users.id),
});

export const taskStatuses = ["open", "done"] as const;
export type TaskStatus = (typeof taskStatuses)[number];

/**
 * What an agency must do for a case, created from the SOP when the case enters a stage (issue 3,
 * items 8 and 11). The code is the SOP's task code; the due time is fixed when the task is created.
 */
export const pathwayTasks = pgTable(
  "pathway_tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    code: text("code").notNull(),
    /** The agency that must do it. */
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    status: text("status").$type<TaskStatus>().notNull().default("open"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    doneAt: timestamp("done_at", { withTimezone: true }),
    doneBy: uuid("done_by").references(() => users.id),
  },
  (t) => [
    index("pathway_tasks_agency_status_idx").on(t.agencyId, t.status, t.dueAt),
    index("pathway_tasks_case_idx").on(t.caseId),
  ],
);

export const closureStatuses = ["proposed", "approved", "rejected", "superseded"] as const;
export type ClosureStatus = (typeof closureStatuses)[number];

/**
 * A proposal to close a case and a supervisor's answer to it (issue 3, item 10). Four eyes: the
 * one who approves is never the one who proposed. An approved closure is superseded when the case
 * is reopened, so the next closure needs a fresh approval.
 */
export const caseClosures = pgTable(
  "case_closures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    outcome: text("outcome").$type<ClosureOutcome>().notNull(),
    /** Sealed under the person's data key: free text may name the person or others. */
    outcomeNote: bytea("outcome_note_sealed"),
    status: text("status").$type<ClosureStatus>().notNull().default("proposed"),
    proposedBy: uuid("proposed_by")
      .notNull()
      .references(() => users.id),
    proposedAt: timestamp("proposed_at", { withTimezone: true }).notNull(),
    approvedBy: uuid("approved_by").references(() => users.id),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    rejectedBy: uuid("rejected_by").references(() => users.id),
    rejectedAt: timestamp("rejected_at", { withTimezone: true }),
    /** Sealed like the note, for the same reason. */
    rejectionReason: bytea("rejection_reason_sealed"),
  },
  (t) => [index("case_closures_case_idx").on(t.caseId, t.proposedAt)],
);

/**
 * Why a closed case is reopened, recorded by a supervisor before the case leaves closure. It
 * names the approved closure it answers, so a reason given for an earlier closure never opens a
 * later one.
 */
export const reopeningReasons = pgTable(
  "reopening_reasons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    closureId: uuid("closure_id")
      .notNull()
      .references(() => caseClosures.id),
    /** Sealed under the person's data key. */
    reason: bytea("reason_sealed").notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("reopening_reasons_closure_idx").on(t.closureId)],
);
