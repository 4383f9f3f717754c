import { and, asc, desc, eq, exists, inArray, isNull, lt, notExists, notInArray } from "drizzle-orm";
import type { AgencyType, Role } from "../../../shared/roles";
import type { AppContext } from "../../platform/context";
import type { Tx } from "../../platform/db/types";
import { agencies } from "../agencies/schema";
import { raiseAlert, resolveAlerts } from "../alerts/commands";
import { escalationAgencies } from "../alerts/recipients";
import { alerts } from "../alerts/schema";
import type { AlertCheck } from "../alerts/scheduler";
import { cases, caseTeam } from "../cases/schema";
import { sopFor } from "../pathway/sop";
import { guardianDueAt, heldTooLongAtPoliceStation, policeStationStay } from "./rules";
import { childGuardians, childLocations } from "./schema";

export const childAlertKinds = {
  atPoliceStation: "child_at_police_station",
  guardianMissing: "guardian_missing",
} as const;

/** A closed case raises no alarm; one in follow-up still may. */
const closedStatuses = ["Closed", "ClosedReferred"] as const;

interface Recipient {
  agencyId: string;
  role: Role;
  level: number;
}

/**
 * Who hears of a child left without what the SOP demands: the team's social services (their case
 * workers; any active social services when none is on the team yet), and at once, one level up,
 * their supervisors and the national coordinator (DOMAIN.md "Children"; seed 002: the on-call
 * system failed and nobody above it knew).
 */
