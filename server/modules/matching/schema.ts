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
