import type {
  AssistanceService,
  ConsentMethod,
  Pathway,
  ReferralLegalBasis,
  ReferralPurpose,
  ReferralStatus,
} from "../../../../shared/vocabulary";
import type { TeamScope } from "../cases/types";

export type ReferralGrounds =
  | { kind: "consent"; date: string; method: ConsentMethod }
  | { kind: "legal_basis"; basis: ReferralLegalBasis | null; decidedBy: string | null; date: string | null };

/** A referral as GET /api/cases/:reference/referrals and the inbox describe it. */
export interface Referral {
  id: string;
  case: { reference: string; pathway: Pathway };
  from: { id: string; name: string };
  to: { id: string; name: string };
  purpose: ReferralPurpose;
  service: AssistanceService | null;
  requestedScopes: TeamScope[];
  grantedScopes: TeamScope[];
  grounds: ReferralGrounds;
  status: ReferralStatus;
  referredAt: string;
  answeredAt: string | null;
  declineReason: string | null;
  revokedAt: string | null;
}

export interface ReferralDetail extends Referral {
  note: string | null;
  permissions: { canAnswer: boolean; canRevoke: boolean };
}

export interface Inbox {
  items: (Referral & { unread: boolean })[];
  pending: number;
  unread: number;
}

export const inboxPath = "/api/referrals/inbox";
