import { desc, eq } from "drizzle-orm";
import type { AppContext } from "../../platform/context";
import { localDate } from "../../platform/jurisdiction";
import { raiseAlert } from "../alerts/commands";
import type { AlertCheck } from "../alerts/scheduler";
import { closureEnds } from "./rules";
import { intelClosures, intelPremises } from "./schema";

/** The alert kind when a court-ordered closure has run out: its params hold the end date only. */
export const closureEndedAlertKind = "premises_closure_ended";

/**
 * A closure ordered for a fixed time ends, and closed premises reopen (seed 002): the police who
 * recorded the premises are told to check it, by an alert naming no premises (the id is its subject).
 * The alert ends when the premises' status is changed.
 */
export const closureEndedCheck: AlertCheck = {
  name: closureEndedAlertKind,
  async run(ctx: AppContext, now: Date) {
    const today = localDate(now, ctx.jurisdiction.timeZone);
    const closed = await ctx.db
      .select({ id: intelPremises.id, agencyId: intelPremises.agencyId })
      .from(intelPremises)
      .where(eq(intelPremises.status, "closed_by_order"));
    let raised = 0;
    for (const premises of closed) {
      const [latest] = await ctx.db
        .select({ orderedOn: intelClosures.orderedOn, durationDays: intelClosures.durationDays })
        .from(intelClosures)
        .where(eq(intelClosures.premisesId, premises.id))
        .orderBy(desc(intelClosures.orderedOn), desc(intelClosures.recordedAt))
        .limit(1);
      const endsOn = latest ? closureEnds(latest.orderedOn, latest.durationDays) : null;
      if (!endsOn || endsOn > today) continue;
      const alerted = await raiseAlert(
        ctx.db,
        {
          caseId: null,
          agencyId: premises.agencyId,
          role: "police_investigator",
          kind: closureEndedAlertKind,
          subject: premises.id,
          params: { endedOn: endsOn },
        },
        now,
      );
      if (alerted) raised++;
    }
    return raised;
  },
};
