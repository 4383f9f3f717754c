import { eq } from "drizzle-orm";
import type { Actor } from "../../platform/auth/actor";
import type { AppContext } from "../../platform/context";
import { NotFound } from "../../platform/errors";
import { visibleCase } from "../cases/queries";
import { caseFacts } from "./facts";
import { allowedTransitions } from "./rules";
import { casePathways } from "./schema";
import { openCaseTasks } from "./task-queries";
import { sopFor } from "./sop";

/**
 * Where the case stands and what may come next: every step out of the current stage, whether the
 * actor may take it now, which records it still needs, and which agencies and roles take it.
 */
export async function casePathwayView(ctx: AppContext, actor: Actor, reference: string) {
  const found = await visibleCase(ctx, actor, reference);
  const [current] = await ctx.db.select().from(casePathways).where(eq(casePathways.caseId, found.id));
  if (!current) throw new NotFound();
  const sop = sopFor(ctx.jurisdiction.code);
  const transitions = sop.pathways[found.pathway].transitions;
  const next = allowedTransitions(
    sop,
    found.pathway,
    current.stage,
    actor,
    await caseFacts(ctx.db, found.id),
  ).map((step) => {
    const rule = transitions.find((t) => t.to === step.to && t.from.includes(current.stage));
    return { ...step, roles: rule?.roles ?? [], agencyTypes: rule?.agencyTypes ?? [] };
  });
  return {
    pathway: found.pathway,
    sopVersion: current.sopVersion,
    stage: current.stage,
    stageEnteredAt: current.stageEnteredAt.toISOString(),
    stages: sop.pathways[found.pathway].stages,
    next,
    tasks: await openCaseTasks(ctx.db, found.id, ctx.now()),
  };
}
