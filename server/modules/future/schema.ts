import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type {
  FollowUpOutcome,
  FollowUpStatus,
  FutureOption,
  HandOverSection,
  RiskFactor,
  RiskLevel,
  RiskRecommendation,
  TravelDocumentStatus,
} from "../../../shared/future";
import { bytea } from "../../platform/crypto/schema";
import { agencies, users } from "../agencies/schema";
import { cases } from "../cases/schema";

/**
 * A risk assessment before any return (seed 002: the police assess the risk in each case, fn. 186;
 * non-refoulement). Records are never edited: a new assessment supersedes the earlier one.
 */
export const riskAssessments = pgTable(
  "risk_assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    /** The day of the assessment (YYYY-MM-DD, in the jurisdiction). */
    assessedOn: text("assessed_on").notNull(),
    level: text("level").$type<RiskLevel>().notNull(),
    factors: text("factors").array().$type<RiskFactor[]>().notNull(),
    recommendation: text("recommendation").$type<RiskRecommendation>().notNull(),
    /** The assessment itself: free text that names traffickers and family, sealed under the person's key. */
    assessment: bytea("assessment_sealed"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("risk_assessments_case_idx").on(t.caseId, t.recordedAt)],
);

/** The person's own decision on their future (issue 3, item 7); the latest record is the current one. */
export const futureDecisions = pgTable(
  "future_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    option: text("option").$type<FutureOption>().notNull(),
    decidedOn: text("decided_on").notNull(),
    /** For a return: the planned day of departure, told to the prosecutor so a statement can be taken first. */
    plannedDepartureOn: text("planned_departure_on"),
    /** What the person said about the decision, in their words: sealed. */
    note: bytea("note_sealed"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("future_decisions_case_idx").on(t.caseId, t.recordedAt)],
);

/** Arrangements for a voluntary return; the latest record is the current one. */
export const caseReturns = pgTable(
  "case_returns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    travelDocumentStatus: text("travel_document_status").$type<TravelDocumentStatus>(),
    travelDocumentOn: text("travel_document_on"),
    /** A passport or laissez-passer number identifies the person: sealed. */
    travelDocumentNumber: bytea("travel_document_number_sealed"),
    escorted: boolean("escorted").notNull(),
    escortAgencyId: uuid("escort_agency_id").references(() => agencies.id),
    departureOn: text("departure_on"),
    destinationCountry: text("destination_country").notNull(),
    /** The receiving organisation abroad: not a user of the system, so named here. */
    partnerName: text("partner_name"),
    partnerCountry: text("partner_country"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("case_returns_case_idx").on(t.caseId, t.recordedAt)],
);

/**
 * A follow-up assessment months after return or integration (issue 3, item 9): scheduled from the
 * SOP's followUpMonths, then held with its result. Rescheduling cancels the ones not yet held.
 */
export const followUps = pgTable(
  "follow_ups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    months: integer("months").notNull(),
    /** The local day of the follow-up; overdue once that day has passed in the jurisdiction. */
    dueOn: text("due_on").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    status: text("status").$type<FollowUpStatus>().notNull().default("scheduled"),
    /** Who is alerted when it is missed: the agency that recorded the return or integration. */
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    heldOn: text("held_on"),
    heldBy: uuid("held_by").references(() => users.id),
    resultAgencyId: uuid("result_agency_id").references(() => agencies.id),
    outcomes: text("outcomes").array().$type<FollowUpOutcome[]>(),
    notes: bytea("notes_sealed"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }),
  },
  (t) => [
    index("follow_ups_case_idx").on(t.caseId, t.dueAt),
    index("follow_ups_status_due_idx").on(t.status, t.dueAt),
  ],
);

/**
 * A hand-over to a partner organisation abroad: what the person consented to share, as an encrypted
 * package signed by the installation, and a readable PDF sealed under the person's key. The key of
 * the package is never stored: it was shown once to the one who made it.
 */
export const handOvers = pgTable(
  "hand_overs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    sections: text("sections").array().$type<HandOverSection[]>().notNull(),
    consentGiven: boolean("consent_given").notNull(),
    language: text("language").notNull(),
    package: bytea("package").notNull(),
    /** The PDF, base64, sealed: it is readable identifying data. */
    pdf: bytea("pdf_sealed").notNull(),
    signingKeyId: uuid("signing_key_id")
      .notNull()
      .references(() => handOverSigningKeys.id),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("hand_overs_case_idx").on(t.caseId, t.createdAt)],
);

/** The installation's Ed25519 signing key; its private half sealed under the system data key. */
export const handOverSigningKeys = pgTable("hand_over_signing_keys", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** SubjectPublicKeyInfo, PEM: what a partner verifies packages with. */
  publicKey: text("public_key").notNull(),
  privateKey: bytea("private_key_sealed").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

/** The person was trafficked again: the later case is linked to the earlier one (issue 3, item 9). */
export const reTraffickingLinks = pgTable(
  "re_trafficking_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    earlierCaseId: uuid("earlier_case_id")
      .notNull()
      .references(() => cases.id),
    laterCaseId: uuid("later_case_id")
      .notNull()
      .references(() => cases.id),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("re_trafficking_links_pair_idx").on(t.earlierCaseId, t.laterCaseId),
    index("re_trafficking_links_later_idx").on(t.laterCaseId),
  ],
);
