import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../agencies/schema";
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
