/**
 * Stages and requirements of the SOP pathways: shared by the server, which gives each a meaning,
 * and the browser, which names them in the user's language.
 */

/** Stages of the pathway (DOMAIN.md, "The pathway"). A pathway uses those its procedures need. */
export const stages = [
  "identification",
  "rights_information",
  "referral",
  "immediate_assistance",
  "reflection_period",
  "decision_on_future",
  /** Voluntary return to the country of origin, hand-over to a partner organisation, follow-ups. */
  "return_and_reintegration",
  /** Any future other than return: local integration, placement, reunification, protection, resettlement. */
  "reintegration",
  "closure",
] as const;
export type Stage = (typeof stages)[number];

/**
 * Facts that may be required before a transition. Each names something recorded on the case, so the
 * module that builds the set of facts can establish it from records, never from a user's say-so.
 */
export const requirements = [
  /** Interviewed once; every later agency reuses the record (seed 002 rec. 2.3–2.4). */
  "first_interview_recorded",
  /** Rights given in the person's own language, recorded with the language (seed 002). */
  "rights_information_recorded",
  /** A receiving agency accepted the referral, which it cannot do without consent or a legal basis. */
  "referral_accepted",
  "needs_assessment_recorded",
  /** Children: a case worker for each child, from the on-call social services (seed 002). */
  "case_worker_assigned",
  /** Children: a legal guardian for each child (seed 002 rec. 2.5 ii). */
  "guardian_assigned",
  /** Children: the child's views are heard (DOMAIN.md, "Children"). */
  "child_views_recorded",
  /** Children: best interests are the primary consideration (seed 002, CRC art. 3(1)). */
  "best_interests_determination",
  /** Before any return: non-refoulement (seed 002; TPIU risk assessment in each case, fn. 186). */
  "risk_assessment_recorded",
  /** The person's own decision on their future, recorded with their consent. */
  "decision_recorded",
  /** Closure is approved by a supervisor (DOMAIN.md, "Closure — approved, with the outcome"). */
  "supervisor_approval",
  "outcome_recorded",
  "reopening_reason_recorded",
] as const;
export type Requirement = (typeof requirements)[number];
