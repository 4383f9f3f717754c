import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { LanguageCode, PersonRight } from "../../../shared/vocabulary";
import { agencies, users } from "../agencies/schema";
import { cases } from "../cases/schema";

/**
 * That the person was informed of their rights: which, in which language, by whom and when
 * (DOMAIN.md "The pathway" step 2). A case may have several: the person may be told again later,
 * in another language or with an interpreter. Records are never edited: a correction is a new one.
 */
export const rightsInformation = pgTable(
  "rights_information",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    rights: text("rights").array().$type<PersonRight[]>().notNull(),
    language: text("language").$type<LanguageCode>().notNull(),
    withInterpreter: boolean("with_interpreter").notNull(),
    /** Whether the person said they understood: "informed" without it is a weaker record. */
    understood: boolean("understood").notNull(),
    informedAt: timestamp("informed_at", { withTimezone: true }).notNull(),
    informedBy: uuid("informed_by")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("rights_information_case_idx").on(t.caseId, t.informedAt)],
);
