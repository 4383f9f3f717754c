import type { ErrorCode } from "../../../shared/messages";
import type {
  AssistanceService,
  ConsentMethod,
  Pathway,
  ReferralLegalBasis,
  ReferralPurpose,
  ReferralStatus,
} from "../../../shared/vocabulary";
import { type CaseScope, caseScopes } from "../cases/schema";

/** The person's own consent to this referral: to this recipient, for this purpose. */
export interface Consent {
  given: boolean;
  date?: string | null | undefined;
  method?: ConsentMethod | null | undefined;
  /** The parts of the case the person agreed to share with the recipient. */
  scopes: CaseScope[];
}

/** When the person cannot consent: the ground, who decided, and what may be shared. */
export interface LegalBasis {
  basis: ReferralLegalBasis;
  decidedBy: string;
  date: string;
  scopes: CaseScope[];
}

export interface ReferralDraft {
  toAgencyId: string;
  purpose: ReferralPurpose;
  service?: AssistanceService | null | undefined;
  scopes: CaseScope[];
  consent?: Consent | null | undefined;
  legalBasis?: LegalBasis | null | undefined;
}

export interface ReferralContext {
  fromAgencyId: string;
  pathway: Pathway;
  /** The jurisdiction's date: consent cannot have been given after it. */
  today: string;
}

export interface Issue {
  field: string;
  code: ErrorCode;
}

/**
 * Why a referral may not be made, or null. Consent is recorded per recipient and purpose; only
 * when the person cannot give it does a recorded legal basis stand in for it (002 rec. 2.4 and
 * the child pathway: the guardian decides for a child).
 */
export function referralIssue(draft: ReferralDraft, context: ReferralContext): Issue | null {
  if (draft.toAgencyId === context.fromAgencyId)
    return { field: "toAgencyId", code: "referral_to_own_agency" };
  if (draft.purpose === "service" && !draft.service) return { field: "service", code: "required" };
  return groundsIssue(draft, context);
}

function groundsIssue(draft: ReferralDraft, context: ReferralContext): Issue | null {
  const { consent, legalBasis } = draft;
  if (consent?.given) {
    if (!consent.date) return { field: "consent.date", code: "required" };
    if (!consent.method) return { field: "consent.method", code: "required" };
    return consent.date > context.today ? { field: "consent.date", code: "date_in_future" } : null;
  }
  if (!legalBasis) return { field: consent ? "consent.given" : "consent", code: "consent_required" };
  if (legalBasis.decidedBy.trim() === "") return { field: "legalBasis.decidedBy", code: "required" };
  if (legalBasis.date > context.today) return { field: "legalBasis.date", code: "date_in_future" };
  if (legalBasis.basis === "child_guardian_decision" && context.pathway !== "child") {
    return { field: "legalBasis.basis", code: "legal_basis_not_applicable" };
  }
  return null;
}

/** What the consent (or, without it, the legal basis) allows to be shared. */
export function coveredScopes(draft: Pick<ReferralDraft, "consent" | "legalBasis">): CaseScope[] {
  if (draft.consent?.given) return draft.consent.scopes;
  return draft.legalBasis?.scopes ?? [];
}

/** Need to know: the recipient gets what was asked for and covered by consent, and no more. */
export function grantedScopes(requested: readonly CaseScope[], covered: readonly CaseScope[]): CaseScope[] {
  return caseScopes.filter((scope) => requested.includes(scope) && covered.includes(scope));
}

export type ReferralAction = "accept" | "decline" | "revoke";

const fromPending: Record<ReferralAction, ReferralStatus> = {
  accept: "accepted",
  decline: "declined",
  revoke: "revoked",
};

/** The status after an action, or null when the action is not open from this status. */
export function nextStatus(status: ReferralStatus, action: ReferralAction): ReferralStatus | null {
  switch (status) {
    case "pending":
      return fromPending[action];
    // An accepted referral can still be withdrawn: the recipient then leaves the case team.
    case "accepted":
      return action === "revoke" ? "revoked" : null;
    case "declined":
    case "revoked":
      return null;
  }
}

/** A decline without a reason leaves the referring agency with nothing to act on. */
export function declineIssue(reason: string | null | undefined): Issue | null {
  return reason && reason.trim() !== "" ? null : { field: "reason", code: "decline_reason_required" };
}
