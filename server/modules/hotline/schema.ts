import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type {
  CallbackOutcome,
  CallerType,
  ContactChannel,
  ContactIndicator,
  ContactOutcome,
  ContactUrgency,
  HandoverException,
} from "../../../shared/hotline";
import type { LanguageCode } from "../../../shared/vocabulary";
import type { FieldLocation } from "../../platform/crypto/keyring";
import { bytea, dataKeys } from "../../platform/crypto/schema";
import { agencies, users } from "../agencies/schema";
import { cases } from "../cases/schema";

/**
 * One call, message, walk-in or web form to the hotline (seeds 001, 003). No identity is needed:
 * the columns say what was reported. The summary and, only with recorded consent, the caller's name
 * and number are sealed under the contact's own data key, so that destroying the key erases them.
 */
export const hotlineContacts = pgTable(
  "hotline_contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    operatorId: uuid("operator_id")
      .notNull()
      .references(() => users.id),
    channel: text("channel").$type<ContactChannel>().notNull(),
    language: text("language").$type<LanguageCode>().notNull(),
    callerType: text("caller_type").$type<CallerType>().notNull(),
    region: text("region"),
    indicators: text("indicators").array().$type<ContactIndicator[]>().notNull(),
    urgency: text("urgency").$type<ContactUrgency>().notNull(),
    outcome: text("outcome").$type<ContactOutcome>().notNull(),
    dataKeyId: uuid("data_key_id")
      .notNull()
      .references(() => dataKeys.id),
    summary: bytea("summary_sealed"),
    /** When the caller agreed that their name or number be kept; null: nothing identifying is stored. */
    identifierConsentAt: timestamp("identifier_consent_at", { withTimezone: true }),
    callerName: bytea("caller_name_sealed"),
    phone: bytea("phone_sealed"),
    caseId: uuid("case_id").references(() => cases.id),
    caseConsentAt: timestamp("case_consent_at", { withTimezone: true }),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("hotline_contacts_agency_idx").on(t.agencyId, t.receivedAt),
    index("hotline_contacts_received_idx").on(t.receivedAt),
  ],
);

/**
 * Imminent danger: the report handed to a police agency at once (seed 002: a trafficked woman
 * phoned the police just before being sold), on the caller's consent or a recorded exception, and
 * the police's acknowledgement.
 */
export const hotlineHandovers = pgTable(
  "hotline_handovers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => hotlineContacts.id),
    policeAgencyId: uuid("police_agency_id")
      .notNull()
      .references(() => agencies.id),
    callerConsent: boolean("caller_consent").notNull(),
    exception: text("exception").$type<HandoverException>(),
    handedBy: uuid("handed_by")
      .notNull()
      .references(() => users.id),
    handedAt: timestamp("handed_at", { withTimezone: true }).notNull(),
    acknowledgedBy: uuid("acknowledged_by").references(() => users.id),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
  },
  (t) => [
    index("hotline_handovers_contact_idx").on(t.contactId),
    index("hotline_handovers_police_idx").on(t.policeAgencyId, t.handedAt),
  ],
);

/** A callback the operator promised; attempts are recorded until it is done. */
export const hotlineCallbacks = pgTable(
  "hotline_callbacks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => hotlineContacts.id),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    scheduledBy: uuid("scheduled_by")
      .notNull()
      .references(() => users.id),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }).notNull(),
    doneAt: timestamp("done_at", { withTimezone: true }),
  },
  (t) => [
    index("hotline_callbacks_contact_idx").on(t.contactId),
    index("hotline_callbacks_due_idx").on(t.dueAt),
  ],
);

export const hotlineCallbackAttempts = pgTable(
  "hotline_callback_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    callbackId: uuid("callback_id")
      .notNull()
      .references(() => hotlineCallbacks.id),
    outcome: text("outcome").$type<CallbackOutcome>().notNull(),
    attemptedBy: uuid("attempted_by")
      .notNull()
      .references(() => users.id),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("hotline_callback_attempts_callback_idx").on(t.callbackId)],
);

export const contactFieldAt = (
  contactId: string,
  field: "summary" | "caller_name" | "phone",
): FieldLocation => ({
  table: "hotline_contacts",
  recordId: contactId,
  field,
});
