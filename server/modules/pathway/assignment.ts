import { and, asc, eq, isNull } from "drizzle-orm";
import type { AgencyType } from "../../../shared/roles";
import type { Pathway } from "../../../shared/vocabulary";
import type { AuditActor } from "../../platform/audit/audit";
import type { Tx } from "../../platform/db/types";
import { agencies } from "../agencies/schema";
import { caseTeam } from "../cases/schema";
import { joinCaseTeam } from "../cases/team";
import { tasksOnEntering } from "./rules";
import { pathwayTasks } from "./schema";
import type { Sop } from "./sop";
import type { Stage } from "./vocabulary";

export interface StageEntry {
  caseId: string;
  reference: string;
  pathway: Pathway;
  /** Where the person was identified: the child's on-call social services are those of this region. */
  identificationRegion: string;
  stage: Stage;
  at: Date;
  userId: string;
}

interface Assignee {
  id: string;
  code: string;
}

const teamAgenciesOfType = (tx: Tx, caseId: string, type: AgencyType) =>
  tx
    .select({ id: agencies.id, code: agencies.code })
    .from(caseTeam)
    .innerJoin(agencies, eq(agencies.id, caseTeam.agencyId))
    .where(and(eq(caseTeam.caseId, caseId), isNull(caseTeam.removedAt), eq(agencies.type, type)))
    .orderBy(asc(caseTeam.addedAt), asc(agencies.code));

/** The active agencies of a type in the region, or in any region when the region has none. */
async function onCallAgencies(tx: Tx, type: AgencyType, region: string): Promise<Assignee[]> {
  const active = and(eq(agencies.type, type), eq(agencies.active, true));
  const select = { id: agencies.id, code: agencies.code };
  const local = await tx
    .select(select)
    .from(agencies)
    .where(and(active, eq(agencies.region, region)))
    .orderBy(asc(agencies.code));
  if (local.length > 0) return local;
  return tx.select(select).from(agencies).where(active).orderBy(asc(agencies.code));
}

/**
 * Who must do a task of this agency type: the team's agency of that type (the earliest to join, so
 * the work is not duplicated); failing that, for a child only, the on-call social services, which join the
 * team at once. A child is never left waiting at a police station for a social worker nobody called
 * (DOMAIN.md "Children"): the child-protection duty is the legal basis, recorded in the audit trail.
 * On adult pathways an agency joins a case only with the person's consent, through a referral, so a
 * task for an agency type not on the team is not created at all. Nor is one when no agency of the
 * type exists.
 */
async function assigneesFor(
  tx: Tx,
  actor: AuditActor,
  entry: StageEntry,
  type: AgencyType,
): Promise<Assignee[]> {
  const [member] = await teamAgenciesOfType(tx, entry.caseId, type);
  if (member) return [member];
  switch (entry.pathway) {
    case "foreign_adult":
    case "domestic_adult":
      return [];
    case "child": {
      // The duty to come out at once is social services' (DOMAIN.md "Children"); any other agency
      // joins a child's case through a referral the guardian decides on.
      if (type !== "social_services") return [];
      const called = await onCallAgencies(tx, type, entry.identificationRegion);
      for (const agency of called)
        await joinCaseTeam(tx, actor, {
          caseId: entry.caseId,
          reference: entry.reference,
          agency,
          scopes: ["identity", "circumstances"],
          userId: entry.userId,
          now: entry.at,
          via: { legalBasis: "child_protection_duty" },
        });
      return called;
    }
  }
}

/**
 * Creates the SOP's tasks for the stage a case has just entered, inside the caller's transaction,
 * each due as the SOP says in the jurisdiction's time zone.
 */
export async function createStageTasks(
  tx: Tx,
  actor: AuditActor,
  sop: Sop,
  timeZone: string,
  entry: StageEntry,
): Promise<void> {
  const due = tasksOnEntering(sop, entry.pathway, entry.stage, entry.at, timeZone);
  // Asked once per agency type: two tasks for social services go to the same agencies.
  const assignees = new Map<AgencyType, Assignee[]>();
  for (const task of due) {
    let agencyList = assignees.get(task.agencyType);
    if (!agencyList) {
      agencyList = await assigneesFor(tx, actor, entry, task.agencyType);
      assignees.set(task.agencyType, agencyList);
    }
    if (agencyList.length === 0) continue;
    await tx.insert(pathwayTasks).values(
      agencyList.map((agency) => ({
        caseId: entry.caseId,
        code: task.code,
        agencyId: agency.id,
        dueAt: task.due,
        createdAt: entry.at,
      })),
    );
  }
}
