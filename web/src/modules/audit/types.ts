/** The audited actions the interface names; the server may add more, shown by their code. */
export const auditActions = [
  "auth.login",
  "auth.login_failed",
  "auth.logout",
  "case.register",
  "case.identity.read",
  "case.team.add",
  "case.team.remove",
  "referral.create",
  "referral.accept",
  "referral.decline",
  "referral.revoke",
  "referral.note.read",
  "rights_information.record",
  "task.done",
  "case.search.name",
  "admin.agency.create",
  "admin.agency.update",
  "admin.user.create",
  "admin.user.update",
  "admin.user.password_reset",
  "admin.user.totp_reset",
  "admin.role_settings.update",
  "user.language",
  "user.password",
  "user.totp.enable",
  "audit.verify",
  "system.demo_data",
] as const;
export type AuditAction = (typeof auditActions)[number];

export const isAuditAction = (value: string): value is AuditAction =>
  (auditActions as readonly string[]).includes(value);

export interface AuditRow {
  seq: number;
  at: string;
  actor: { username: string; agencyName: string } | null;
  action: string;
  reference: string | null;
  entity: string | null;
  entityId: string | null;
  detail: unknown;
  ip: string | null;
  reason: string | null;
}

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  brokenAt: number | null;
  problem: string | null;
}
