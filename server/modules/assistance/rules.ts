/**
 * Pure rules of assistance, the reflection period and temporary residence (issue 3, items 5 and 6).
 *
 * None of them takes anything about a statement, testimony or cooperation with police or
 * prosecution as input: assistance is never conditional on cooperating with the authorities
 * (DOMAIN.md "The pathway" step 4; seed 002 ch. 4, rec. 2.6), and a unit test keeps it so.
 */
import type { ServiceStatus } from "../../../shared/assistance";
import type { ErrorCode } from "../../../shared/messages";
import type { Pathway } from "../../../shared/vocabulary";
import { localDate } from "../../platform/jurisdiction";
import { addDaysToDate, fromWallTime } from "../pathway/calendar";

export interface Issue {
  field: string;
  code: ErrorCode;
}

/**
 * How many days before the reflection period or a residence permit ends its reminder is raised.
 * Two weeks leave time to apply for an extension or to prepare the person's decision with them;
 * a jurisdiction wanting another lead time changes this one number.
 */
export const reminderDaysBefore = 14;

const dayMs = 86_400_000;

function utcDay(date: string): number {
  const [year, month, day] = date.split("-").map(Number);
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1);
}

/** Whole calendar days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDay(to) - utcDay(from)) / dayMs);
}

/** Today's calendar date in the jurisdiction's time zone. */
export const todayIn = (now: Date, timeZone: string): string => localDate(now, timeZone);

/**
 * The last day of a period of `days` days starting on `start` (the reflection period from the
 * identification date; a permit from its grant). Dates, not instants: the period is counted on
 * the calendar of the jurisdiction, where the person lives it.
 */
export const periodEnd = (start: string, days: number): string => addDaysToDate(start, days);

/** Days left until the end date, counted from today in the time zone; negative once it has passed. */
export function daysLeft(endDate: string, now: Date, timeZone: string): number {
  return daysBetween(todayIn(now, timeZone), endDate);
}

/**
 * The instant a period ending on `endDate` is over: midnight at the start of the next day on the
 * jurisdiction's clocks, whatever their offset is that night (calendar.ts).
 */
export function periodOverAt(endDate: string, timeZone: string): Date {
  const [year, month, day] = addDaysToDate(endDate, 1).split("-").map(Number);
  return fromWallTime(
    { year: year ?? 0, month: month ?? 1, day: day ?? 1, hour: 0, minute: 0, second: 0, millisecond: 0 },
    timeZone,
  );
}

/** Whether the reminder before an end date is due today: within the lead time, and not yet over. */
export function reminderDue(endDate: string, now: Date, timeZone: string, before = reminderDaysBefore) {
  const left = daysLeft(endDate, now, timeZone);
  return left >= 0 && left <= before;
}

/** An extension moves the end later; an "extension" to the same day or earlier extends nothing. */
export function extensionIssue(currentEnd: string, newEnd: string): Issue | null {
  return daysBetween(currentEnd, newEnd) > 0 ? null : { field: "newEndDate", code: "extension_not_later" };
}

/**
 * Temporary residence is for foreign victims (seed 002 rec. 2.11 iii): the foreign adult pathway,
 * or a person (a child, say) none of whose citizenships is of the jurisdiction's home countries.
 */
export function isForeignVictim(
  pathway: Pathway,
  citizenship: readonly string[],
  homeCountries: readonly string[],
): boolean {
  if (pathway === "foreign_adult") return true;
  if (pathway === "domestic_adult") return false;
  return citizenship.length > 0 && !citizenship.some((c) => homeCountries.includes(c));
}

/** Where a service may go from where it stands. */
const serviceTransitions: Record<ServiceStatus, readonly ServiceStatus[]> = {
  planned: ["in_progress", "delivered", "declined_by_person", "ended"],
  in_progress: ["delivered", "declined_by_person", "ended"],
  delivered: ["in_progress", "ended"],
  // The person who said no may change their mind: help is offered again, never withheld.
  declined_by_person: ["planned", "in_progress"],
  ended: ["in_progress"],
};

export function mayMoveService(from: ServiceStatus, to: ServiceStatus): boolean {
  return from === to || serviceTransitions[from].includes(to);
}

/** Statuses after which the service has an end date (today, unless one was given). */
export const closedServiceStatuses: readonly ServiceStatus[] = ["delivered", "declined_by_person", "ended"];

export interface ServiceDraft {
  providerAgencyId?: string | null | undefined;
  providerName?: string | null | undefined;
  startDate: string;
  endDate?: string | null | undefined;
}

/** Why a service may not be stored, or null. */
export function serviceIssue(draft: ServiceDraft): Issue | null {
  if (!draft.providerAgencyId && !draft.providerName?.trim())
    return { field: "providerAgencyId", code: "provider_required" };
  if (draft.endDate && daysBetween(draft.startDate, draft.endDate) < 0)
    return { field: "endDate", code: "dates_out_of_order" };
  return null;
}

export interface PlanDraft {
  startDate: string;
  reviewDate: string;
  plannedEndDate?: string | null | undefined;
}

export function planIssue(draft: PlanDraft): Issue | null {
  if (daysBetween(draft.startDate, draft.reviewDate) < 0)
    return { field: "reviewDate", code: "dates_out_of_order" };
  if (draft.plannedEndDate && daysBetween(draft.startDate, draft.plannedEndDate) < 0)
    return { field: "plannedEndDate", code: "dates_out_of_order" };
  return null;
}

/** A permit's validity runs after its grant; an extension runs past the validity in force. */
export function residenceIssue(
  draft: { grantedDate: string; validUntil: string },
  current: { validUntil: string } | null,
): Issue | null {
  if (daysBetween(draft.grantedDate, draft.validUntil) <= 0)
    return { field: "validUntil", code: "dates_out_of_order" };
  if (current && daysBetween(current.validUntil, draft.validUntil) <= 0)
    return { field: "validUntil", code: "extension_not_later" };
  return null;
}
