import { randomUUID } from "node:crypto";
import { and, count, eq, gt, isNull } from "drizzle-orm";
import type { BreakGlassReason } from "../../../shared/breakglass";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import { Conflict, Forbidden, Invalid, NotFound } from "../../platform/errors";
import { raiseAlert } from "../alerts/commands";
import { isOnCaseTeam } from "../cases/queries";
import { referencePattern } from "../cases/rules";
import { cases, caseTeam } from "../cases/schema";
import { sealCaseText } from "../cases/sealing";
import { breakGlassConfigFor } from "./config";
import { mayBreakGlass, mayEndBreakGlass } from "./policy";
import { breakGlassExpiry, breakGlassIssue, breakGlassState } from "./rules";
import { breakGlassGrants } from "./schema";

export interface BreakGlassRequest {
  reference: string;
  reasonCode: BreakGlassReason;
  reasonText?: string | null | undefined;
}

/** The alert kind the team's supervisors receive; its params: reasonCode, until (ISO), agencyType. */
export const breakGlassAlertKind = "break_glass";

/**
 * Opens a case outside one's team in an emergency. The answer for a reference that does not exist
 * is the same NotFound as for any hidden case, and every refused attempt is audited: one who tries
 * references one after another leaves a trail. Those who may never break glass are refused whatever
 * the reference, so the refusal says nothing about the case either.
 */
export async function requestBreakGlass(
  ctx: AppContext,
  actor: Actor,
  request: BreakGlassRequest,
): Promise<{ id: string }> {
  const wellFormed = referencePattern.test(request.reference);
  const refuse = (refusal: string) =>
    ctx.db.transaction((tx) =>
      recordAudit(tx, auditActor(actor), {
        action: "breakglass.refused",
        entity: "case",
        // A mistyped reference might be anything a user typed (even a name): only a reference is kept.
        entityId: wellFormed ? request.reference : null,
        detail: { reference: wellFormed ? request.reference : null, reasonCode: request.reasonCode, refusal },
      }),
    );
  if (!mayBreakGlass(actor)) {
    await refuse("role");
    throw new Forbidden();
  }
  const issue = breakGlassIssue(request);
  if (issue) throw new Invalid(issue.field, issue.code);

  const [found] = wellFormed
    ? await ctx.db.select().from(cases).where(eq(cases.reference, request.reference))
    : [];
  if (!found) {
    await refuse("not_found");
    throw new NotFound();
  }
  if (await isOnCaseTeam(ctx.db, found.id, actor.agencyId)) throw new Conflict("breakglass_on_team");

  const now = ctx.now();
  const config = breakGlassConfigFor(ctx.jurisdiction.code);
  const active = and(
    eq(breakGlassGrants.userId, actor.userId),
    isNull(breakGlassGrants.endedAt),
    gt(breakGlassGrants.expiresAt, now),
  );
  const [already] = await ctx.db
    .select({ id: breakGlassGrants.id })
    .from(breakGlassGrants)
    .where(and(active, eq(breakGlassGrants.caseId, found.id)));
  if (already) return { id: already.id };
  const [held] = await ctx.db.select({ n: count() }).from(breakGlassGrants).where(active);
  if ((held?.n ?? 0) >= config.maxActivePerUser) throw new Conflict("breakglass_too_many");

  const id = randomUUID();
  const expiresAt = breakGlassExpiry(now, config.durationHours);
  const text = request.reasonText?.trim() ?? "";
  await ctx.db.transaction(async (tx) => {
    await tx.insert(breakGlassGrants).values({
      id,
      caseId: found.id,
      userId: actor.userId,
      agencyId: actor.agencyId,
      reasonCode: request.reasonCode,
      reasonText: text
        ? await sealCaseText(
            ctx,
            tx,
            found.id,
            { table: "break_glass_grants", recordId: id, field: "reason_text" },
            text,
          )
        : null,
      grantedAt: now,
      expiresAt,
    });
    await recordAudit(tx, auditActor(actor), {
      action: "breakglass.grant",
      caseId: found.id,
      entity: "break_glass",
      entityId: id,
      detail: {
        reference: found.reference,
        reasonCode: request.reasonCode,
        reasonText: text.length > 0,
        expiresAt: expiresAt.toISOString(),
      },
      reason: request.reasonCode,
    });
    // The team's supervisors hear of it at once, every agency on the team: they know the case and
    // can judge whether the emergency was real, or end the access.
    const team = await tx
      .select({ agencyId: caseTeam.agencyId })
      .from(caseTeam)
      .where(and(eq(caseTeam.caseId, found.id), isNull(caseTeam.removedAt)));
    for (const member of team) {
      await raiseAlert(
        tx,
        {
          caseId: found.id,
          agencyId: member.agencyId,
          role: "supervisor",
          kind: breakGlassAlertKind,
          subject: id,
          params: {
            reasonCode: request.reasonCode,
            until: expiresAt.toISOString(),
            agencyType: actor.agencyType,
          },
          dueAt: expiresAt,
        },
        now,
      );
    }
  });
  return { id };
}

/** Ends an access before its time: by whoever holds it, or a supervisor of the case team. */
export async function endBreakGlass(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ grant: breakGlassGrants, reference: cases.reference })
      .from(breakGlassGrants)
      .innerJoin(cases, eq(cases.id, breakGlassGrants.caseId))
      .where(eq(breakGlassGrants.id, id))
      .for("update", { of: breakGlassGrants });
    if (!row) throw new NotFound();
    const supervisesTeam = await isOnCaseTeam(tx, row.grant.caseId, actor.agencyId);
    if (!mayEndBreakGlass(actor, row.grant, supervisesTeam)) throw new NotFound();
    if (breakGlassState(row.grant, now) !== "active") throw new Conflict("breakglass_ended");
    await tx
      .update(breakGlassGrants)
      .set({ endedAt: now, endedBy: actor.userId })
      .where(eq(breakGlassGrants.id, id));
    await recordAudit(tx, auditActor(actor), {
      action: "breakglass.end",
      caseId: row.grant.caseId,
      entity: "break_glass",
      entityId: id,
      detail: {
        reference: row.reference,
        reasonCode: row.grant.reasonCode,
        by: row.grant.userId === actor.userId ? "holder" : "supervisor",
      },
    });
  });
}
