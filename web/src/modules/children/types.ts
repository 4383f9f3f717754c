import type {
  BestInterestsOutcome,
  ChildLocationType,
  GuardianAppointingBody,
  NotificationMethod,
  ParentRelationship,
} from "../../../../shared/children";

export interface Named {
  id: string;
  name: string;
}

/** What GET /api/cases/:reference/child answers (and every write of the tab). */
export interface ChildRecords {
  caseWorker: { user: Named; agency: Named; assignedBy: Named; assignedAt: string } | null;
  guardians: {
    id: string;
    active: boolean;
    name: string | null;
    contact: string | null;
    appointingBody: GuardianAppointingBody;
    decisionReference: string | null;
    appointedOn: string;
    recordedBy: Named;
    agency: Named;
    recordedAt: string;
    replacedAt: string | null;
  }[];
  bestInterests: {
    id: string;
    determinedOn: string;
    outcome: BestInterestsOutcome;
    reasoning: string | null;
    guardianPresent: boolean;
    childHeard: boolean;
    determinedBy: Named;
    agency: Named;
    recordedAt: string;
  }[];
  views: {
    id: string;
    heardOn: string;
    inPerson: boolean;
    withInterpreter: boolean;
    guardianPresent: boolean;
    summary: string | null;
    heardBy: Named;
    agency: Named;
    recordedAt: string;
  }[];
  parents: {
    id: string;
    relationship: ParentRelationship;
    name: string | null;
    contact: string | null;
    suspectedTrafficker: boolean;
    flagChangedAt: string | null;
    notifications: {
      id: string;
      method: NotificationMethod;
      notifiedAt: string;
      notifiedBy: Named;
      agency: Named;
    }[];
  }[];
  location: {
    current: { type: ChildLocationType; since: string; recordedBy: Named; agency: Named } | null;
    policeStationSince: string | null;
    overLimit: boolean;
    history: { type: ChildLocationType; since: string; recordedBy: Named; agency: Named }[];
  };
  deadlines: { policeStationMaxHours: number; guardianDeadlineHours: number; guardianDueAt: string };
  permissions: {
    canManage: boolean;
    canRecordLocation: boolean;
    canFlagParent: boolean;
    canUnflagParent: boolean;
    canSeeContacts: boolean;
    canSeeWelfareText: boolean;
  };
}
