import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { DecisionCode } from "../../../shared/coordination";
import { bytea } from "../../platform/crypto/schema";
import type { FieldLocation } from "../../platform/crypto/keyring";
import { agencies, users } from "../agencies/schema";
import { cases } from "../cases/schema";

/**
 * A standing coordination group (seed 000: the regional and national coordination groups): one
 * per region of the jurisdiction, or the national one when the region is null.
 */
export const coordinationGroups = pgTable("coordination_groups", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  region: text("region"),
  createdBy: uuid("created_by")
    .notNull()
    .references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

/** The agencies sitting in a group: their users see its meetings. */
export const coordinationGroupMembers = pgTable(
  "coordination_group_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => coordinationGroups.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    addedBy: uuid("added_by")
      .notNull()
      .references(() => users.id),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("coordination_group_members_group_agency_idx").on(t.groupId, t.agencyId),
    index("coordination_group_members_agency_idx").on(t.agencyId),
  ],
);

/**
 * A meeting of a group. Its minutes may name people or places: sealed under the system key and
 * opened for member agencies only, each reading audited.
 */
export const coordinationMeetings = pgTable(
  "coordination_meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => coordinationGroups.id),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    minutes: bytea("minutes_sealed"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("coordination_meetings_group_idx").on(t.groupId, t.heldOn)],
);

/**
 * A case on a meeting's agenda, by reference only, with the group's decision. The decision's
 * reasoning is sealed under the person's key: only the case team reads it.
 */
export const coordinationAgendaItems = pgTable(
  "coordination_agenda_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => coordinationMeetings.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    addedBy: uuid("added_by")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull(),
    decisionCode: text("decision_code").$type<DecisionCode>(),
    decisionText: bytea("decision_text_sealed"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("coordination_agenda_items_meeting_case_idx").on(t.meetingId, t.caseId),
    index("coordination_agenda_items_case_idx").on(t.caseId),
  ],
);

export const meetingMinutesAt = (id: string): FieldLocation => ({
  table: "coordination_meetings",
  recordId: id,
  field: "minutes",
});
export const decisionTextAt = (id: string): FieldLocation => ({
  table: "coordination_agenda_items",
  recordId: id,
  field: "decision_text",
});
