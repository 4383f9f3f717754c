import { sql } from "drizzle-orm";
import { date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type {
  NeedUrgency,
  ResidenceAction,
  ServiceStatus,
  SupportPlanStatus,
  SupportPlanType,
} from "../../../shared/assistance";
import type { AssistanceService } from "../../../shared/vocabulary";
import { bytea } from "../../platform/crypto/schema";
import { agencies, users } from "../agencies/schema";
import { cases } from "../cases/schema";

/**
 * That the person's needs were assessed, by whom and when (DOMAIN.md "The pathway" step 4): the
 * record the SOP names as `needs_assessment_recorded`. A case may have several, as needs change;
 * none is edited, a new assessment follows the old one.
 */
export const needsAssessments = pgTable(
  "needs_assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    needs: text("needs")
      .array()
      .$type<AssistanceService[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    urgency: text("urgency").$type<NeedUrgency>().notNull(),
    /** Sealed under the person's data key: an assessment note describes the person. */
    note: bytea("note_sealed"),
    assessedAt: timestamp("assessed_at", { withTimezone: true }).notNull(),
    assessedBy: uuid("assessed_by")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("needs_assessments_case_idx").on(t.caseId, t.assessedAt)],
);

/**
 * One service given to the person: what, by whom, from when to when, and where it stands. The
 * provider is an agency of the system, or (sealed) one outside it, e.g. a private clinic, whose name
 * with the person's case would tell where the person is treated.
 */
export const assistanceServicesGiven = pgTable(
  "assistance_services",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    service: text("service").$type<AssistanceService>().notNull(),
    providerAgencyId: uuid("provider_agency_id").references(() => agencies.id),
    providerName: bytea("provider_name_sealed"),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }),
    status: text("status").$type<ServiceStatus>().notNull(),
    note: bytea("note_sealed"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    updatedBy: uuid("updated_by")
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("assistance_services_case_idx").on(t.caseId, t.startDate)],
);

/** A support plan (HTCDS 2.0 "Support Plan": spl_Type, spl_Objectives, spl_ActionPlan, dates). */
export const supportPlans = pgTable(
  "support_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    type: text("type").$type<SupportPlanType>().notNull(),
    /** spl_Objectives, sealed: goals are about the person's life. */
    objectives: bytea("objectives_sealed").notNull(),
    /** spl_ActionPlan, sealed. */
    actionPlan: bytea("action_plan_sealed"),
    startDate: date("start_date", { mode: "string" }).notNull(),
    reviewDate: date("review_date", { mode: "string" }).notNull(),
    /** spl_PlannedEndDate / spl_ActualEndDate. */
    plannedEndDate: date("planned_end_date", { mode: "string" }),
    actualEndDate: date("actual_end_date", { mode: "string" }),
    status: text("status").$type<SupportPlanStatus>().notNull(),
    serviceIds: uuid("service_ids")
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    updatedBy: uuid("updated_by")
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("support_plans_case_idx").on(t.caseId, t.startDate)],
);

/**
 * An extension of the reflection period (DOMAIN.md step 5: at least three months, longer when the
 * person needs it). The period itself starts at identification and needs no row; each extension
 * moves its end later, and the latest one is the end in force.
 */
export const reflectionExtensions = pgTable(
  "reflection_extensions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    previousEndDate: date("previous_end_date", { mode: "string" }).notNull(),
    newEndDate: date("new_end_date", { mode: "string" }).notNull(),
    reason: bytea("reason_sealed").notNull(),
    extendedBy: uuid("extended_by")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    extendedAt: timestamp("extended_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("reflection_extensions_case_idx").on(t.caseId, t.newEndDate)],
);

/**
 * Temporary residence of a foreign victim (seed 002 rec. 2.11 iii): the grant, then each extension
 * with its new validity. The permit number identifies the person and is sealed.
 */
export const residencePermits = pgTable(
  "residence_permits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    action: text("action").$type<ResidenceAction>().notNull(),
    grantedDate: date("granted_date", { mode: "string" }).notNull(),
    validUntil: date("valid_until", { mode: "string" }).notNull(),
    permitNumber: bytea("permit_number_sealed"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("residence_permits_case_idx").on(t.caseId, t.validUntil)],
);

/** Where the module's sealed texts live, as bound into their ciphertexts. */
export const assistanceTextAt = (table: string, recordId: string, field: string) => ({
  table,
  recordId,
  field,
});
