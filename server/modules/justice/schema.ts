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
  CompensationKind,
  CustodyStatus,
  HearingKind,
  MitigatingGround,
  PerpetratorRole,
  ProceedingStage,
  ProtectiveMeasure,
  RangeCheck,
  TestimonyKind,
  TestimonyPresence,
  VerdictOutcome,
} from "../../../shared/justice";
import type { RiskLevel } from "../../../shared/security";
import type { FieldLocation } from "../../platform/crypto/keyring";
import { bytea, dataKeys } from "../../platform/crypto/schema";
import { agencies, users } from "../agencies/schema";
import { cases } from "../cases/schema";
import { interpreters } from "../security/schema";

/**
 * A criminal proceeding against traffickers (DOMAIN.md "Protection and justice"). It is kept in the
 * justice compartment: the prosecution, courts and police see it whole; assistance agencies on a
 * victim's case team learn only that it exists and its stage (seed 002: an appeals panel would have
 * seen details of traffickers and victims). Defendants' names are sealed under the proceeding's own
 * data key, so that one proceeding can be erased without touching any other.
 */
export const justiceProceedings = pgTable(
  "justice_proceedings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dataKeyId: uuid("data_key_id")
      .notNull()
      .references(() => dataKeys.id),
    /** The prosecutor's office (or police unit) that opened it and keeps it. */
    ownerAgencyId: uuid("owner_agency_id")
      .notNull()
      .references(() => agencies.id),
    stage: text("stage").$type<ProceedingStage>().notNull(),
    policeCaseNumber: text("police_case_number"),
    prosecutorReference: text("prosecutor_reference"),
    courtReference: text("court_reference"),
    court: text("court"),
    openedBy: uuid("opened_by")
      .notNull()
      .references(() => users.id),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("justice_proceedings_owner_idx").on(t.ownerAgencyId, t.openedAt)],
);

/**
 * A victim in the proceeding, by case only (the person's data stay in the case): injured party,
 * witness or both, with what protects the victim as a witness.
 */
export const justiceVictims = pgTable(
  "justice_victims",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    proceedingId: uuid("proceeding_id")
      .notNull()
      .references(() => justiceProceedings.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    injuredParty: boolean("injured_party").notNull(),
    witness: boolean("witness").notNull(),
    /** Protective measures of Reg. 2001/20, asked for and ordered. */
    measuresRequested: text("measures_requested")
      .array()
      .$type<ProtectiveMeasure[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    measuresGranted: text("measures_granted")
      .array()
      .$type<ProtectiveMeasure[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The witness was told of the measures (Reg. 2001/20 s. 3.1): by whom, when. */
    informedBy: uuid("informed_by").references(() => users.id),
    informedAt: timestamp("informed_at", { withTimezone: true }),
    /** The victim's past may be raised only in camera (Reg. 2001/4 s. 7): on unless a court said otherwise. */
    pastHistoryInCameraOnly: boolean("past_history_in_camera_only").notNull().default(true),
    witnessProtectionUnit: boolean("witness_protection_unit").notNull().default(false),
    /** The victim's free legal counsel, sealed under the person's key. */
    lawyer: bytea("lawyer_sealed"),
    interpreterId: uuid("interpreter_id").references(() => interpreters.id),
    linkedBy: uuid("linked_by")
      .notNull()
      .references(() => users.id),
    linkedAt: timestamp("linked_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("justice_victims_proceeding_case_idx").on(t.proceedingId, t.caseId),
    index("justice_victims_case_idx").on(t.caseId),
  ],
);
export const victimLawyerAt = (id: string): FieldLocation => ({
  table: "justice_victims",
  recordId: id,
  field: "lawyer",
});

/** Each time the victim testified: where and how present. */
export const justiceTestimonies = pgTable(
  "justice_testimonies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    victimId: uuid("victim_id")
      .notNull()
      .references(() => justiceVictims.id),
    kind: text("kind").$type<TestimonyKind>().notNull(),
    presence: text("presence").$type<TestimonyPresence>().notNull(),
    givenOn: date("given_on", { mode: "string" }).notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("justice_testimonies_victim_idx").on(t.victimId)],
);

export const justiceDefendants = pgTable(
  "justice_defendants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    proceedingId: uuid("proceeding_id")
      .notNull()
      .references(() => justiceProceedings.id),
    /** Sealed under the proceeding's data key. */
    name: bytea("name_sealed").notNull(),
    nationality: text("nationality"),
    role: text("role").$type<PerpetratorRole>().notNull(),
    custody: text("custody").$type<CustodyStatus>().notNull(),
    custodySince: date("custody_since", { mode: "string" }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("justice_defendants_proceeding_idx").on(t.proceedingId)],
);
export const defendantNameAt = (id: string): FieldLocation => ({
  table: "justice_defendants",
  recordId: id,
  field: "name",
});

/** Where a defendant was, and since when: the history behind the current custody status. */
export const justiceCustodyEvents = pgTable(
  "justice_custody_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    defendantId: uuid("defendant_id")
      .notNull()
      .references(() => justiceDefendants.id),
    status: text("status").$type<CustodyStatus>().notNull(),
    since: date("since", { mode: "string" }).notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("justice_custody_events_defendant_idx").on(t.defendantId)],
);

/** A charge against one defendant under one section of the law table. */
export const justiceCharges = pgTable(
  "justice_charges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    proceedingId: uuid("proceeding_id")
      .notNull()
      .references(() => justiceProceedings.id),
    defendantId: uuid("defendant_id")
      .notNull()
      .references(() => justiceDefendants.id),
    section: text("section").notNull(),
    /** The victim was a minor: the maximum may rise (Reg. 2001/4). */
    minorVictim: boolean("minor_victim").notNull(),
    chargedOn: date("charged_on", { mode: "string" }).notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("justice_charges_defendant_section_idx").on(t.defendantId, t.section),
    index("justice_charges_proceeding_idx").on(t.proceedingId),
  ],
);

