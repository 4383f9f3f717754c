import { doublePrecision, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea } from "../../platform/crypto/schema";
import { agencies, users } from "../agencies/schema";
import { persons } from "../cases/schema";

/**
 * The exact identity key of a person record: a keyed hash (system blind-index key) of the folded
 * names and birth date, never the names or date themselves. Records with equal keys are one person
 * in the statistics (seed 001, recommendation 1: a unified collection without duplicates).
 */
export const statisticsPersonIdentities = pgTable(
  "statistics_person_identities",
  {
    personId: uuid("person_id")
      .primaryKey()
      .references(() => persons.id),
    identityKey: bytea("identity_key").notNull(),
    derivedAt: timestamp("derived_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("statistics_person_identities_key_idx").on(t.identityKey)],
);

/** One committed legacy import: who, when, how many rows (counts only). */
export const statisticsImports = pgTable(
  "statistics_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    importedBy: uuid("imported_by")
      .notNull()
      .references(() => users.id),
    rowCount: integer("row_count").notNull(),
    duplicateCount: integer("duplicate_count").notNull(),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("statistics_imports_agency_idx").on(t.agencyId, t.importedAt)],
);

/**
 * The privacy-budget ledger of differentially private releases: one row per release and year of
 * data it covers. People are counted in one year each, so releases on different years compose in
 * parallel and the budget is kept per year of data; within a year, ε adds up.
 */
export const statisticsPrivacyLedger = pgTable(
  "statistics_privacy_ledger",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    releaseId: uuid("release_id").notNull(),
    dataYear: integer("data_year").notNull(),
    tableId: text("table_id").notNull(),
    epsilon: doublePrecision("epsilon").notNull(),
    releasedBy: uuid("released_by")
      .notNull()
      .references(() => users.id),
    releasedAt: timestamp("released_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("statistics_privacy_ledger_year_idx").on(t.dataYear)],
);
