import { and, asc, eq, isNull } from "drizzle-orm";
import type { Actor } from "../../platform/auth/actor";
import type { AppContext } from "../../platform/context";
import type { Queryable } from "../../platform/db/types";
import { Forbidden } from "../../platform/errors";
import { agencies } from "../agencies/schema";
import { cases, caseTeam } from "../cases/schema";
import { mayReadTasks } from "./policy";
import { isOverdue } from "./rules";
import { pathwayTasks } from "./schema";

const myTaskColumns = {
  id: pathwayTasks.id,
  code: pathwayTasks.code,
  dueAt: pathwayTasks.dueAt,
  createdAt: pathwayTasks.createdAt,
  status: pathwayTasks.status,
  reference: cases.reference,
  pathway: cases.pathway,
};

type MyTaskRow = { [K in keyof typeof myTaskColumns]: (typeof myTaskColumns)[K]["_"]["data"] };

const presentMyTask = (row: MyTaskRow, now: Date) => ({
  id: row.id,
  case: { reference: row.reference, pathway: row.pathway },
  code: row.code,
  status: row.status,
  dueAt: row.dueAt.toISOString(),
  overdue: row.status === "open" && isOverdue(row.dueAt, now),
  createdAt: row.createdAt.toISOString(),
});

// Only while the agency is on the case team: an agency taken off a case no longer works on it.
const ofActorsCases = (actor: Actor) =>
  and(
    eq(caseTeam.caseId, pathwayTasks.caseId),
    eq(caseTeam.agencyId, actor.agencyId),
    isNull(caseTeam.removedAt),
  );

/** The open tasks of the actor's agency, the most urgent first; the case by reference only. */
export async function myTasks(ctx: AppContext, actor: Actor) {
  if (!mayReadTasks(actor)) throw new Forbidden();
  const rows = await ctx.db
    .select(myTaskColumns)
    .from(pathwayTasks)
    .innerJoin(cases, eq(cases.id, pathwayTasks.caseId))
    .innerJoin(caseTeam, ofActorsCases(actor))
    .where(and(eq(pathwayTasks.agencyId, actor.agencyId), eq(pathwayTasks.status, "open")))
    .orderBy(asc(pathwayTasks.dueAt), asc(pathwayTasks.createdAt))
    .limit(500);
  const now = ctx.now();
  const items = rows.map((row) => presentMyTask(row, now));
  return { items, open: items.length, overdue: items.filter((t) => t.overdue).length };
}

/** One task as "My work" shows it, for the answer to marking it done. */
export async function myTask(ctx: AppContext, id: string) {
  const [row] = await ctx.db
    .select(myTaskColumns)
    .from(pathwayTasks)
    .innerJoin(cases, eq(cases.id, pathwayTasks.caseId))
    .where(eq(pathwayTasks.id, id));
  if (!row) throw new Error("task not stored");
  return presentMyTask(row, ctx.now());
}

/** The case's open tasks and who must do them, for its team's procedure section. */
export async function openCaseTasks(db: Queryable, caseId: string, now: Date) {
  const rows = await db
    .select({
      id: pathwayTasks.id,
      code: pathwayTasks.code,
      agency: agencies.name,
      dueAt: pathwayTasks.dueAt,
      status: pathwayTasks.status,
    })
    .from(pathwayTasks)
    .innerJoin(agencies, eq(agencies.id, pathwayTasks.agencyId))
    .where(and(eq(pathwayTasks.caseId, caseId), eq(pathwayTasks.status, "open")))
    .orderBy(asc(pathwayTasks.dueAt), asc(pathwayTasks.code));
  return rows.map((row) => ({
    ...row,
    dueAt: row.dueAt.toISOString(),
    overdue: isOverdue(row.dueAt, now),
  }));
}
