import { and, eq, isNull, lt } from "drizzle-orm";
import type { AppContext } from "../../platform/context";
import { raiseAlert } from "../alerts/commands";
import type { AlertCheck } from "../alerts/scheduler";
import { hotlineContacts, hotlineHandovers } from "./schema";
import { dangerAlertKind } from "./commands";

/**
 * A person in imminent danger cannot wait (seed 002: a woman phoned the police just before being
 * sold). A hand-over nobody has acknowledged within this time is escalated to the unit's
 * supervisors, at level 1 of the same alert; the acknowledgement resolves both.
 */
export const acknowledgementWindowMs = 15 * 60_000;

export const handoverAcknowledgementCheck: AlertCheck = {
  name: "hotline_danger",
  async run(ctx: AppContext, now: Date) {
    const waiting = await ctx.db
      .select({ handover: hotlineHandovers, contact: hotlineContacts })
      .from(hotlineHandovers)
      .innerJoin(hotlineContacts, eq(hotlineContacts.id, hotlineHandovers.contactId))
      .where(
        and(
          isNull(hotlineHandovers.acknowledgedAt),
          lt(hotlineHandovers.handedAt, new Date(now.getTime() - acknowledgementWindowMs)),
        ),
      )
      .limit(500);
    let raised = 0;
    for (const { handover, contact } of waiting)
      if (
        await raiseAlert(
          ctx.db,
          {
            caseId: null,
            agencyId: handover.policeAgencyId,
            role: "supervisor",
            kind: dangerAlertKind,
            subject: handover.id,
            level: 1,
            params: {
              handover: handover.id,
              region: contact.region ?? "",
              urgency: contact.urgency,
              indicators: contact.indicators.length,
            },
            dueAt: new Date(handover.handedAt.getTime() + acknowledgementWindowMs),
          },
          now,
        )
      )
        raised += 1;
    return raised;
  },
};
