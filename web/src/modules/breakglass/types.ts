import { type BreakGlassReason, mayBreakGlassAs } from "../../../../shared/breakglass";
import type { AgencyType, Role } from "../../../../shared/roles";

/** An emergency access as the server gives it (GET /api/break-glass, /api/cases/:reference/break-glass). */
export interface BreakGlassGrant {
  id: string;
  reference: string;
  reasonCode: BreakGlassReason;
  user: { id: string; username: string; name: string };
  agency: { id: string; name: string };
  grantedAt: string;
  expiresAt: string;
  endedAt: string | null;
  endedBy: { username: string; name: string } | null;
  state: "active" | "expired" | "ended";
}

export interface CaseBreakGlass {
  mine: BreakGlassGrant | null;
  onCase: (BreakGlassGrant & { reasonText: string | null })[];
}

/** Who may break glass (shared/breakglass.ts): this only hides a form that would be refused. */
export const mayBreakGlass = (user: { roles: readonly Role[]; agency: { type: AgencyType } }) =>
  mayBreakGlassAs(user.roles, user.agency.type);