async function childAlertRecipients(
  tx: Tx,
  caseId: string,
  identifying: { id: string; type: AgencyType },
): Promise<Recipient[]> {
  const candidates = await tx
    .select({ id: agencies.id, type: agencies.type, active: agencies.active, teamAgency: caseTeam.agencyId })
    .from(agencies)
    .leftJoin(
      caseTeam,
      and(eq(caseTeam.agencyId, agencies.id), eq(caseTeam.caseId, caseId), isNull(caseTeam.removedAt)),
    )
    .where(inArray(agencies.type, ["social_services", "national_coordinator"]));
  const pool = candidates.map((c) => ({
    id: c.id,
    type: c.type,
    active: c.active,
    onTeam: c.teamAgency !== null,
  }));
  const social = escalationAgencies(identifying, "social_services", pool);
  const recipients: Recipient[] = social.map((agencyId) => ({ agencyId, role: "case_worker", level: 0 }));
  for (const agencyId of social) {
    const responsible = { id: agencyId, type: "social_services" as const };
    for (const id of escalationAgencies(responsible, "social_services", pool))
      recipients.push({ agencyId: id, role: "supervisor", level: 1 });
    for (const id of escalationAgencies(responsible, "national_coordinator", pool))
      recipients.push({ agencyId: id, role: "coordinator", level: 1 });
  }
  // One alert per recipient and level, however many social services agencies led to it.
  const seen = new Set<string>();
  return recipients.filter((r) => {
    const key = `${r.agencyId}:${r.role}:${r.level}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function raiseForChild(
  tx: Tx,
  child: { caseId: string; identifying: { id: string; type: AgencyType } },
  alert: { kind: string; subject: string; dueAt: Date; params: Record<string, number> },
  now: Date,
): Promise<number> {
  let raised = 0;
  for (const recipient of await childAlertRecipients(tx, child.caseId, child.identifying)) {
    if (await raiseAlert(tx, { caseId: child.caseId, ...alert, ...recipient }, now)) raised++;
  }
  return raised;
}

/**
 * A child whose recorded location has been a police station for longer than the SOP's
 * `policeStationMaxHours` (seed 002: girls detained overnight because no social worker came). The
 * alert's subject is the first location of the stay, so a new stay is a new alarm; leaving ends it
 * (in the location command, and here for any stay that is over).
 */
export const childAtPoliceStationCheck: AlertCheck = {
  name: childAlertKinds.atPoliceStation,
  async run(ctx: AppContext, now: Date) {
    const maxHours = sopFor(ctx.jurisdiction.code).policeStationMaxHours;
    const latest = await ctx.db
      .selectDistinctOn([childLocations.caseId], {
        caseId: childLocations.caseId,
        locationType: childLocations.locationType,
      })
      .from(childLocations)
      .innerJoin(cases, eq(cases.id, childLocations.caseId))
      .where(and(eq(cases.pathway, "child"), notInArray(cases.status, [...closedStatuses])))
      .orderBy(childLocations.caseId, desc(childLocations.since), desc(childLocations.recordedAt));
    const atStation = latest.filter((row) => row.locationType === "police_station").map((row) => row.caseId);
    const openAlerts = await ctx.db
      .selectDistinct({ caseId: alerts.caseId, subject: alerts.subject })
      .from(alerts)
      .where(and(eq(alerts.kind, childAlertKinds.atPoliceStation), isNull(alerts.resolvedAt)));
    const alerted = openAlerts.flatMap((a) => (a.caseId === null ? [] : [a.caseId]));
    const caseIds = [...new Set([...atStation, ...alerted])];
    if (caseIds.length === 0) return 0;

    const rows = await ctx.db
      .select({
        id: childLocations.id,
        caseId: childLocations.caseId,
        locationType: childLocations.locationType,
        since: childLocations.since,
        identifyingId: agencies.id,
        identifyingType: agencies.type,
      })
      .from(childLocations)
      .innerJoin(cases, eq(cases.id, childLocations.caseId))
      .innerJoin(agencies, eq(agencies.id, cases.identifyingAgencyId))
      .where(inArray(childLocations.caseId, caseIds))
      .orderBy(asc(childLocations.since), asc(childLocations.recordedAt));

    let raised = 0;
    for (const caseId of caseIds) {
      const own = rows.filter((row) => row.caseId === caseId);
      const stay = atStation.includes(caseId) ? policeStationStay(own) : null;
      await ctx.db.transaction(async (tx) => {
        // An alarm about a stay that is over ends, whatever ended it.
        for (const open of openAlerts.filter((a) => a.caseId === caseId && a.subject !== stay?.id))
          await resolveAlerts(
            tx,
            { caseId, kind: childAlertKinds.atPoliceStation, subject: open.subject },
            now,
          );
        const first = own[0];
        if (!stay || !first || !heldTooLongAtPoliceStation(stay, maxHours, now)) return;
        raised += await raiseForChild(
          tx,
          { caseId, identifying: { id: first.identifyingId, type: first.identifyingType } },
          {
            kind: childAlertKinds.atPoliceStation,
            subject: stay.id,
            dueAt: new Date(stay.since.getTime() + maxHours * 3_600_000),
            params: { maxHours },
          },
          now,
        );
      });
    }
    return raised;
  },
};

const batchSize = 500;
/** A bound on one run; what is left waits for the next run a minute later. */
const maxBatches = 100;

/**
 * A child's case with no active guardian `guardianDeadlineHours` after it was registered (seed 002
 * rec. 2.5 ii: a legal guardian for each child). Counted from registration, the moment the system
 * knew of the child and called social services out: the identification date has no time of day.
 */
export const guardianMissingCheck: AlertCheck = {
  name: childAlertKinds.guardianMissing,
  async run(ctx: AppContext, now: Date) {
    const deadlineHours = sopFor(ctx.jurisdiction.code).guardianDeadlineHours;
    // The assignment resolves its alarm; one raised by a run that crossed the assignment ends here.
    const settled = await ctx.db
      .selectDistinct({ caseId: alerts.caseId })
      .from(alerts)
      .where(
        and(
          eq(alerts.kind, childAlertKinds.guardianMissing),
          isNull(alerts.resolvedAt),
          exists(
            ctx.db
              .select({ id: childGuardians.id })
              .from(childGuardians)
              .where(and(eq(childGuardians.caseId, alerts.caseId), isNull(childGuardians.replacedAt))),
          ),
        ),
      );
    for (const { caseId } of settled)
      await resolveAlerts(ctx.db, { caseId, kind: childAlertKinds.guardianMissing }, now);
    const registeredBefore = new Date(now.getTime() - deadlineHours * 3_600_000);
    const waitingBatch = () =>
      ctx.db
        .select({
          caseId: cases.id,
          createdAt: cases.createdAt,
          identifyingId: agencies.id,
          identifyingType: agencies.type,
        })
        .from(cases)
        .innerJoin(agencies, eq(agencies.id, cases.identifyingAgencyId))
        .where(
          and(
            eq(cases.pathway, "child"),
            notInArray(cases.status, [...closedStatuses]),
            lt(cases.createdAt, registeredBefore),
            notExists(
              ctx.db
                .select({ id: childGuardians.id })
                .from(childGuardians)
                .where(and(eq(childGuardians.caseId, cases.id), isNull(childGuardians.replacedAt))),
            ),
            // Already alerted: each run looks only at children not yet raised, so the batch limit
            // never hides a child behind those alerted already.
            notExists(
              ctx.db
                .select({ id: alerts.id })
                .from(alerts)
                .where(
                  and(
                    eq(alerts.caseId, cases.id),
                    eq(alerts.kind, childAlertKinds.guardianMissing),
                    eq(alerts.level, 0),
                    isNull(alerts.resolvedAt),
                  ),
                ),
            ),
          ),
        )
        .orderBy(asc(cases.createdAt))
        .limit(batchSize);

    let raised = 0;
    // In batches: an alerted child leaves the query, so the next batch holds the next ones.
    for (let batch = 0; batch < maxBatches; batch++) {
      const waiting = await waitingBatch();
      for (const child of waiting) {
        await ctx.db.transaction(async (tx) => {
          raised += await raiseForChild(
            tx,
            { caseId: child.caseId, identifying: { id: child.identifyingId, type: child.identifyingType } },
            {
              kind: childAlertKinds.guardianMissing,
              subject: "guardian",
              dueAt: guardianDueAt(child.createdAt, deadlineHours),
              params: { deadlineHours },
            },
            now,
          );
        });
      }
      if (waiting.length < batchSize) break;
    }
    return raised;
  },
};
