import type {
  FollowUpOutcome,
  FollowUpStatus,
  FutureOption,
  HandOverSection,
  RiskFactor,
  RiskLevel,
  RiskRecommendation,
  TravelDocumentStatus,
} from "../../../../shared/future";

type Named = { id: string; name: string } | null;

export interface FutureView {
  reference: string;
  riskAssessments: {
    id: string;
    assessedOn: string;
    level: RiskLevel;
    factors: RiskFactor[];
    recommendation: RiskRecommendation;
    hasAssessment: boolean;
    assessment: string | null;
    recordedBy: Named;
    agency: Named;
    recordedAt: string;
  }[];
  decision: {
    id: string;
    option: FutureOption;
    decidedOn: string;
    plannedDepartureOn: string | null;
    hasNote: boolean;
    note: string | null;
    recordedBy: Named;
    agency: Named;
    recordedAt: string;
  } | null;
  returnDetails: {
    id: string;
    travelDocumentStatus: TravelDocumentStatus | null;
    travelDocumentOn: string | null;
    hasTravelDocumentNumber: boolean;
    travelDocumentNumber: string | null;
    escorted: boolean;
    escortAgency: Named;
    departureOn: string | null;
    destinationCountry: string;
    partnerName: string | null;
    partnerCountry: string | null;
    recordedBy: Named;
    agency: Named;
    recordedAt: string;
  } | null;
  handOvers: {
    id: string;
    sections: HandOverSection[];
    language: string;
    createdBy: Named;
    agency: Named;
    createdAt: string;
  }[];
  followUps: {
    id: string;
    months: number;
    dueOn: string;
    status: FollowUpStatus;
    overdue: boolean;
    agency: Named;
    heldOn: string | null;
    heldBy: Named;
    resultAgency: Named;
    outcomes: FollowUpOutcome[];
    hasNotes: boolean;
    notes: string | null;
  }[];
  reTrafficking: {
    earlier: { reference: string; recordedAt: string }[];
    later: { reference: string; recordedAt: string }[];
  };
  permissions: {
    canAssessRisk: boolean;
    canDecide: boolean;
    canRecordReturn: boolean;
    canHandOver: boolean;
    canRecordFollowUp: boolean;
    canLinkReTrafficking: boolean;
    canSeeText: boolean;
  };
}

export interface HandOverMade {
  id: string;
  passphrase: string;
  packageUrl: string;
  pdfUrl: string;
}

export const futurePath = (reference: string, rest: string) =>
  `/api/cases/${encodeURIComponent(reference)}/${rest}`;
