import { date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { AssignmentKind, IncidentKind, InterpreterAvailability } from "../../../shared/security";
import type { RiskLevel } from "../../../shared/interview";
import type { LanguageCode } from "../../../shared/vocabulary";
import { bytea } from "../../platform/crypto/schema";
import type { FieldLocation } from "../../platform/crypto/keyring";
import { agencies, users } from "../agencies/schema";
import { cases } from "../cases/schema";
import { shelters } from "../shelters/schema";

/**
 * The person's risk level, as set by the police or the shelter (issue 4; seed 002: the police
 * assess the risk in each case). Every setting is kept: the latest one counts. The reason may name
 * the traffickers or relatives, so it is sealed under the person's key.
 */
export const caseRiskLevels = pgTable(
  "case_risk_levels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    level: text("level").$type<RiskLevel>().notNull(),
    reason: bytea("reason_sealed").notNull(),
    setBy: uuid("set_by")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    setAt: timestamp("set_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("case_risk_levels_case_idx").on(t.caseId, t.setAt)],
);

/**
 * A security incident at a shelter (seed 002: shelters' security). The description may tell where
 * the shelter is or who threatened it: sealed under the system key, read only by the shelter's staff.
 */
export const shelterIncidents = pgTable(
  "shelter_incidents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    shelterId: uuid("shelter_id")
      .notNull()
      .references(() => shelters.id),
    kind: text("kind").$type<IncidentKind>().notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    description: bytea("description_sealed").notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("shelter_incidents_shelter_idx").on(t.shelterId, t.occurredAt)],
);

/**
 * That a shelter moved after its location was compromised, and when. The new address overwrites
 * the sealed one in `shelters`; the old one is not kept anywhere.
 */
export const shelterRelocations = pgTable(
  "shelter_relocations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    shelterId: uuid("shelter_id")
      .notNull()
      .references(() => shelters.id),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => shelterIncidents.id),
    relocatedBy: uuid("relocated_by")
      .notNull()
      .references(() => users.id),
    relocatedAt: timestamp("relocated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("shelter_relocations_shelter_idx").on(t.shelterId),
    index("shelter_relocations_incident_idx").on(t.incidentId),
  ],
);

/**
 * An interpreter on an agency's roster. Not a victim's data, yet a name and phone that traffickers
 * could use to reach the interpreter: sealed at rest under the system key.
 */
export const interpreters = pgTable(
  "interpreters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    name: bytea("name_sealed").notNull(),
    languages: text("languages").array().$type<LanguageCode[]>().notNull(),
    availability: text("availability").$type<InterpreterAvailability>().notNull(),
    phone: bytea("phone_sealed"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("interpreters_agency_idx").on(t.agencyId)],
);

/** An interpreter booked for a case's interview, hearing or service, on a date. */
export const interpreterAssignments = pgTable(
  "interpreter_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    interpreterId: uuid("interpreter_id")
      .notNull()
      .references(() => interpreters.id),
    kind: text("kind").$type<AssignmentKind>().notNull(),
    on: date("scheduled_on", { mode: "string" }).notNull(),
    assignedBy: uuid("assigned_by")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("interpreter_assignments_case_idx").on(t.caseId, t.on)],
);

export const riskReasonAt = (id: string): FieldLocation => ({
  table: "case_risk_levels",
  recordId: id,
  field: "reason",
});
export const incidentDescriptionAt = (id: string): FieldLocation => ({
  table: "shelter_incidents",
  recordId: id,
  field: "description",
});
export const interpreterNameAt = (id: string): FieldLocation => ({
  table: "interpreters",
  recordId: id,
  field: "name",
});
export const interpreterPhoneAt = (id: string): FieldLocation => ({
  table: "interpreters",
  recordId: id,
  field: "phone",
});
