import type { ErasureReason, HoldReason } from "../../../../shared/retention";

export { ERASED, erasureReasons, holdReasons } from "../../../../shared/retention";
export type { ErasureReason, HoldReason };

export interface LegalHold {
  id: string;
  reason: HoldReason;
  proceedingReference: string | null;
  agency: { id: string; name: string };
  placedBy: { id: string; name: string };
  placedAt: string;
  liftedAt: string | null;
  canLift: boolean;
}

export interface CaseRetention {
  reference: string;
  status: string;
  closedOn: string | null;
  dueOn: string | null;
  erased: { at: string; reason: ErasureReason } | null;
  holds: LegalHold[];
  permissions: { canErase: boolean; canPlaceHold: boolean };
}

export interface DueList {
  today: string;
  cases: { reference: string; dueOn: string; closedOn: string; held: boolean; due: boolean }[];
  contacts: { id: string; dueOn: string; identified: boolean; due: boolean }[];
  proceedings: { id: string; dueOn: string; due: boolean }[];
}

export interface StandingHold {
  id: string;
  reference: string;
  reason: HoldReason;
  proceedingReference: string | null;
  placedAt: string;
}
