import type { ChildLocationType } from "../../../shared/children";
import type { ErrorCode } from "../../../shared/messages";
import type { Requirement } from "../pathway/vocabulary";

export interface Issue {
  field: string;
  code: ErrorCode;
}

const HOUR = 3_600_000;

/**
 * Whether a parent may be told anything. A parent flagged as a suspected trafficker never is:
 * parents are informed unless they are the danger (DOMAIN.md "Children"; seed 002: a girl sold by
 * her own mother "now has to be protected from her own family"). The flag counts as it is now, so
 * a parent flagged after an earlier notification is told nothing more.
 */
export const mayNotifyParent = (parent: { suspectedTrafficker: boolean }): boolean =>
  !parent.suspectedTrafficker;

/** The parents a "notify the parents" round reaches: every one not flagged, never a flagged one. */
export const parentsToNotify = <P extends { suspectedTrafficker: boolean }>(parents: readonly P[]): P[] =>
  parents.filter(mayNotifyParent);

/** A date (YYYY-MM-DD) of something done: not after today in the jurisdiction. */
export function pastDateIssue(field: string, value: string, today: string): Issue | null {
  return value > today ? { field, code: "date_in_future" } : null;
}

/** A moment something happened: not after now. */
export function pastInstantIssue(field: string, value: Date, now: Date): Issue | null {
  return value.getTime() > now.getTime() ? { field, code: "date_in_future" } : null;
}

/**
 * A new location of the child: since a moment that has passed, and not before the current one
 * (a location recorded as earlier would not be the current one, and the alarm about a police
 * station would go on).
 */
export function locationIssue(since: Date, now: Date, current: { since: Date } | null): Issue | null {
  const future = pastInstantIssue("since", since, now);
  if (future) return future;
  if (current && since.getTime() < current.since.getTime())
    return { field: "since", code: "location_before_current" };
  return null;
}

export interface LocationRecord {
  id: string;
  locationType: ChildLocationType;
  since: Date;
}

/**
 * The child's current stay at police stations: from the first of the latest uninterrupted run of
 * police-station locations (a transfer from one station to another does not restart the clock),
 * or null when the child is not at one now.
 */
export function policeStationStay(locations: readonly LocationRecord[]): { id: string; since: Date } | null {
  const ordered = [...locations].sort((a, b) => a.since.getTime() - b.since.getTime());
  let stay: LocationRecord | null = null;
  for (const location of ordered) {
    if (location.locationType !== "police_station") stay = null;
    else stay ??= location;
  }
  return stay ? { id: stay.id, since: stay.since } : null;
}

/**
 * Whether the child has been at a police station longer than the SOP allows (seed 002: girls were
 * held overnight because no social worker came out). Exactly at the limit is not yet over it.
 */
export function heldTooLongAtPoliceStation(
  stay: { since: Date } | null,
  maxHours: number,
  now: Date,
): boolean {
  return stay !== null && now.getTime() - stay.since.getTime() > maxHours * HOUR;
}

/** When a child's case without an active guardian becomes an alarm: the SOP's hours after registration. */
export const guardianDueAt = (registeredAt: Date, deadlineHours: number): Date =>
  new Date(registeredAt.getTime() + deadlineHours * HOUR);

export interface ChildRecords {
  caseWorker: boolean;
  activeGuardian: boolean;
  views: boolean;
  bestInterests: boolean;
}

/** The SOP's requirements the child's records establish; each holds when its record exists. */
export function childRequirements(records: ChildRecords): Requirement[] {
  const facts: Requirement[] = [];
  if (records.caseWorker) facts.push("case_worker_assigned");
  if (records.activeGuardian) facts.push("guardian_assigned");
  if (records.views) facts.push("child_views_recorded");
  if (records.bestInterests) facts.push("best_interests_determination");
  return facts;
}
