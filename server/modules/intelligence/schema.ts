import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type {
  InterviewChecklist,
  OperationKind,
  PremisesKind,
  PremisesStatus,
  StatusSource,
} from "../../../shared/intelligence";
import { bytea } from "../../platform/crypto/schema";
import type { FieldLocation } from "../../platform/crypto/keyring";
import { agencies, users } from "../agencies/schema";
import { cases } from "../cases/schema";

/**
 * Police intelligence, kept apart from assistance data (DOMAIN.md, seed 002 ch. 4): no table here is
 * read by the case modules. Names and addresses are sealed under the system key; an address is
 * compared with others only through its keyed blind index.
 */
export const intelPremises = pgTable(
  "intel_premises",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: bytea("name_sealed").notNull(),
    kind: text("kind").$type<PremisesKind>().notNull(),
    address: bytea("address_sealed").notNull(),
    addressIndex: bytea("address_index").notNull(),
    municipality: text("municipality").notNull(),
    region: text("region").notNull(),
    status: text("status").$type<PremisesStatus>().notNull(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("intel_premises_address_idx").on(t.addressIndex),
    index("intel_premises_status_idx").on(t.status),
  ],
);

/** Operators and owners, people or companies; the name's blind index finds the operator of a closed one. */
export const intelPremisesParties = pgTable(
  "intel_premises_parties",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    premisesId: uuid("premises_id")
      .notNull()
      .references(() => intelPremises.id),
    role: text("role").$type<"operator" | "owner">().notNull(),
    kind: text("kind").$type<"person" | "company">().notNull(),
    name: bytea("name_sealed").notNull(),
    nameIndex: bytea("name_index").notNull(),
    addedBy: uuid("added_by")
      .notNull()
      .references(() => users.id),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("intel_premises_parties_premises_idx").on(t.premisesId),
    index("intel_premises_parties_name_idx").on(t.nameIndex),
  ],
);

/** Every change of status with its source: the history is never rewritten. */
export const intelPremisesEvents = pgTable(
  "intel_premises_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    premisesId: uuid("premises_id")
      .notNull()
      .references(() => intelPremises.id),
    status: text("status").$type<PremisesStatus>().notNull(),
    source: text("source").$type<StatusSource>().notNull(),
    effectiveOn: date("effective_on", { mode: "string" }).notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("intel_premises_events_premises_idx").on(t.premisesId, t.recordedAt)],
);

/** A closure ordered by a court (seed 002: 61 closures after 370 raids in 2002). */
export const intelClosures = pgTable(
  "intel_closures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    premisesId: uuid("premises_id")
      .notNull()
      .references(() => intelPremises.id),
    orderedOn: date("ordered_on", { mode: "string" }).notNull(),
    authority: text("authority").notNull(),
    durationDays: integer("duration_days"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("intel_closures_premises_idx").on(t.premisesId)],
);

/** A likely reopening under a new name: a new premises at the address, or with the operator, of a closed one. */
export const intelReopeningFlags = pgTable(
  "intel_reopening_flags",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    premisesId: uuid("premises_id")
      .notNull()
      .references(() => intelPremises.id),
    closedPremisesId: uuid("closed_premises_id")
      .notNull()
      .references(() => intelPremises.id),
    reason: text("reason").$type<"same_address" | "same_operator">().notNull(),
    decision: text("decision").$type<"open" | "confirmed" | "dismissed">().notNull().default("open"),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull(),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [
    index("intel_reopening_flags_premises_idx").on(t.premisesId),
    index("intel_reopening_flags_decision_idx").on(t.decision),
  ],
);

export const intelOperations = pgTable(
  "intel_operations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    kind: text("kind").$type<OperationKind>().notNull(),
    conductedOn: date("conducted_on", { mode: "string" }).notNull(),
    region: text("region").notNull(),
    premisesId: uuid("premises_id").references(() => intelPremises.id),
    units: bytea("units_sealed").notNull(),
    inspectors: text("inspectors").array().$type<string[]>().notNull(),
    peopleFound: integer("people_found").notNull(),
    seizures: jsonb("seizures").$type<Array<{ kind: string; quantity: number }>>().notNull(),
    interview: jsonb("interview").$type<InterviewChecklist>().notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("intel_operations_date_idx").on(t.conductedOn),
    index("intel_operations_premises_idx").on(t.premisesId),
  ],
);

/** Arrests in an operation by nationality (seed 001: traffickers arrested by nationality). */
export const intelArrests = pgTable(
  "intel_arrests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    operationId: uuid("operation_id")
      .notNull()
      .references(() => intelOperations.id),
    nationality: text("nationality").notNull(),
  },
  (t) => [index("intel_arrests_operation_idx").on(t.operationId)],
);

/**
 * The presumed victims identified in an operation. The case itself records only its identification
 * source; the link to the operation stays in this compartment.
 */
export const intelOperationCases = pgTable(
  "intel_operation_cases",
  {
    caseId: uuid("case_id")
      .primaryKey()
      .references(() => cases.id),
    operationId: uuid("operation_id")
      .notNull()
      .references(() => intelOperations.id),
    created: boolean("created").notNull(),
    linkedBy: uuid("linked_by")
      .notNull()
      .references(() => users.id),
    linkedAt: timestamp("linked_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("intel_operation_cases_operation_idx").on(t.operationId)],
);

export const intelSuspects = pgTable("intel_suspects", {
  id: uuid("id").primaryKey().defaultRandom(),
  kind: text("kind").$type<"person" | "organisation">().notNull(),
  name: bytea("name_sealed").notNull(),
  nationality: text("nationality"),
  roles: text("roles").array().$type<string[]>().notNull(),
  proceedings: bytea("proceedings_sealed"),
  recordedBy: uuid("recorded_by")
    .notNull()
    .references(() => users.id),
  recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
});

export const intelSuspectPremises = pgTable(
  "intel_suspect_premises",
  {
    suspectId: uuid("suspect_id")
      .notNull()
      .references(() => intelSuspects.id),
    premisesId: uuid("premises_id")
      .notNull()
      .references(() => intelPremises.id),
  },
  (t) => [
    primaryKey({ columns: [t.suspectId, t.premisesId] }),
    index("intel_suspect_premises_premises_idx").on(t.premisesId),
  ],
);

export const intelSuspectOperations = pgTable(
  "intel_suspect_operations",
  {
    suspectId: uuid("suspect_id")
      .notNull()
      .references(() => intelSuspects.id),
    operationId: uuid("operation_id")
      .notNull()
      .references(() => intelOperations.id),
  },
  (t) => [
    primaryKey({ columns: [t.suspectId, t.operationId] }),
    index("intel_suspect_operations_operation_idx").on(t.operationId),
  ],
);

/**
 * A published version of the off-limits list (seed 002: issued to international personnel). The
 * entries as published are sealed, so that every version can be printed again as it was.
 */
export const intelOffLimitsVersions = pgTable("intel_off_limits_versions", {
  version: integer("version").primaryKey(),
  publishedOn: date("published_on", { mode: "string" }).notNull(),
  premisesIds: uuid("premises_ids").array().notNull(),
  entries: bytea("entries_sealed").notNull(),
  publishedBy: uuid("published_by")
    .notNull()
    .references(() => users.id),
  publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
});

export const sealedAt = (table: string, recordId: string, field: string): FieldLocation => ({
  table,
  recordId,
  field,
});
