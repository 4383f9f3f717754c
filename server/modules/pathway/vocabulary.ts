/**
 * The words an SOP file may use. The code gives each of them a meaning (how a stage is shown, how a
 * fact is established from the case's records), so a jurisdiction arranges them in its sop.json but
 * cannot invent new ones without code that knows what they mean.
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

/**
 * Names that would make help depend on cooperating with police or prosecution. Assistance is never
 * conditional on cooperation (seed 002 ch. 4 and rec. 2.6; UNHCHR Principles para. 8), and
 * statement-taking may never delay a voluntary return (Reg. 2001/4 s. 5.1). The whole pathway is the
 * person's way to assistance, so no transition of it may require these; the justice module records
 * statements and testimony on its own side of the compartment wall.
 */
export const cooperationRequirements = [
  "statement_taken",
  "statement_recorded",
  "police_statement",
  "witness_statement_recorded",
  "testimony_given",
  "agreed_to_testify",
  "cooperation_with_police",
  "cooperation_with_prosecution",
  "cooperation_agreement",
  "criminal_complaint_filed",
  "court_appearance",
] as const;

/** Catches renamed variants of the list above ("victim_statement_done", "cooperates"). */
const cooperationWords = /statement|testimon|testify|cooperat|witness|complaint|court|prosecut|investigat/i;

export function isCooperationRequirement(name: string): boolean {
  return (cooperationRequirements as readonly string[]).includes(name) || cooperationWords.test(name);
}

export function isRequirement(name: string): name is Requirement {
  return (requirements as readonly string[]).includes(name);
}

/** Settings of the SOP file that a task's deadline may name instead of a number. */
export const durationSettings = [
  "guardianDeadlineHours",
  "policeStationMaxHours",
  "reflectionPeriodDays",
  "temporaryResidenceDays",
] as const;
export type DurationSetting = (typeof durationSettings)[number];

export const durationUnits = ["hours", "days", "months"] as const;
export type DurationUnit = (typeof durationUnits)[number];

/**
 * A length of time. Hours are elapsed time; days and months are calendar steps that keep the local
 * wall-clock time in the jurisdiction's time zone (see calendar.ts).
 */
export interface Duration {
  amount: number;
  unit: DurationUnit;
}