export const justiceHearings = pgTable(
  "justice_hearings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    proceedingId: uuid("proceeding_id")
      .notNull()
      .references(() => justiceProceedings.id),
    kind: text("kind").$type<HearingKind>().notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    /** From the interpreters' roster, when the victim or a witness needs one. */
    interpreterId: uuid("interpreter_id").references(() => interpreters.id),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("justice_hearings_proceeding_idx").on(t.proceedingId, t.at)],
);

/**
 * The verdict on one charge, with the sentence. The statutory range in force when it was recorded
 * is kept beside it with the check's result, so that a later change of the law table does not
 * rewrite what was flagged.
 */
export const justiceVerdicts = pgTable(
  "justice_verdicts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    chargeId: uuid("charge_id")
      .notNull()
      .references(() => justiceCharges.id),
    outcome: text("outcome").$type<VerdictOutcome>().notNull(),
    decidedOn: date("decided_on", { mode: "string" }).notNull(),
    imprisonmentMonths: integer("imprisonment_months"),
    suspended: boolean("suspended").notNull().default(false),
    fineEuros: integer("fine_euros"),
    mitigatingGrounds: text("mitigating_grounds")
      .array()
      .$type<MitigatingGround[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    minimumMonths: integer("minimum_months"),
    maximumMonths: integer("maximum_months"),
    rangeCheck: text("range_check").$type<RangeCheck>(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("justice_verdicts_charge_idx").on(t.chargeId)],
);

/** The victim's risk looked at again after a defendant's release: it ends the release alert. */
export const justiceReassessments = pgTable(
  "justice_reassessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    level: text("level").$type<RiskLevel>().notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("justice_reassessments_case_idx").on(t.caseId, t.recordedAt)],
);

/**
 * A compensation claim of the victim: in the criminal proceeding, a civil claim, or to the
 * reparation fund (Reg. 2001/4 s. 6), open whether or not the victim testified (seed 002).
 */
export const justiceCompensationClaims = pgTable(
  "justice_compensation_claims",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    proceedingId: uuid("proceeding_id").references(() => justiceProceedings.id),
    kind: text("kind").$type<CompensationKind>().notNull(),
    claimedEuros: integer("claimed_euros").notNull(),
    claimedOn: date("claimed_on", { mode: "string" }).notNull(),
    decidedEuros: integer("decided_euros"),
    decidedOn: date("decided_on", { mode: "string" }),
    paidEuros: integer("paid_euros"),
    paidOn: date("paid_on", { mode: "string" }),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("justice_compensation_claims_case_idx").on(t.caseId)],
);
