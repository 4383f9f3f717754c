import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "../../platform/db/types";
import type { Requirement } from "../pathway/vocabulary";
import { isDecision } from "./rules";
import { futureDecisions, riskAssessments } from "./schema";

export async function hasRiskAssessment(db: Queryable, caseId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: riskAssessments.id })
    .from(riskAssessments)
    .where(eq(riskAssessments.caseId, caseId))
    .limit(1);
  return !!row;
}

/** The person's current decision: the latest recorded. */
export async function currentDecision(db: Queryable, caseId: string) {
  const [row] = await db
    .select()
    .from(futureDecisions)
    .where(and(eq(futureDecisions.caseId, caseId)))
    .orderBy(desc(futureDecisions.recordedAt))
    .limit(1);
  return row ?? null;
}

/**
 * The pathway facts this module's records establish: a risk assessment, and a real decision on the
 * future ("undecided" is none). Nothing about statements or testimony is read (Reg. 2001/4 s. 5.1).
 */
export async function addFutureFacts(db: Queryable, caseId: string, facts: Set<Requirement>): Promise<void> {
  if (await hasRiskAssessment(db, caseId)) facts.add("risk_assessment_recorded");
  const decision = await currentDecision(db, caseId);
  if (decision && isDecision(decision.option)) facts.add("decision_recorded");
}
