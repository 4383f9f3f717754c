/**
 * Requests about possible earlier records, seen by the agency that holds the record: its
 * supervisor decides whether to share the case with the requesting agency (the agency that
 * registered the person first keeps control of her data; DOMAIN.md, confidentiality).
 */
import { and, desc, eq, isNull } from "drizzle-orm";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import { Forbidden, NotFound } from "../../platform/errors";
import { agencies } from "../agencies/schema";
import { resolveAlerts } from "../alerts/commands";
import { mayAddTeamAgency } from "../cases/policy";
import { cases, caseTeam } from "../cases/schema";
import { joinCaseTeam } from "../cases/team";
import { requestAlertKind } from "./commands";
import { type MatchRequestDecision, matchRequests } from "./schema";

/** Open requests addressed to the actor's agency about cases it still works on. */
export async function listIncomingRequests(ctx: AppContext, actor: Actor) {
  if (!mayAddTeamAgency(actor)) throw new Forbidden();
  const rows = await ctx.db
    .select({
      id: matchRequests.id,
      reference: cases.reference,
      scorePercent: matchRequests.scorePercent,
      requestedAt: matchRequests.requestedAt,
      agency: { id: agencies.id, name: agencies.name },
    })
    .from(matchRequests)
    .innerJoin(cases, eq(cases.id, matchRequests.caseId))
    .innerJoin(
      caseTeam,
      and(eq(caseTeam.caseId, cases.id), eq(caseTeam.agencyId, actor.agencyId), isNull(caseTeam.removedAt)),
    )
    .innerJoin(agencies, eq(agencies.id, matchRequests.requestingAgencyId))
    .where(and(eq(matchRequests.holdingAgencyId, actor.agencyId), eq(matchRequests.status, "open")))
    .orderBy(desc(matchRequests.requestedAt));
  return rows.map((r) => ({ ...r, requestedAt: r.requestedAt.toISOString() }));
}

/** Shares the case with the requesting agency (identity scope), or declines; audited. */
export async function answerRequest(
  ctx: AppContext,
  actor: Actor,
  id: string,
  decision: MatchRequestDecision,
): Promise<void> {
  if (!mayAddTeamAgency(actor)) throw new Forbidden();
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ request: matchRequests, reference: cases.reference, agency: agencies })
      .from(matchRequests)
      .innerJoin(cases, eq(cases.id, matchRequests.caseId))
      .innerJoin(agencies, eq(agencies.id, matchRequests.requestingAgencyId))
      .where(
        and(
          eq(matchRequests.id, id),
          eq(matchRequests.holdingAgencyId, actor.agencyId),
          eq(matchRequests.status, "open"),
        ),
      )
      .for("update", { of: matchRequests });
    if (!row) throw new NotFound();
    const { request } = row;
    if (decision === "share") {
      const [member] = await tx
        .select()
        .from(caseTeam)
        .where(
          and(
            eq(caseTeam.caseId, request.caseId),
            eq(caseTeam.agencyId, request.requestingAgencyId),
            isNull(caseTeam.removedAt),
          ),
        );
      if (!member)
        await joinCaseTeam(tx, auditActor(actor), {
          caseId: request.caseId,
          reference: row.reference,
          agency: row.agency,
          scopes: ["identity"],
          userId: actor.userId,
          now,
        });
    }
    await tx
      .update(matchRequests)
      .set({ status: "answered", decision, answeredBy: actor.userId, answeredAt: now })
      .where(eq(matchRequests.id, id));
    await resolveAlerts(tx, { caseId: request.caseId, kind: requestAlertKind, subject: id }, now);
    await recordAudit(tx, auditActor(actor), {
      action: "matching.answer",
      caseId: request.caseId,
      entity: "match_request",
      entityId: id,
      detail: { reference: row.reference, decision, requestingAgencyId: request.requestingAgencyId },
    });
  });
}
