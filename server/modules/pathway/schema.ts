import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
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
