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
  "needs_assessment.record",
  "assistance_service.record",
  "assistance_service.update",
  "support_plan.record",
  "support_plan.update",
  "reflection_period.extend",
  "residence.grant",
  "residence.extend",
  "assistance.text.read",
  "rights_leaflet.print",
  "interview.record",
  "interview.correct",
  "interview.read",
  "task.done",
  "alert.acknowledge",
  "case.stage",
  "case.status",
  "closure.propose",
  "closure.approve",
  "closure.reject",
  "closure.supersede",
  "closure.reopening_reason",
  "closure.text.read",
  "child.case_worker.assign",
  "child.guardian.assign",
  "child.best_interests.record",
  "child.views.record",
  "child.parent.add",
  "child.parent.flag",
  "child.parent.unflag",
  "child.parent.notify",
  "child.location.record",
  "shelter.create",
  "shelter.address.read",
  "shelter.admit",
  "shelter.discharge",
  "shelter.update",
  "shelter.criteria",
  "shelter.escort.grant",
  "shelter.escort.revoke",
  "operation.file",
  "operation.details.read",
  "operation.places_short",
  "operation.start",
  "operation.finish",
  "operation.register",
  "shelter.relocate",
  "shelter_incident.record",
  "shelter_incident.read",
  "risk_level.set",
  "risk_level.read",
  "interpreter.create",
  "interpreter.update",
  "interpreter.assign",
  "coordination.group.create",
  "coordination.member.add",
  "coordination.member.remove",
  "coordination.group.rename",
  "coordination.meeting.create",
  "coordination.agenda.add",
  "coordination.decision",
  "coordination.decision_text.read",
  "coordination.minutes.update",
  "coordination.minutes.read",
  "child.read",
  "risk_assessment.record",
  "future_decision.record",
  "return.record",
  "follow_up.record",
  "re_trafficking.link",
  "hand_over.create",
  "hand_over.download",
  "future.text.read",
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
