import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { BreakGlassReason } from "../../../shared/breakglass";
import { bytea } from "../../platform/crypto/schema";
import { agencies, users } from "../agencies/schema";
import { cases } from "../cases/schema";

/**
 * Emergency access to a case by someone whose agency is not on its team ("break-glass", issue 10
 * item 5): who, which case, why, from when until when, and when and by whom it was ended early.
 * The free text beside the reason code may name people: sealed under the person's data key.
 */
export const breakGlassGrants = pgTable(
  "break_glass_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    reasonCode: text("reason_code").$type<BreakGlassReason>().notNull(),
    reasonText: bytea("reason_text_sealed"),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedBy: uuid("ended_by").references(() => users.id),
  },
  (t) => [
    index("break_glass_grants_user_idx").on(t.userId, t.caseId, t.expiresAt),
    index("break_glass_grants_case_idx").on(t.caseId, t.grantedAt),
    index("break_glass_grants_granted_idx").on(t.grantedAt),
  ],
);
