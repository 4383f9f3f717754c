import { and, eq, inArray, isNull, max, notInArray, or } from "drizzle-orm";
import type { Stage } from "../../../shared/pathway";
import type { AppContext } from "../../platform/context";
import type { Queryable } from "../../platform/db/types";
import { agencies } from "../agencies/schema";
import { raiseAlert } from "../alerts/commands";
import type { AlertCheck } from "../alerts/scheduler";
import { cases, caseTeam } from "../cases/schema";
import { casePathways } from "../pathway/schema";
import { sopFor } from "../pathway/sop";
import { assistingAgencyTypes } from "./policy";
import { daysLeft, periodEnd, periodOverAt, reminderDaysBefore } from "./rules";
import { reflectionExtensions, residencePermits } from "./schema";

/**
 * Stages in which the person is still deciding on their future: the reflection period matters until
 * the decision is taken. After it, a reminder that the period ends would only be noise.
 */
const deciding: readonly Stage[] = [
  "identification",
  "rights_information",
  "referral",
  "immediate_assistance",
  "reflection_period",
  "decision_on_future",
];

const closedStatuses = ["Closed", "ClosedReferred"] as const;

/**
 * Who is reminded: the case workers of the assisting agencies on the case team, who arrange the
 * extension with the person; when none assists yet, every agency on the team, so that somebody does.
 */
async function recipients(db: Queryable, caseId: string): Promise<string[]> {
  const team = await db
    .select({ id: agencies.id, type: agencies.type })
    .from(caseTeam)
    .innerJoin(agencies, eq(agencies.id, caseTeam.agencyId))
    .where(and(eq(caseTeam.caseId, caseId), isNull(caseTeam.removedAt)));
  const assisting = team.filter((agency) => assistingAgencyTypes.includes(agency.type));
  return (assisting.length > 0 ? assisting : team).map((agency) => agency.id);
}

/** Open cases still deciding, with the end of their reflection period in force. */
async function reflectionEnds(db: Queryable, days: number) {
  const extended = db
    .select({ caseId: reflectionExtensions.caseId, end: max(reflectionExtensions.newEndDate).as("end") })
    .from(reflectionExtensions)
    .groupBy(reflectionExtensions.caseId)
    .as("extended");
  const rows = await db
    .select({ id: cases.id, identificationDate: cases.identificationDate, extendedTo: extended.end })
    .from(cases)
    .leftJoin(casePathways, eq(casePathways.caseId, cases.id))
    .leftJoin(extended, eq(extended.caseId, cases.id))
    .where(
      and(
        notInArray(cases.status, [...closedStatuses]),
        or(isNull(casePathways.stage), inArray(casePathways.stage, [...deciding])),
      ),
    );
  return rows.map((row) => ({
    caseId: row.id,
    endDate: row.extendedTo ?? periodEnd(row.identificationDate, days),
  }));
}

/** Open cases with a residence permit, with the validity in force. */
async function permitEnds(db: Queryable) {
  const rows = await db
    .select({ caseId: residencePermits.caseId, validUntil: max(residencePermits.validUntil) })
    .from(residencePermits)
    .innerJoin(cases, eq(cases.id, residencePermits.caseId))
    .where(notInArray(cases.status, [...closedStatuses]))
    .groupBy(residencePermits.caseId);
  return rows.flatMap((row) => (row.validUntil ? [{ caseId: row.caseId, endDate: row.validUntil }] : []));
}

/**
 * Reminders before the reflection period or a temporary residence permit ends (issue 3, item 6):
 * `reflection_period_ending` and `residence_permit_ending`, raised `reminderDaysBefore` days before
 * the end. The subject is the end date, so an extension (which resolves the open reminder) brings a
 * new reminder before the new end. Params hold dates and numbers only.
 */
export const assistanceReminderCheck: AlertCheck = {
  name: "assistance_reminders",
  async run(ctx: AppContext, now: Date) {
    const sop = sopFor(ctx.jurisdiction.code);
    const timeZone = ctx.jurisdiction.timeZone;
    const due = (endDate: string) => {
      const left = daysLeft(endDate, now, timeZone);
      return left >= 0 && left <= reminderDaysBefore;
    };
    const reminders = [
      ...(await reflectionEnds(ctx.db, sop.reflectionPeriodDays))
        .filter((r) => due(r.endDate))
        .map((r) => ({ ...r, kind: "reflection_period_ending" })),
      ...(await permitEnds(ctx.db))
        .filter((r) => due(r.endDate))
        .map((r) => ({ ...r, kind: "residence_permit_ending" })),
    ];
    let raised = 0;
    for (const reminder of reminders) {
      await ctx.db.transaction(async (tx) => {
        for (const agencyId of await recipients(tx, reminder.caseId)) {
          const alert = {
            caseId: reminder.caseId,
            agencyId,
            role: "case_worker" as const,
            kind: reminder.kind,
            subject: reminder.endDate,
            params: { endDate: reminder.endDate, daysLeft: daysLeft(reminder.endDate, now, timeZone) },
            dueAt: periodOverAt(reminder.endDate, timeZone),
          };
          if (await raiseAlert(tx, alert, now)) raised++;
        }
      });
    }
    return raised;
  },
};
