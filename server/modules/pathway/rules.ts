/**
 * Pure rules of the pathway: what may happen next, and when things are due. No I/O and no clock:
 * the caller passes the SOP, the facts established from the case's records, and `now`.
 */
import type { AgencyType, Role } from "../../../shared/roles";
import type { Pathway } from "../../../shared/vocabulary";
import { addDaysToDate, addDuration } from "./calendar";
import type { Due, PathwaySop, Sop, Task } from "./sop";
import type { Duration, Requirement, Stage } from "./vocabulary";

export interface PathwayActor {
  roles: readonly Role[];
  agencyType: AgencyType;
}

export interface NextStage {
  to: Stage;
  /** The actor may take this step now. */
  allowed: boolean;
  /** The actor's roles and agency type are among those the SOP names for this step. */
  permitted: boolean;
  /** Facts still to be recorded before anyone may take the step, in the SOP's order. */
  missing: Requirement[];
}

function pathwayOf(sop: Sop, pathway: Pathway, stage: Stage): PathwaySop {
  const procedures = sop.pathways[pathway];
  if (!procedures.stages.includes(stage)) {
    throw new RangeError(`stage "${stage}" is not part of the ${pathway} pathway of ${sop.version}`);
  }
  return procedures;
}

/**
 * Every step out of `stage`, each allowed or blocked with what is missing, so the case page can show
 * the next steps and why one is not yet open (issue 3, item 1).
 */
export function allowedTransitions(
  sop: Sop,
  pathway: Pathway,
  stage: Stage,
  actor: PathwayActor,
  facts: ReadonlySet<Requirement>,
): NextStage[] {
  return pathwayOf(sop, pathway, stage)
    .transitions.filter((t) => t.from.includes(stage))
    .map((t) => {
      const permitted =
        t.agencyTypes.includes(actor.agencyType) && actor.roles.some((r) => t.roles.includes(r));
      const missing = t.requires.filter((r) => !facts.has(r));
      return { to: t.to, allowed: permitted && missing.length === 0, permitted, missing };
    });
}

/**
 * The last day of the reflection period (YYYY-MM-DD). It starts at identification (issue 3, item 6);
 * as in the usual reckoning of legal periods the day of identification is not counted and the period
 * runs to the end of its last day, so 90 days from 1 January end on 1 April. Extensions add days.
 */
export function reflectionPeriodEnds(
  identificationDate: string,
  days: number,
  extensions: readonly { days: number }[] = [],
): string {
  const all = [days, ...extensions.map((e) => e.days)];
  if (all.some((d) => !Number.isInteger(d) || d < 0))
    throw new RangeError("reflection periods and extensions are whole, non-negative days");
  return addDaysToDate(
    identificationDate,
    all.reduce((sum, d) => sum + d, 0),
  );
}

/**
 * When something is due: hours are elapsed time, days and months keep the local wall-clock time in the
 * jurisdiction's time zone across daylight-saving changes (calendar.ts explains why).
 */
export function deadline(from: Date, duration: Duration, timeZone: string): Date {
  return addDuration(from, duration, timeZone);
}

/**
 * Follow-up assessments months after return (DOMAIN.md: re-trafficking is watched for). Each is
 * counted from the return itself, not from the previous one, so a return on 31 May is followed up on
 * 31 August, 30 November and 31 May; a month without the day gives its last day.
 */
export function followUpDates(returnDate: Date, months: readonly number[], timeZone: string): Date[] {
  return months.map((amount) => addDuration(returnDate, { amount, unit: "months" }, timeZone));
}

/** Due at an instant: not overdue at that instant, overdue from the next millisecond. */
export function isOverdue(due: Date, now: Date): boolean {
  return now.getTime() > due.getTime();
}

export function dueDuration(sop: Sop, due: Due): Duration {
  switch (due.kind) {
    case "fixed":
      return due.duration;
    case "setting":
      switch (due.setting) {
        case "guardianDeadlineHours":
          return { amount: sop.guardianDeadlineHours, unit: "hours" };
        case "policeStationMaxHours":
          return { amount: sop.policeStationMaxHours, unit: "hours" };
        case "reflectionPeriodDays":
          return { amount: sop.reflectionPeriodDays, unit: "days" };
        case "temporaryResidenceDays":
          return { amount: sop.temporaryResidenceDays, unit: "days" };
      }
  }
}

export interface DueTask {
  code: string;
  agencyType: AgencyType;
  due: Date;
  escalateTo: Task["escalateTo"];
}

/**
 * Tasks that appear when a case enters a stage, e.g. for a child the on-call social services' tasks
 * appear at once at identification (issue 3, item 8).
 */
export function tasksOnEntering(
  sop: Sop,
  pathway: Pathway,
  stage: Stage,
  at: Date,
  timeZone: string,
): DueTask[] {
  return pathwayOf(sop, pathway, stage)
    .tasks.filter((t) => t.onEntering === stage)
    .map((t) => ({
      code: t.code,
      agencyType: t.agencyType,
      due: deadline(at, dueDuration(sop, t.due), timeZone),
      escalateTo: t.escalateTo,
    }));
}

/** A child may not be held at a police station beyond the SOP's limit (seed 002: held overnight). */
export function policeStationLimit(sop: Sop, arrivedAt: Date): Date {
  return new Date(arrivedAt.getTime() + sop.policeStationMaxHours * 3_600_000);
}
