import type {
  NeedUrgency,
  ResidenceAction,
  ServiceStatus,
  SupportPlanStatus,
  SupportPlanType,
} from "../../../../shared/assistance";
import type { AssistanceService } from "../../../../shared/vocabulary";

type Named = { id: string; name: string };

/** GET /api/cases/:reference/needs-assessments */
export interface NeedsList {
  items: {
    id: string;
    needs: AssistanceService[];
    urgency: NeedUrgency;
    note: string | null;
    hasNote: boolean;
    assessedAt: string;
    assessedBy: Named;
    agency: Named;
  }[];
  mayRecord: boolean;
  mayReadNotes: boolean;
}

export interface ServiceItem {
  id: string;
  service: AssistanceService;
  providerAgency: Named | null;
  providerName: string | null;
  hasProviderName: boolean;
  startDate: string;
  endDate: string | null;
  status: ServiceStatus;
  note: string | null;
  hasNote: boolean;
  agency: Named;
  updatedBy: Named;
  updatedAt: string;
}

/** GET /api/cases/:reference/services */
export interface ServiceList {
  items: ServiceItem[];
  mayRecord: boolean;
  mayReadNotes: boolean;
}

/** GET /api/cases/:reference/support-plans */
export interface PlanList {
  items: {
    id: string;
    type: SupportPlanType;
    objectives: string | null;
    actionPlan: string | null;
    startDate: string;
    reviewDate: string;
    plannedEndDate: string | null;
    actualEndDate: string | null;
    status: SupportPlanStatus;
    serviceIds: string[];
    agency: Named;
  }[];
  mayRecord: boolean;
  mayReadNotes: boolean;
}

/** GET /api/cases/:reference/reflection */
export interface ReflectionView {
  reflection: {
    startDate: string;
    defaultDays: number;
    defaultEndDate: string;
    endDate: string;
    daysLeft: number;
    expired: boolean;
    extended: boolean;
    extensions: {
      id: string;
      previousEndDate: string;
      newEndDate: string;
      reason: string | null;
      extendedBy: Named;
      agency: Named;
      extendedAt: string;
    }[];
  };
  residence: {
    applicable: boolean;
    defaultDays: number;
    grantedDate: string | null;
    validUntil: string | null;
    daysLeft: number | null;
    expired: boolean;
    extended: boolean;
    permits: {
      id: string;
      action: ResidenceAction;
      grantedDate: string;
      validUntil: string;
      permitNumber: string | null;
      hasPermitNumber: boolean;
      agency: Named;
    }[];
  };
  reminderDaysBefore: number;
  permissions: { canExtend: boolean; canRecordResidence: boolean };
}
