import type { Stage } from "../../../../shared/pathway";
import type { ClosureOutcome } from "../../../../shared/vocabulary";

export type ClosureStatus = "proposed" | "approved" | "rejected" | "superseded";

interface Person {
  id: string;
  name: string;
}

/** GET /api/cases/:reference/closure (docs/api.md). */
export interface ClosureState {
  stage: Stage | null;
  closure: {
    id: string;
    outcome: ClosureOutcome;
    status: ClosureStatus;
    note: string | null;
    hasNote: boolean;
    proposedBy: Person | null;
    proposedAt: string;
    approvedBy: Person | null;
    approvedAt: string | null;
    rejectedBy: Person | null;
    rejectedAt: string | null;
    rejectionReason: string | null;
  } | null;
  permissions: { canPropose: boolean; canDecide: boolean; canRecordReopeningReason: boolean };
}
