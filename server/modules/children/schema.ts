import { boolean, date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type {
  BestInterestsOutcome,
  ChildLocationType,
  GuardianAppointingBody,
  NotificationMethod,
  ParentRelationship,
} from "../../../shared/children";
import { bytea } from "../../platform/crypto/schema";
import { agencies, users } from "../agencies/schema";
import { cases } from "../cases/schema";

/**
 * The child's case worker: a social worker of a social services agency on the case team (seed 002:
 * "the assignment of a case-worker ... for each child"). A new assignment replaces the earlier one;
 * the rows are the history, the latest counts.
 */
export const childCaseWorkers = pgTable(
  "child_case_workers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** The case worker's agency when assigned. */
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    assignedBy: uuid("assigned_by")
      .notNull()
      .references(() => users.id),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("child_case_workers_case_idx").on(t.caseId, t.assignedAt)],
);

/**
 * The child's legal guardian (seed 002 rec. 2.5 ii), a person outside the system: name and contact
 * sealed under the child's data key. A guardian is replaced, never edited: the one without
 * `replacedAt` is the active one.
 */
export const childGuardians = pgTable(
  "child_guardians",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    name: bytea("name_sealed").notNull(),
    contact: bytea("contact_sealed"),
    appointingBody: text("appointing_body").$type<GuardianAppointingBody>().notNull(),
    /** The appointing decision's number: sealed, as a court file number can lead to the child. */
    decisionReference: bytea("decision_reference_sealed"),
    appointedOn: date("appointed_on", { mode: "string" }).notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    replacedAt: timestamp("replaced_at", { withTimezone: true }),
  },
  (t) => [index("child_guardians_case_idx").on(t.caseId, t.recordedAt)],
);

/**
 * A best-interests determination (CRC art. 3(1); seed 002: best interests are the primary
 * consideration), required by the SOP before any return or placement decision. The reasoning is
 * sealed; the outcome is a code, for statistics without identities.
 */
export const bestInterestsDeterminations = pgTable(
  "best_interests_determinations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    determinedOn: date("determined_on", { mode: "string" }).notNull(),
    outcome: text("outcome").$type<BestInterestsOutcome>().notNull(),
    reasoning: bytea("reasoning_sealed").notNull(),
    guardianPresent: boolean("guardian_present").notNull(),
    childHeard: boolean("child_heard").notNull(),
    determinedBy: uuid("determined_by")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("best_interests_determinations_case_idx").on(t.caseId, t.determinedOn)],
);

/** The child's views, heard (CRC art. 12; DOMAIN.md "Children"): how they were heard, and a sealed summary. */
export const childViews = pgTable(
  "child_views",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    heardOn: date("heard_on", { mode: "string" }).notNull(),
    inPerson: boolean("in_person").notNull(),
    withInterpreter: boolean("with_interpreter").notNull(),
    guardianPresent: boolean("guardian_present").notNull(),
    summary: bytea("summary_sealed").notNull(),
    heardBy: uuid("heard_by")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("child_views_case_idx").on(t.caseId, t.heardOn)],
);

/**
 * A parent or family contact of the child. Parents are informed unless they are the danger (seed
 * 002: a girl "now has to be protected from her own family"): one flagged as a suspected trafficker
 * is never notified or told anything, from the moment of the flag on.
 */
export const childParents = pgTable(
  "child_parents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    relationship: text("relationship").$type<ParentRelationship>().notNull(),
    name: bytea("name_sealed").notNull(),
    contact: bytea("contact_sealed"),
    suspectedTrafficker: boolean("suspected_trafficker").notNull().default(false),
    /** The last change of the flag, by whom (the audit trail holds every change). */
    flagChangedAt: timestamp("flag_changed_at", { withTimezone: true }),
    flagChangedBy: uuid("flag_changed_by").references(() => users.id),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("child_parents_case_idx").on(t.caseId, t.recordedAt)],
);

/** That a parent was told, by whom, when and how: the system calls nobody, it records what was done. */
export const childParentNotifications = pgTable(
  "child_parent_notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    parentId: uuid("parent_id")
      .notNull()
      .references(() => childParents.id),
    method: text("method").$type<NotificationMethod>().notNull(),
    notifiedAt: timestamp("notified_at", { withTimezone: true }).notNull(),
    notifiedBy: uuid("notified_by")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("child_parent_notifications_parent_idx").on(t.parentId, t.notifiedAt)],
);

/**
 * Where the child is, by kind of place and since when; the latest `since` is the current one. A
 * child is never held at a police station (seed 002: girls detained overnight because no social
 * worker came), so a police station past the SOP's limit raises an alert. No address is stored:
 * a shelter's address is secret.
 */
export const childLocations = pgTable(
  "child_locations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    locationType: text("location_type").$type<ChildLocationType>().notNull(),
    since: timestamp("since", { withTimezone: true }).notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("child_locations_case_idx").on(t.caseId, t.since)],
);
