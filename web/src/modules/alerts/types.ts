import type { Role } from "../../../../shared/roles";
import type { Pathway } from "../../../../shared/vocabulary";

export interface Alert {
  id: string;
  /** Null for an alert about no case: places short for a planned operation. */
  case: { reference: string; pathway: Pathway } | null;
  kind: string;
  level: number;
  role: Role | null;
  params: Record<string, string | number | boolean>;
  dueAt: string | null;
  raisedAt: string;
  acknowledged: boolean;
}

export interface MyAlerts {
  items: Alert[];
  open: number;
  unacknowledged: number;
}

export const myAlertsPath = "/api/alerts/mine";
