import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { bytea } from "../../platform/crypto/schema";
import { agencies, users } from "../agencies/schema";
import { cases, persons } from "../cases/schema";

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

/**
 * One row per case with the codes the dashboard counts, so that a dashboard over a million cases
 * reads one narrow table (issue 8: each query within 1 s). Kept by database triggers in the same
 * transaction as every write to cases, persons and identity keys (migration 0019), whichever
 * module writes them. `personKey` is the exact identity key when known, else the person record's
 * own id (16 bytes both); `repeated` marks keys held by more than one case, the only cases whose
 * first identification must be looked for among others.
 */
export const statisticsCaseFacts = pgTable(
  "statistics_case_facts",
  {
    caseId: uuid("case_id")
      .primaryKey()
      .references(() => cases.id, { onDelete: "cascade" }),
    personKey: bytea("person_key").notNull(),
    repeated: boolean("repeated").notNull().default(false),
    first: boolean("first").notNull().default(true),
    identificationDate: date("identification_date", { mode: "string" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    year: integer("year").notNull(),
    region: text("region").notNull(),
    identifyingAgencyId: uuid("identifying_agency_id").notNull(),
    age: integer("age"),
    source: text("source").notNull(),
    exploitationTypes: text("exploitation_types").array().notNull(),
    gender: text("gender").notNull(),
    citizenship: text("citizenship").array().notNull(),
  },
  (t) => [
    index("statistics_case_facts_person_key_idx").on(t.personKey),
    index("statistics_case_facts_region_idx").on(t.region, t.year),
    index("statistics_case_facts_agency_idx").on(t.identifyingAgencyId, t.year),
    index("statistics_case_facts_repeated_idx")
      .on(t.caseId)
      .where(sql`${t.repeated}`),
  ],
);

/**
 * The case facts counted by their codes (`n` cases each), kept with them by the same triggers:
 * the national dashboard sums these few rows instead of reading a million facts. `first` is the
 * person's first identification among all cases, which is the one counted when no region or
 * agency narrows the cases; with a filter, cells of keys held by one case are still exact.
 */
export const statisticsIdentifiedCells = pgTable(
  "statistics_identified_cells",
  {
    year: integer("year").notNull(),
    region: text("region").notNull(),
    identifyingAgencyId: uuid("identifying_agency_id").notNull(),
    repeated: boolean("repeated").notNull(),
    first: boolean("first").notNull(),
    age: integer("age"),
    source: text("source").notNull(),
    exploitationTypes: text("exploitation_types").array().notNull(),
    gender: text("gender").notNull(),
    citizenship: text("citizenship").array().notNull(),
    n: integer("n").notNull(),
  },
  (t) => [
    index("statistics_identified_cells_key_idx").on(
      t.year,
      t.region,
      t.identifyingAgencyId,
      t.gender,
      t.source,
    ),
  ],
);
