import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { AdmissionType, DischargeReason, RiskLevel, ShelterKind } from "../../../shared/shelters";
import { bytea } from "../../platform/crypto/schema";
import type { FieldLocation } from "../../platform/crypto/keyring";
import { agencies, users } from "../agencies/schema";
import { cases } from "../cases/schema";

/**
 * A shelter and the agency that runs it (seed 002: shelters for foreign and domestic victims and
 * for children). Its address and contacts are secret (a known address puts the residents in danger):
 * sealed under the system key and opened only for the operator's own staff. Everyone else entitled
 * to know the shelter exists sees its code name.
 */
export const shelters = pgTable(
  "shelters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    codeName: text("code_name").notNull(),
    kind: text("kind").$type<ShelterKind>().notNull(),
    secure: boolean("secure").notNull(),
    riskLevels: text("risk_levels").array().$type<RiskLevel[]>().notNull(),
    /** Beds: the number of people the shelter can take in at once. */
    capacity: integer("capacity").notNull(),
    address: bytea("address_sealed").notNull(),
    contacts: bytea("contacts_sealed"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("shelters_code_name_idx").on(t.codeName), index("shelters_agency_idx").on(t.agencyId)],
);

/**
 * One stay of a case's person in a shelter, from admission to discharge. A stay without
 * `dischargedOn` occupies a bed. A child's stay in a shelter not for children carries the
 * supervisor's override and its reason, sealed under the person's key.
 */
export const shelterStays = pgTable(
  "shelter_stays",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    shelterId: uuid("shelter_id")
      .notNull()
      .references(() => shelters.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    admissionType: text("admission_type").$type<AdmissionType>().notNull(),
    admittedOn: date("admitted_on", { mode: "string" }).notNull(),
    admittedBy: uuid("admitted_by")
      .notNull()
      .references(() => users.id),
    overrideReason: bytea("override_reason_sealed"),
    overrideBy: uuid("override_by").references(() => users.id),
    dischargedOn: date("discharged_on", { mode: "string" }),
    dischargeReason: text("discharge_reason").$type<DischargeReason>(),
    dischargedBy: uuid("discharged_by").references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("shelter_stays_shelter_idx").on(t.shelterId, t.dischargedOn),
    index("shelter_stays_case_idx").on(t.caseId),
  ],
);

export const shelterAddressAt = (shelterId: string): FieldLocation => ({
  table: "shelters",
  recordId: shelterId,
  field: "address",
});
export const shelterContactsAt = (shelterId: string): FieldLocation => ({
  table: "shelters",
  recordId: shelterId,
  field: "contacts",
});
export const overrideReasonAt = (stayId: string): FieldLocation => ({
  table: "shelter_stays",
  recordId: stayId,
  field: "override_reason",
});
