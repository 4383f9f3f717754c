import { desc, eq } from "drizzle-orm";
import type { RiskLevel } from "../../../shared/interview";
import type { Queryable } from "../../platform/db/types";
import { firstInterviews } from "../interview/schema";
import { caseRiskLevels } from "./schema";

export type RiskSource = "set" | "interview";

/**
 * The person's current risk level: the latest one set by the police or a shelter, else the level
 * noted at the first interview, else none known.
 */
export async function currentRiskLevel(
  db: Queryable,
  caseId: string,
): Promise<{ level: RiskLevel; source: RiskSource; at: Date } | null> {
  const [latest] = await db
    .select({ level: caseRiskLevels.level, at: caseRiskLevels.setAt })
    .from(caseRiskLevels)
    .where(eq(caseRiskLevels.caseId, caseId))
    .orderBy(desc(caseRiskLevels.setAt), desc(caseRiskLevels.id))
    .limit(1);
  if (latest) return { level: latest.level, source: "set", at: latest.at };
  const [interview] = await db
    .select({ level: firstInterviews.riskLevel, at: firstInterviews.recordedAt })
    .from(firstInterviews)
    .where(eq(firstInterviews.caseId, caseId));
  if (interview?.level) return { level: interview.level, source: "interview", at: interview.at };
  return null;
}
