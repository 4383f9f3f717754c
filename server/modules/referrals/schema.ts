import { sql } from "drizzle-orm";
import { date, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type {
  AssistanceService,
  ConsentMethod,
  ReferralLegalBasis,
  ReferralPurpose,
  ReferralStatus,
} from "../../../shared/vocabulary";
import { bytea } from "../../platform/crypto/schema";
import { agencies, users } from "../agencies/schema";
import { type CaseScope, cases } from "../cases/schema";

/**
 * A referral of a case from one agency to another, for a service or for case responsibility.
 * Consent is recorded per recipient and purpose (or the legal basis that replaces it); the scopes
 * granted are fixed when the referral is made and are exactly what the recipient gets on acceptance.
 */
export const referrals = pgTable(
  "referrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    fromAgencyId: uuid("from_agency_id")
      .notNull()
      .references(() => agencies.id),
    toAgencyId: uuid("to_agency_id")
      .notNull()
      .references(() => agencies.id),
    purpose: text("purpose").$type<ReferralPurpose>().notNull(),
    service: text("service").$type<AssistanceService>(),
    requestedScopes: text("requested_scopes")
      .array()
      .$type<CaseScope[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** What the consent or legal basis allows to be shared with this recipient. */
    coveredScopes: text("covered_scopes")
      .array()
      .$type<CaseScope[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    grantedScopes: text("granted_scopes")
      .array()
      .$type<CaseScope[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Sealed under the person's data key: a note may name the person or where they are. */
    note: bytea("note_sealed"),
    consentDate: date("consent_date", { mode: "string" }),
    consentMethod: text("consent_method").$type<ConsentMethod>(),
    legalBasis: text("legal_basis").$type<ReferralLegalBasis>(),
    legalBasisDecidedBy: text("legal_basis_decided_by"),
    legalBasisDate: date("legal_basis_date", { mode: "string" }),
    status: text("status").$type<ReferralStatus>().notNull().default("pending"),
    referredBy: uuid("referred_by")
      .notNull()
      .references(() => users.id),
    referredAt: timestamp("referred_at", { withTimezone: true }).notNull().defaultNow(),
    answeredBy: uuid("answered_by").references(() => users.id),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    /** Sealed under the person's key (see declineReasonAt): free text may name people. */
    declineReason: bytea("decline_reason"),
    revokedBy: uuid("revoked_by").references(() => users.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    index("referrals_case_idx").on(t.caseId),
    index("referrals_to_agency_idx").on(t.toAgencyId, t.status),
  ],
);

/** Who has opened a referral in the inbox: unread counts are per user. */
export const referralReads = pgTable(
  "referral_reads",
  {
    referralId: uuid("referral_id")
      .notNull()
      .references(() => referrals.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    readAt: timestamp("read_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.referralId, t.userId] })],
);

/** Where a referral's sealed texts live, as bound into their ciphertexts. */
export const noteAt = (referralId: string) => ({ table: "referrals", recordId: referralId, field: "note" });
export const declineReasonAt = (referralId: string) => ({
  table: "referrals",
  recordId: referralId,
  field: "decline_reason",
});
