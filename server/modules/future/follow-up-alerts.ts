import { and, asc, eq, isNull, lte } from "drizzle-orm";
import type { AppContext } from "../../platform/context";
import { agencies } from "../agencies/schema";
import { raiseAlert } from "../alerts/commands";
import type { AlertCheck } from "../alerts/scheduler";
import { caseTeam } from "../cases/schema";
import { followUpResponsible } from "./rules";
import { followUps } from "./schema";

/**
 * A follow-up whose day has passed without a result alerts the agency that recorded the return or
 * integration, or the team's international organisation when that agency has left the team: a
 * person nobody asks after is the person re-trafficked unseen (DOMAIN.md). Recording the result ends it.
 */
export const followUpDueCheck: AlertCheck = {
  name: "follow_up_due",
  async run(ctx: AppContext, now: Date) {
    const due = await ctx.db
      .select()
      .from(followUps)
      .where(and(eq(followUps.status, "scheduled"), lte(followUps.dueAt, now)))
      .orderBy(asc(followUps.dueAt))
      .limit(500);
    let raised = 0;
    for (const followUp of due) {
      await ctx.db.transaction(async (tx) => {
        const team = await tx
          .select({ id: agencies.id, type: agencies.type })
          .from(caseTeam)
          .innerJoin(agencies, eq(agencies.id, caseTeam.agencyId))
          .where(
            and(eq(caseTeam.caseId, followUp.caseId), isNull(caseTeam.removedAt), eq(agencies.active, true)),
          );
        const recording = team.find((agency) => agency.id === followUp.agencyId);
        const agencyId = followUpResponsible(
          { id: followUp.agencyId, active: !!recording, onTeam: !!recording },
          team,
        );
        if (!agencyId) return;
        const alert = {
          caseId: followUp.caseId,
          agencyId,
          kind: "follow_up_due",
          subject: followUp.id,
          params: { months: followUp.months, dueOn: followUp.dueOn },
          dueAt: followUp.dueAt,
        };
        if (await raiseAlert(tx, alert, now)) raised++;
      });
    }
    return raised;
  },
};
