import type {
  CompensationKind,
  CustodyStatus,
  HearingKind,
  MitigatingGround,
  PerpetratorRole,
  ProceedingStage,
  ProtectiveMeasure,
  RangeCheck,
  TestimonyKind,
  TestimonyPresence,
  VerdictOutcome,
} from "../../../../shared/justice";
import type { Role } from "../../../../shared/roles";
import type { RiskLevel } from "../../../../shared/security";

/** Roles that keep a proceeding's record (the server checks the agency type too). */
export const recordingRoles: readonly Role[] = ["prosecutor"];
export const openingRoles: readonly Role[] = ["prosecutor", "police_investigator"];
export const custodyRoles: readonly Role[] = ["prosecutor", "police_investigator"];
export const reassessingRoles: readonly Role[] = ["case_worker", "supervisor", "police_investigator"];
export const compensationRoles: readonly Role[] = ["case_worker", "supervisor", "prosecutor"];

export interface LawTable {
  statute: string;
  sections: {
    section: string;
    offence: string;
    title: { en: string; sq: string; sr: string };
    minimumMonths: number;
    maximumMonths: number | null;
    minorMaximumMonths: number | null;
  }[];
}

export interface DocketEntry {
  id: string;
  stage: ProceedingStage;
  policeCaseNumber: string | null;
  prosecutorReference: string | null;
  courtReference: string | null;
  court: string | null;
  victims: string[];
  witnessesNotInformed: number;
  defendants: number;
  nextHearing: { at: string; kind: HearingKind } | null;
  outOfRange: number;
  updatedAt: string;
}

export interface Verdict {
  id: string;
  outcome: VerdictOutcome;
  decidedOn: string;
  imprisonmentMonths: number | null;
  suspended: boolean;
  fineEuros: number | null;
  mitigatingGrounds: MitigatingGround[];
  minimumMonths: number | null;
  maximumMonths: number | null;
  rangeCheck: RangeCheck | null;
  outOfRange: boolean;
}

export interface Proceeding {
  id: string;
  stage: ProceedingStage;
  policeCaseNumber: string | null;
  prosecutorReference: string | null;
  courtReference: string | null;
  court: string | null;
  owner: { id: string; name: string };
  openedAt: string;
  victims: {
    id: string;
    case: { reference: string; pathway: string };
    injuredParty: boolean;
    witness: boolean;
    measuresRequested: ProtectiveMeasure[];
    measuresGranted: ProtectiveMeasure[];
    informed: { at: string; by: { id: string; name: string } } | null;
    pastHistoryInCameraOnly: boolean;
    witnessProtectionUnit: boolean;
    lawyer: string | null;
    interpreterId: string | null;
    testimonies: { id: string; kind: TestimonyKind; presence: TestimonyPresence; on: string }[];
  }[];
  defendants: {
    id: string;
    name: string;
    nationality: string | null;
    role: PerpetratorRole;
    custody: CustodyStatus;
    custodySince: string | null;
    custodyHistory: { status: CustodyStatus; since: string }[];
  }[];
  charges: {
    id: string;
    defendantId: string;
    section: string;
    offence: string | null;
    minorVictim: boolean;
    chargedOn: string;
    verdict: Verdict | null;
  }[];
  hearings: { id: string; kind: HearingKind; at: string; interpreterId: string | null }[];
  outOfRange: number;
}
export type Victim = Proceeding["victims"][number];

export interface CaseJustice {
  proceedings: {
    id: string;
    stage: ProceedingStage;
    open: boolean;
    injuredParty: boolean | null;
    witness: boolean | null;
  }[];
  reassessmentDue: boolean;
  lastReassessment: { level: RiskLevel; at: string } | null;
  compensation: {
    id: string;
    kind: CompensationKind;
    proceedingId: string | null;
    claimedEuros: number;
    claimedOn: string;
    decidedEuros: number | null;
    decidedOn: string | null;
    paidEuros: number | null;
    paidOn: string | null;
  }[];
}

export interface JusticeFigures {
  year: number;
  funnel: { charged: number; convicted: number; acquitted: number; released: number; pending: number };
  sections: {
    section: string;
    offence: string;
    minimumMonths: number;
    maximumMonths: number | null;
    sentenced: number;
    belowMinimum: number;
    within: number;
    aboveMaximum: number;
    suspended: number;
    months: number[];
  }[];
}
