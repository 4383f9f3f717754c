import { sql } from "drizzle-orm";
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bytea } from "../../platform/crypto/schema";
import { agencies, users } from "../agencies/schema";
import { cases, persons } from "../cases/schema";

/**
 * Keyed blocking keys of each registered person (HMAC under the system blind-index key, as the
 * name index): phonetic name skeletons, name variant groups, birth year and date. Equal keys find
 * the records worth comparing without any name or date in clear in the database.
 */
export const personMatchKeys = pgTable(
  "person_match_keys",
  {
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    key: bytea("key").notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.key] }), index("person_match_keys_key_idx").on(t.key)],
);

export const matchRequestStatuses = ["open", "answered"] as const;
export type MatchRequestStatus = (typeof matchRequestStatuses)[number];
export const matchRequestDecisions = ["share", "decline"] as const;
export type MatchRequestDecision = (typeof matchRequestDecisions)[number];

/**
 * A registering agency's request to the agency holding a possible earlier record of the same
 * person, which it may not see: the holding agency decides whether to share (DOMAIN.md,
 * confidentiality). One open request per earlier case and requesting agency.
 */
export const matchRequests = pgTable(
  "match_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    requestingAgencyId: uuid("requesting_agency_id")
      .notNull()
      .references(() => agencies.id),
    holdingAgencyId: uuid("holding_agency_id")
      .notNull()
      .references(() => agencies.id),
    scorePercent: integer("score_percent").notNull(),
    status: text("status").$type<MatchRequestStatus>().notNull().default("open"),
    /** The holding agency's answer: share the case with the requesting agency, or not. */
    decision: text("decision").$type<MatchRequestDecision>(),
    answeredBy: uuid("answered_by").references(() => users.id),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("match_requests_case_agency_idx").on(t.caseId, t.requestingAgencyId),
    index("match_requests_holding_idx").on(t.holdingAgencyId, t.requestedAt),
  ],
);

/**
 * A supervisor's decision that person B is the same person as person A (seed 001: count each
 * person once). Nothing is moved or deleted: B's records stay where they are, and statistics count
 * B under A's identity key while the merge stands. B's own identity key (a keyed hash, or null when
 * B had none) is kept to restore it when the merge is undone. One standing merge per person.
 */
export const personMerges = pgTable(
  "person_merges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    intoPersonId: uuid("into_person_id")
      .notNull()
      .references(() => persons.id),
    /** The case through which A was shown, and B's, for the audit trail and the review page. */
    intoCaseId: uuid("into_case_id")
      .notNull()
      .references(() => cases.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    originalIdentityKey: bytea("original_identity_key"),
    decidedBy: uuid("decided_by")
      .notNull()
      .references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull(),
    undoneBy: uuid("undone_by").references(() => users.id),
    undoneAt: timestamp("undone_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("person_merges_standing_idx")
      .on(t.personId)
      .where(sql`${t.undoneAt} is null`),
    index("person_merges_into_idx").on(t.intoPersonId),
  ],
);

/** Two cases a supervisor judged to be different people: the pair is not proposed again. */
export const duplicateDismissals = pgTable(
  "duplicate_dismissals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The pair in a fixed order (the smaller id first), so that it is stored once. */
    firstCaseId: uuid("first_case_id")
      .notNull()
      .references(() => cases.id),
    secondCaseId: uuid("second_case_id")
      .notNull()
      .references(() => cases.id),
    decidedBy: uuid("decided_by")
      .notNull()
      .references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("duplicate_dismissals_pair_idx").on(t.firstCaseId, t.secondCaseId)],
);

export const caseLinkKinds = ["re_trafficking"] as const;
export type CaseLinkKind = (typeof caseLinkKinds)[number];

/**
 * A later case linked to an earlier one: the same person trafficked again (seeds 000 and 002:
 * re-trafficking is to be noticed). Shown on both cases to their teams.
 */
export const caseLinks = pgTable(
  "case_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    earlierCaseId: uuid("earlier_case_id")
      .notNull()
      .references(() => cases.id),
    kind: text("kind").$type<CaseLinkKind>().notNull(),
    linkedBy: uuid("linked_by")
      .notNull()
      .references(() => users.id),
    linkedAt: timestamp("linked_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("case_links_pair_idx").on(t.caseId, t.earlierCaseId, t.kind),
    index("case_links_earlier_idx").on(t.earlierCaseId),
  ],
);
