import type {
  AssignmentKind,
  IncidentKind,
  InterpreterAvailability,
  RiskLevel,
} from "../../../../shared/security";
import type { LanguageCode } from "../../../../shared/vocabulary";
import type { Me } from "../../platform/types";

interface Named {
  id: string;
  name: string;
}

export interface RiskAnswer {
  current: { level: RiskLevel; source: "set" | "interview"; at: string } | null;
  history: {
    id: string;
    level: RiskLevel;
    reason: string | null;
    setBy: Named;
    agency: Named;
    setAt: string;
  }[];
}

export interface Incident {
  id: string;
  kind: IncidentKind;
  occurredAt: string;
  description: string;
  recordedBy: Named;
  recordedAt: string;
  relocatedAt: string | null;
}

export interface Interpreter {
  id: string;
  name: string;
  languages: LanguageCode[];
  availability: InterpreterAvailability;
  phone: string | null;
  agency: Named;
  own: boolean;
}

export interface InterpreterAssignment {
  id: string;
  kind: AssignmentKind;
  on: string;
  interpreter: { id: string; name: string; languages: LanguageCode[] };
  assignedBy: Named;
  agency: Named;
  assignedAt: string;
}

const policeAgencies: readonly string[] = ["police_anti_trafficking", "border_police"];

/** Mirrors the server: the police and the shelter set a person's risk level. */
export const maySetRiskLevel = (me: Me) =>
  me.roles.includes("police_investigator") ||
  (policeAgencies.includes(me.agency.type) && me.roles.includes("supervisor")) ||
  (me.agency.type === "shelter_operator" &&
    me.roles.some((role) => role === "case_worker" || role === "supervisor"));

export const mayManageInterpreters = (me: Me) =>
  me.roles.some((role) => role === "agency_admin" || role === "supervisor");

/** A local date-time from the browser's picker as an instant; an unreadable value goes as it is. */
export function instantOf(local: string): string {
  const date = new Date(local);
  return local === "" || Number.isNaN(date.getTime()) ? local : date.toISOString();
}
