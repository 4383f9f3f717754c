import type { Pathway } from "../../../shared/vocabulary";
import type { referrals } from "./schema";

type ReferralRow = typeof referrals.$inferSelect;
export type CaseLabel = { reference: string; pathway: Pathway };
export type AgencyName = { id: string; name: string };

/** Consent or, failing it, the legal basis the referral rests on. */
function groundsOf(row: ReferralRow) {
  if (row.consentDate && row.consentMethod)
    return { kind: "consent" as const, date: row.consentDate, method: row.consentMethod };
  return {
    kind: "legal_basis" as const,
    basis: row.legalBasis,
    decidedBy: row.legalBasisDecidedBy,
    date: row.legalBasisDate,
  };
}

/**
 * A referral as both agencies see it: the case's reference and pathway, never the case itself.
 * The recipient learns about the person only after accepting, through the case team.
 */
export const presentReferral = (
  row: ReferralRow,
  label: CaseLabel,
  agencyName: (id: string) => AgencyName,
) => ({
  id: row.id,
  case: label,
  from: agencyName(row.fromAgencyId),
  to: agencyName(row.toAgencyId),
  purpose: row.purpose,
  service: row.service,
  requestedScopes: row.requestedScopes,
  grantedScopes: row.grantedScopes,
  grounds: groundsOf(row),
  status: row.status,
  referredAt: row.referredAt.toISOString(),
  answeredAt: row.answeredAt?.toISOString() ?? null,
  /** Opened only in the detail view, for identity roles, audited (queries.ts getReferral). */
  declineReason: null as string | null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});
