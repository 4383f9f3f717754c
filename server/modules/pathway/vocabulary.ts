/**
 * The words an SOP file may use. The code gives each of them a meaning (how a stage is shown, how a
 * fact is established from the case's records), so a jurisdiction arranges them in its sop.json but
 * cannot invent new ones without code that knows what they mean.
 */

export { type Requirement, requirements, type Stage, stages } from "../../../shared/pathway";
import { type Requirement, requirements } from "../../../shared/pathway";

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
