import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import type { Tx } from "../../platform/db/types";
import { Conflict, Forbidden, Invalid, NotFound } from "../../platform/errors";
import { localDate } from "../../platform/jurisdiction";
import { agencies } from "../agencies/schema";
import { caseLabels, isOnCaseTeam, visibleCase } from "../cases/queries";
import { sealCaseText } from "../cases/sealing";
import { joinCaseTeam, leaveCaseTeam } from "../cases/team";
import { mayAnswerReferral, mayRefer, mayRevokeReferral, maySeeReferral } from "./policy";
import {
  coveredScopes,
  declineIssue,
  grantedScopes,
  nextStatus,
  type ReferralAction,
  type ReferralDraft,
  referralIssue,
} from "./rules";
import { declineReasonAt, noteAt, referrals } from "./schema";

/**
 * Refers a case to another agency. Refused (400, naming the field) without the person's consent
 * to this recipient and purpose or a recorded legal basis; the scopes granted are fixed here.
 */
export async function referCase(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  input: ReferralDraft & { note?: string | null | undefined },
): Promise<{ id: string }> {
  const found = await visibleCase(ctx, actor, reference);
  if (!mayRefer(actor)) throw new Forbidden();
  const now = ctx.now();
  const issue = referralIssue(input, {
    fromAgencyId: actor.agencyId,
    pathway: found.pathway,
    today: localDate(now, ctx.jurisdiction.timeZone),
  });
  if (issue) throw new Invalid(issue.field, issue.code);
  const covered = coveredScopes(input);
  const granted = grantedScopes(input.scopes, covered);
  const id = randomUUID();

  return ctx.db.transaction(async (tx) => {
    const [to] = await tx
      .select()
      .from(agencies)
      .where(and(eq(agencies.id, input.toAgencyId), eq(agencies.active, true)));
    if (!to) throw new Invalid("toAgencyId", "invalid_choice");
    if (await isOnCaseTeam(tx, found.id, to.id)) throw new Invalid("toAgencyId", "already_on_team");
    const note = input.note?.trim()
      ? await sealCaseText(ctx, tx, found.id, noteAt(id), input.note.trim())
      : null;
    const consent = input.consent?.given ? input.consent : null;
    const legalBasis = consent ? null : (input.legalBasis ?? null);
    await tx.insert(referrals).values({
      id,
      caseId: found.id,
      fromAgencyId: actor.agencyId,
      toAgencyId: to.id,
      purpose: input.purpose,
      service: input.purpose === "service" ? (input.service ?? null) : null,
      requestedScopes: [...new Set(input.scopes)],
      coveredScopes: covered,
      grantedScopes: granted,
      note,
      consentDate: consent?.date ?? null,
      consentMethod: consent?.method ?? null,
      legalBasis: legalBasis?.basis ?? null,
      legalBasisDecidedBy: legalBasis?.decidedBy.trim() ?? null,
      legalBasisDate: legalBasis?.date ?? null,
      referredBy: actor.userId,
      referredAt: now,
    });
    await recordAudit(tx, auditActor(actor), {
      action: "referral.create",
      caseId: found.id,
      entity: "referral",
      entityId: id,
      detail: {
        reference,
        to: to.code,
        purpose: input.purpose,
        service: input.service ?? null,
        scopes: granted,
        grounds: consent ? `consent_${consent.method}` : `legal_basis_${legalBasis?.basis ?? "none"}`,
      },
    });
    return { id };
  });
}

/** Locks the referral, hides it from outsiders, checks the actor's right and that the step is open. */
async function referralForStep(tx: Tx, actor: Actor, id: string, action: ReferralAction) {
  const [row] = await tx.select().from(referrals).where(eq(referrals.id, id)).for("update");
  if (!row || !maySeeReferral(actor, row)) throw new NotFound();
  const allowed = action === "revoke" ? mayRevokeReferral(actor, row) : mayAnswerReferral(actor, row);
  if (!allowed) throw new Forbidden();
  const next = nextStatus(row.status, action);
  if (!next) throw new Conflict("referral_closed");
  const [to] = await tx
    .select({ id: agencies.id, code: agencies.code })
    .from(agencies)
    .where(eq(agencies.id, row.toAgencyId));
  const label = (await caseLabels(tx, [row.caseId])).get(row.caseId);
  if (!to || !label) throw new NotFound();
  return { row, next, to, reference: label.reference };
}

/** The recipient takes the case on: it joins the team with exactly the granted scopes. */
export async function acceptReferral(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const { row, next, to, reference } = await referralForStep(tx, actor, id, "accept");
    await tx
      .update(referrals)
      .set({ status: next, answeredBy: actor.userId, answeredAt: now })
      .where(eq(referrals.id, id));
    const change = {
      caseId: row.caseId,
      reference,
      agency: to,
      userId: actor.userId,
      now,
      via: { referralId: id },
    };
    await joinCaseTeam(tx, auditActor(actor), { ...change, scopes: row.grantedScopes });
    await recordAudit(tx, auditActor(actor), {
      action: "referral.accept",
      caseId: row.caseId,
      entity: "referral",
      entityId: id,
      detail: { reference, scopes: row.grantedScopes },
    });
  });
}

export async function declineReferral(
  ctx: AppContext,
  actor: Actor,
  id: string,
  reason: string | null | undefined,
): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const { row, next, reference } = await referralForStep(tx, actor, id, "decline");
    const issue = declineIssue(reason);
    if (issue) throw new Invalid(issue.field, issue.code);
    // Free text may name people: sealed like the note, and kept out of the audit trail.
    const declineReason = await sealCaseText(ctx, tx, row.caseId, declineReasonAt(id), (reason ?? "").trim());
    await tx
      .update(referrals)
      .set({ status: next, answeredBy: actor.userId, answeredAt: now, declineReason })
      .where(eq(referrals.id, id));
    await recordAudit(tx, auditActor(actor), {
      action: "referral.decline",
      caseId: row.caseId,
      entity: "referral",
      entityId: id,
      detail: { reference },
    });
  });
}

/** The referring agency withdraws it; if it was accepted, the recipient leaves the case team. */
export async function revokeReferral(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const { row, next, to, reference } = await referralForStep(tx, actor, id, "revoke");
    await tx
      .update(referrals)
      .set({ status: next, revokedBy: actor.userId, revokedAt: now })
      .where(eq(referrals.id, id));
    if (row.status === "accepted") {
      await leaveCaseTeam(tx, auditActor(actor), {
        caseId: row.caseId,
        reference,
        agency: to,
        userId: actor.userId,
        now,
        via: { referralId: id },
      });
    }
    await recordAudit(tx, auditActor(actor), {
      action: "referral.revoke",
      caseId: row.caseId,
      entity: "referral",
      entityId: id,
      detail: { reference, was: row.status },
    });
  });
}
