import type {
  CallbackOutcome,
  CallerType,
  ContactChannel,
  ContactIndicator,
  ContactOutcome,
  ContactUrgency,
  HandoverException,
} from "../../../../shared/hotline";

export interface Agency {
  id: string;
  name: string;
}

export interface Contact {
  id: string;
  receivedAt: string;
  channel: ContactChannel;
  language: string;
  callerType: CallerType;
  region: string | null;
  indicators: ContactIndicator[];
  urgency: ContactUrgency;
  outcome: ContactOutcome;
  identifiersKept: boolean;
  hasSummary: boolean;
  caseReference: string | null;
  handovers: {
    id: string;
    agency: Agency;
    callerConsent: boolean;
    exception: HandoverException | null;
    handedAt: string;
    acknowledgedAt: string | null;
  }[];
  callbacks: {
    id: string;
    dueAt: string;
    due: boolean;
    doneAt: string | null;
    attempts: { outcome: CallbackOutcome; attemptedAt: string }[];
  }[];
}

export interface ContactDetail extends Contact {
  summary: string | null;
  callerName: string | null;
  phone: string | null;
}

export interface Handover {
  id: string;
  handedAt: string;
  hotline: Agency;
  channel: ContactChannel;
  language: string;
  callerType: CallerType;
  region: string | null;
  indicators: ContactIndicator[];
  urgency: ContactUrgency;
  summary: string | null;
  callerConsent: boolean;
  exception: HandoverException | null;
  caller: { name: string | null; phone: string | null } | null;
  acknowledgedAt: string | null;
  acknowledgedBy: Agency | null;
}

export type DueCallbacks = DueCallback[];

export interface DueCallback {
  id: string;
  contactId: string;
  dueAt: string;
  due: boolean;
  language: string;
  channel: ContactChannel;
  attempts: number;
}

export interface Figures {
  from: string;
  to: string;
  total: number;
  byChannel: Record<string, number>;
  byLanguage: Record<string, number>;
  byCallerType: Record<string, number>;
  byOutcome: Record<string, number>;
}
