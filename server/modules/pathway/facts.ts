import type { Queryable } from "../../platform/db/types";
import { hasNeedsAssessment } from "../assistance/queries";
import { childFacts } from "../children/queries";
import { addFutureFacts } from "../future/facts";
import { hasFirstInterview } from "../interview/queries";
import { hasAcceptedReferral } from "../referrals/queries";
import { hasRightsInformation } from "../rights/queries";
import { approvedClosure, hasReopeningReason } from "./closure-facts";
import type { Requirement } from "./vocabulary";

/**
 * What the records of a case establish, as the SOP's requirements. A requirement is never ticked
 * by hand: it holds when the record it names exists. Requirements whose records the system does
 * not keep yet stay unmet, so the steps that need them show what is missing.
 */
export async function caseFacts(db: Queryable, caseId: string): Promise<Set<Requirement>> {
  const facts = new Set<Requirement>();
  if (await hasAcceptedReferral(db, caseId)) facts.add("referral_accepted");
  if (await hasRightsInformation(db, caseId)) facts.add("rights_information_recorded");
  for (const fact of await childFacts(db, caseId)) facts.add(fact);
  if (await hasFirstInterview(db, caseId)) facts.add("first_interview_recorded");
  if (await hasNeedsAssessment(db, caseId)) facts.add("needs_assessment_recorded");
  await addFutureFacts(db, caseId, facts);
  const closure = await approvedClosure(db, caseId);
  if (closure) {
    // One approved record establishes both: the outcome is part of what the supervisor approved.
    facts.add("outcome_recorded");
    facts.add("supervisor_approval");
    if (await hasReopeningReason(db, closure.id)) facts.add("reopening_reason_recorded");
  }
  return facts;
}
