import type { AgencyType, Language, Role } from "../../../shared/roles";
import type { AuditActor } from "../audit/audit";

/** The signed-in user a request acts for; commands and queries take it first. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  agencyId: string;
  agencyType: AgencyType;
  roles: Role[];
  language: Language;
  ip: string | null;
  sessionId: string;
}

export const hasRole = (actor: Pick<Actor, "roles">, ...wanted: readonly Role[]) =>
  actor.roles.some((role) => wanted.includes(role));

export const auditActor = (actor: Pick<Actor, "userId" | "agencyId" | "ip">): AuditActor => ({
  userId: actor.userId,
  agencyId: actor.agencyId,
  ip: actor.ip,
});
