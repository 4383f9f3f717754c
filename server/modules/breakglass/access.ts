import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import { cases } from "../cases/schema";
import { mayBreakGlass } from "./policy";
import { breakGlassGrants } from "./schema";

/**
 * The case the actor holds an active emergency access to, or null. Every use is audited, so the
 * trail shows each read made by break-glass beside the read itself (issue 10 item 5). It ends by
 * itself: past `expiresAt` by the server's clock, it is simply no longer found.
 */
export async function breakGlassCase(ctx: AppContext, actor: Actor, reference: string) {
  if (!mayBreakGlass(actor)) return null;
  const [row] = await ctx.db
    .select({ case: cases, grantId: breakGlassGrants.id, reasonCode: breakGlassGrants.reasonCode })
    .from(breakGlassGrants)
    .innerJoin(cases, eq(cases.id, breakGlassGrants.caseId))
    .where(
      and(
        eq(cases.reference, reference),
        eq(breakGlassGrants.userId, actor.userId),
        eq(breakGlassGrants.agencyId, actor.agencyId),
        isNull(breakGlassGrants.endedAt),
        gt(breakGlassGrants.expiresAt, ctx.now()),
      ),
    )
    .orderBy(desc(breakGlassGrants.expiresAt))
    .limit(1);
  if (!row) return null;
  await ctx.db.transaction((tx) =>
    recordAudit(tx, auditActor(actor), {
      action: "breakglass.access",
      caseId: row.case.id,
      entity: "case",
      entityId: reference,
      detail: { reference, breakGlass: row.grantId, reasonCode: row.reasonCode },
      reason: row.reasonCode,
    }),
  );
  return { case: row.case, grant: { id: row.grantId, reasonCode: row.reasonCode } };
}
