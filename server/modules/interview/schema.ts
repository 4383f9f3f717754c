import { sql } from "drizzle-orm";
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
import type {
  JourneyEventType,
  RecruitmentMethod,
  RiskLevel,
  StatementWillingness,
} from "../../../shared/interview";
import type {
  AssistanceService,
  ControlMethod,
  ExploitationType,
  LanguageCode,
} from "../../../shared/vocabulary";
import { bytea } from "../../platform/crypto/schema";
import { agencies, users } from "../agencies/schema";
import { cases } from "../cases/schema";

/**
 * The first interview of a case, held once and reused by every later agency (seed 002 rec.
 * 2.3–2.4). One per case (the unique index). Codes, dates and the conduct of the interview are plain
 * for statistics; every free-text account is sealed under the person's key, bound to this row and
 * its column (see sealedAt).
 */
export const firstInterviews = pgTable(
  "first_interviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    interviewedAt: timestamp("interviewed_at", { withTimezone: true }).notNull(),
    interviewedBy: uuid("interviewed_by")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    heldInPrivate: boolean("held_in_private").notNull(),
    withInterpreter: boolean("with_interpreter").notNull(),
    interpreterLanguage: text("interpreter_language").$type<LanguageCode>(),
    femaleOfficerPresent: boolean("female_officer_present").notNull(),
    /** Information only: nothing may depend on it (seed 002 ch. 4). */
    statementWillingness: text("statement_willingness").$type<StatementWillingness>().notNull(),
    circumstances: bytea("circumstances_sealed"),
    recruitmentMethods: text("recruitment_methods")
      .array()
      .$type<RecruitmentMethod[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    recruitment: bytea("recruitment_sealed"),
    controlMethods: text("control_methods")
      .array()
      .$type<ControlMethod[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    control: bytea("control_sealed"),
    exploitationTypes: text("exploitation_types")
      .array()
      .$type<ExploitationType[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    exploitation: bytea("exploitation_sealed"),
    needCodes: text("need_codes")
      .array()
      .$type<AssistanceService[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    needs: bytea("needs_sealed"),
    riskLevel: text("risk_level").$type<RiskLevel>(),
    risks: bytea("risks_sealed"),
    /** Corrections are made in place, each one audited; the revision counts them. */
    revision: integer("revision").notNull().default(1),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    updatedBy: uuid("updated_by")
      .notNull()
      .references(() => users.id),
  },
  (t) => [uniqueIndex("first_interviews_case_idx").on(t.caseId)],
);

/** HTCDS historic trafficking events of the interview's journey, in the order told. */
export const interviewJourneyEvents = pgTable(
  "interview_journey_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    interviewId: uuid("interview_id")
      .notNull()
      .references(() => firstInterviews.id),
    position: integer("position").notNull(),
    type: text("type").$type<JourneyEventType>().notNull(),
    date: date("date", { mode: "string" }),
    dateApproximate: boolean("date_approximate").notNull().default(false),
    country: text("country"),
    place: bytea("place_sealed"),
    note: bytea("note_sealed"),
  },
  (t) => [index("interview_journey_events_interview_idx").on(t.interviewId, t.position)],
);

/** The sealed accounts of the interview row, by column. */
export const interviewTextFields = [
  "circumstances",
  "recruitment",
  "control",
  "exploitation",
  "needs",
  "risks",
] as const;
export type InterviewTextField = (typeof interviewTextFields)[number];

/** Where a sealed text lives, as bound into its ciphertext. */
export const interviewTextAt = (interviewId: string, field: InterviewTextField) => ({
  table: "first_interviews",
  recordId: interviewId,
  field,
});
export const journeyTextAt = (eventId: string, field: "place" | "note") => ({
  table: "interview_journey_events",
  recordId: eventId,
  field,
});
