/**
 * Pure rules of the decision on the future, return and reintegration (issue 3, items 7 and 9).
 * No I/O and no clock: the caller passes what the records establish and `now`.
 *
 * Nothing here reads statements, testimony or court dates: a pending statement or court date never
 * delays a voluntary return (Reg. 2001/4 s. 5.1; seed 002). The prosecutor is told instead.
 */
import type { AgencyType } from "../../../shared/roles";
import {
  type FollowUpOutcome,
  followUpOutcomes,
  type FutureOption,
  type HandOverSection,
  handOverSections,
  isReturnOption,
  type RiskFactor,
  riskFactors,
} from "../../../shared/future";
import { addDaysToDate, fromWallTime, wallTime } from "../pathway/calendar";
import { followUpDates } from "../pathway/rules";

export interface Issue {
  field: string;
  code: string;
}

/** The local calendar day (YYYY-MM-DD) of an instant in the time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const w = wallTime(instant, timeZone);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** A day (YYYY-MM-DD) that has not come yet in the jurisdiction cannot be the day of a past event. */
export function dayInFuture(day: string, now: Date, timeZone: string): boolean {
  return day > localDate(now, timeZone);
}

export interface DecisionFacts {
  option: FutureOption;
  riskAssessed: boolean;
  child: boolean;
  bestInterestsDetermined: boolean;
}

/**
 * Why a decision may not be recorded, or null. A return needs a recorded risk assessment
 * (non-refoulement; seed 002 fn. 186), and for a child also a best-interests determination
 * (CRC art. 3(1); DOMAIN.md "Children"). Any other future, and "undecided", needs neither.
 */
export function decisionConflict(facts: DecisionFacts): string | null {
  if (!isReturnOption(facts.option)) return null;
  if (!facts.riskAssessed) return "risk_assessment_required";
  if (facts.child && !facts.bestInterestsDetermined) return "best_interests_required";
  return null;
}

/** Only a real choice establishes the fact "decision_recorded": "undecided" is no decision. */
export const isDecision = (option: FutureOption) => option !== "undecided";

/** The factors once each, in the order of the list, however they were sent. */
export const normalisedFactors = (factors: readonly RiskFactor[]): RiskFactor[] =>
  riskFactors.filter((factor) => factors.includes(factor));

export const normalisedOutcomes = (outcomes: readonly FollowUpOutcome[]): FollowUpOutcome[] =>
  followUpOutcomes.filter((outcome) => outcomes.includes(outcome));

export const normalisedSections = (sections: readonly HandOverSection[]): HandOverSection[] =>
  handOverSections.filter((section) => sections.includes(section));

export interface ReturnDraft {
  travelDocumentStatus?: string | null | undefined;
  travelDocumentOn?: string | null | undefined;
  travelDocumentNumber?: string | null | undefined;
  escorted: boolean;
  escortAgencyId?: string | null | undefined;
  partnerName?: string | null | undefined;
  partnerCountry?: string | null | undefined;
}

/** Why return arrangements are incomplete, or null: each detail that needs another one names it. */
export function returnIssue(draft: ReturnDraft): Issue | null {
  if ((draft.travelDocumentOn || draft.travelDocumentNumber) && !draft.travelDocumentStatus)
    return { field: "travelDocumentStatus", code: "required" };
  if (draft.escorted && !draft.escortAgencyId) return { field: "escortAgencyId", code: "required" };
  if (draft.partnerName?.trim() && !draft.partnerCountry)
    return { field: "partnerCountry", code: "required" };
  if (draft.partnerCountry && !draft.partnerName?.trim()) return { field: "partnerName", code: "required" };
  return null;
}

export interface HandOverDraft {
  sections: readonly HandOverSection[];
  consentGiven: boolean;
}

/**
 * A hand-over shares only what the person consented to share (issue 3, item 9): without the
 * person's consent nothing leaves the country, and a package of nothing is no hand-over.
 */
export function handOverIssue(draft: HandOverDraft): Issue | null {
  if (draft.sections.length === 0) return { field: "sections", code: "required" };
  if (!draft.consentGiven) return { field: "consentGiven", code: "consent_required" };
  return null;
}

export interface ScheduledFollowUp {
  months: number;
  /** The local day of the follow-up. */
  dueOn: string;
  /** The end of that day in the jurisdiction: overdue from then on. */
  dueAt: Date;
}

/**
 * Follow-up assessments at the SOP's months after the day of departure (or of the decision to
 * integrate), counted in the jurisdiction's time zone. Each falls on a local day; it is missed only
 * once that whole day has passed, also on the nights the clocks change.
 */
export function followUpSchedule(
  from: string,
  months: readonly number[],
  timeZone: string,
): ScheduledFollowUp[] {
  const [year, month, day] = from.split("-").map(Number) as [number, number, number];
  // Noon: a wall time that exists on every day, whatever the clocks do at night.
  const start = fromWallTime({ year, month, day, hour: 12, minute: 0, second: 0, millisecond: 0 }, timeZone);
  return followUpDates(start, months, timeZone).map((date, index) => {
    const dueOn = localDate(date, timeZone);
    const [y, m, d] = addDaysToDate(dueOn, 1).split("-").map(Number) as [number, number, number];
    const dueAt = fromWallTime(
      { year: y, month: m, day: d, hour: 0, minute: 0, second: 0, millisecond: 0 },
      timeZone,
    );
    return { months: months[index] ?? 0, dueOn, dueAt };
  });
}

/** Who must take a statement or arrange testimony before departure: prosecution and police on the team. */
const toldOfReturn: readonly AgencyType[] = ["prosecution", "police_anti_trafficking", "border_police"];

/**
 * The agencies told of a voluntary return: every prosecution and police agency on the case team,
 * nobody outside it (the team already holds who works on the case).
 */
export function returnNoticeAgencies(team: readonly { id: string; type: AgencyType }[]): string[] {
  return team.filter((agency) => toldOfReturn.includes(agency.type)).map((agency) => agency.id);
}

/** Who is alerted when a follow-up is missed: the recording agency, else the team's international organisation. */
export function followUpResponsible(
  recordingAgency: { id: string; active: boolean; onTeam: boolean },
  team: readonly { id: string; type: AgencyType }[],
): string | null {
  if (recordingAgency.active && recordingAgency.onTeam) return recordingAgency.id;
  return team.find((agency) => agency.type === "international_organisation")?.id ?? null;
}
