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
    /** Beds: the number of people the shelter can take in at once; the sum of its rooms' beds when it has rooms. */
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

/** A room of a shelter and its beds: a room is never given more people than beds. */
export const shelterRooms = pgTable(
  "shelter_rooms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    shelterId: uuid("shelter_id")
      .notNull()
      .references(() => shelters.id),
    name: text("name").notNull(),
    beds: integer("beds").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** A room taken out of use stays on record for the stays that were in it. */
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("shelter_rooms_name_idx").on(t.shelterId, t.name)],
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
    roomId: uuid("room_id").references(() => shelterRooms.id),
    /** The admission criteria (codes from the jurisdiction's shelter configuration) found met. */
    criteriaMet: text("criteria_met").array().notNull().default([]),
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

/**
 * Escort duty for one transfer (issue 4): the escort may read the address of the shelter the
 * person goes to, and of the one they leave, from the day of the transfer to the end of the next
 * day, until the admission ends it or the shelter revokes it. Every reading is audited.
 */
export const shelterEscorts = pgTable(
  "shelter_escorts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    toShelterId: uuid("to_shelter_id")
      .notNull()
      .references(() => shelters.id),
    fromShelterId: uuid("from_shelter_id").references(() => shelters.id),
    escortUserId: uuid("escort_user_id")
      .notNull()
      .references(() => users.id),
    onDate: date("on_date", { mode: "string" }).notNull(),
    grantedBy: uuid("granted_by")
      .notNull()
      .references(() => users.id),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endReason: text("end_reason").$type<"admitted" | "revoked">(),
  },
  (t) => [
    index("shelter_escorts_user_idx").on(t.escortUserId, t.onDate),
    index("shelter_escorts_case_idx").on(t.caseId),
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
