import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type {
  CaseStatus,
  ControlMethod,
  EducationLevel,
  ExploitationType,
  Gender,
  IdentificationSource,
  MaritalStatus,
  Pathway,
  TraffickingStatus,
} from "../../../shared/vocabulary";
import { bytea, dataKeys } from "../../platform/crypto/schema";
import { agencies, users } from "../agencies/schema";

/**
 * A presumed victim. Identifying fields are sealed (AES-256-GCM) under the person's own data key,
 * each bound to this row and its column; the rest is plain, for statistics without identities.
 */
export const persons = pgTable("persons", {
  id: uuid("id").primaryKey().defaultRandom(),
  dataKeyId: uuid("data_key_id")
    .notNull()
    .references(() => dataKeys.id),
  givenName: bytea("given_name_sealed").notNull(),
  familyName: bytea("family_name_sealed"),
  otherNames: bytea("other_names_sealed"),
  birthDate: bytea("birth_date_sealed"),
  identityNumber: bytea("identity_number_sealed"),
  phone: bytea("phone_sealed"),
  address: bytea("address_sealed"),
  gender: text("gender").$type<Gender>().notNull(),
  citizenship: text("citizenship")
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  primaryLanguage: text("primary_language"),
  otherLanguages: text("other_languages")
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  maritalStatus: text("marital_status").$type<MaritalStatus>(),
  numberOfChildren: integer("number_of_children"),
  education: text("education").$type<EducationLevel>(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Keyed blind index of name tokens: search by name without plaintext in the database. */
export const personNameIndex = pgTable(
  "person_name_index",
  {
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    token: bytea("token").notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.token] }), index("person_name_index_token_idx").on(t.token)],
);

export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Pseudonymous reference used in the UI, URLs and logs instead of names. */
    reference: text("reference").notNull().unique(),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    pathway: text("pathway").$type<Pathway>().notNull(),
    status: text("status").$type<CaseStatus>().notNull().default("Active"),
    traffickingStatus: text("trafficking_status").$type<TraffickingStatus>().notNull(),
    /** Age in whole years at identification; null when unknown (the child pathway applies). */
    ageAtIdentification: integer("age_at_identification"),
    ageEstimated: boolean("age_estimated").notNull().default(false),
    identificationDate: date("identification_date", { mode: "string" }).notNull(),
    identificationRegion: text("identification_region").notNull(),
    identificationPlace: bytea("identification_place_sealed"),
    source: text("source").$type<IdentificationSource>().notNull(),
    exploitationTypes: text("exploitation_types")
      .array()
      .$type<ExploitationType[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    controlMethods: text("control_methods")
      .array()
      .$type<ControlMethod[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    circumstances: bytea("circumstances_sealed"),
    identifyingAgencyId: uuid("identifying_agency_id")
      .notNull()
      .references(() => agencies.id),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("cases_identification_date_idx").on(t.identificationDate),
    index("cases_identifying_agency_idx").on(t.identifyingAgencyId),
    index("cases_person_idx").on(t.personId),
  ],
);

/** Parts of a case an agency on its team may see. */
export const caseScopes = ["identity", "circumstances"] as const;
export type CaseScope = (typeof caseScopes)[number];

/** Need to know: an agency sees a case only while it is on the case team. */
export const caseTeam = pgTable(
  "case_team",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    scopes: text("scopes")
      .array()
      .$type<CaseScope[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    addedBy: uuid("added_by").references(() => users.id),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.agencyId] }),
    index("case_team_agency_idx").on(t.agencyId, t.caseId),
  ],
);

/** Per-year counters behind references such as NRM-2026-00042. */
export const caseReferenceCounters = pgTable("case_reference_counters", {
  year: integer("year").primaryKey(),
  last: integer("last").notNull(),
});
