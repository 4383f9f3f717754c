import { and, eq, isNull } from "drizzle-orm";
import { recordAudit, type AuditActor } from "../../platform/audit/audit";
import type { AuditDetail } from "../../platform/audit/schema";
import type { Tx } from "../../platform/db/types";
import { Conflict } from "../../platform/errors";
import { type CaseScope, caseTeam } from "./schema";

export interface TeamChange {
  caseId: string;
  reference: string;
  agency: { id: string; code: string };
  /** The user who decided; recorded as who added the agency. */
  userId: string;
  now: Date;
  /**
   * What brought the agency in or took it out, for the audit trail: a referral, or a duty in law
   * that needs no consent (social services called out for a child, DOMAIN.md "Children").
   */
  via?: { referralId: string } | { legalBasis: "child_protection_duty" };
}

const viaDetail = (via: TeamChange["via"]): AuditDetail => {
  if (!via) return {};
  return "referralId" in via ? { referral: via.referralId } : { legalBasis: via.legalBasis };
};

/**
 * Puts an agency on the case team with the given scopes, inside the caller's transaction, and
 * audits it. Other modules (referrals) widen a team only through here: the case team is this
 * module's table.
 */
export async function joinCaseTeam(
  tx: Tx,
  actor: AuditActor,
  change: TeamChange & { scopes: CaseScope[] },
): Promise<void> {
  const where = and(eq(caseTeam.caseId, change.caseId), eq(caseTeam.agencyId, change.agency.id));
  const [member] = await tx.select().from(caseTeam).where(where).for("update");
  if (member && !member.removedAt) throw new Conflict("already_on_team");
  const scopes = [...new Set(change.scopes)];
  const values = { scopes, addedBy: change.userId, addedAt: change.now, removedAt: null };
  if (member) await tx.update(caseTeam).set(values).where(where);
  else await tx.insert(caseTeam).values({ caseId: change.caseId, agencyId: change.agency.id, ...values });
  await recordAudit(tx, actor, {
    action: "case.team.add",
    caseId: change.caseId,
    entity: "agency",
    entityId: change.agency.id,
    detail: {
      reference: change.reference,
      agency: change.agency.code,
      scopes,
      ...viaDetail(change.via),
    },
  });
}

/** Takes an agency off the case team (the row stays, with removedAt, for the record), audited. */
export async function leaveCaseTeam(tx: Tx, actor: AuditActor, change: TeamChange): Promise<void> {
  const removed = await tx
    .update(caseTeam)
    .set({ removedAt: change.now })
    .where(
      and(
        eq(caseTeam.caseId, change.caseId),
        eq(caseTeam.agencyId, change.agency.id),
        isNull(caseTeam.removedAt),
      ),
    )
    .returning({ agencyId: caseTeam.agencyId });
  if (removed.length === 0) return;
  await recordAudit(tx, actor, {
    action: "case.team.remove",
    caseId: change.caseId,
    entity: "agency",
    entityId: change.agency.id,
    detail: {
      reference: change.reference,
      agency: change.agency.code,
      ...viaDetail(change.via),
    },
  });
}
