import type { ShelterKind } from "../../../shared/shelters";
import type { OperationStatus } from "../../../shared/operations";

export interface FreePlaces {
  /** Free beds in shelters for adults (foreign and domestic victims). */
  adults: number;
  /** Free beds in children's shelters. */
  children: number;
}

/** Free places by who may take them: a child only in a children's shelter (seed 002). */
export function freePlaces(board: readonly { kind: ShelterKind; free: number }[]): FreePlaces {
  let adults = 0;
  let children = 0;
  for (const shelter of board) {
    if (shelter.kind === "children") children += shelter.free;
    else adults += shelter.free;
  }
  return { adults, children };
}

export interface Shortage {
  adultsShort: number;
  minorsShort: number;
}

/**
 * The expected demand against the free places, adults and minors apart: a spare adult bed does
 * not take a child. Null when every expected person has a place.
 */
export function placesShortage(
  expected: { people: number; minors: number },
  free: FreePlaces,
): Shortage | null {
  const minors = Math.min(expected.minors, expected.people);
  const adultsShort = Math.max(0, expected.people - minors - free.adults);
  const minorsShort = Math.max(0, minors - free.children);
  return adultsShort > 0 || minorsShort > 0 ? { adultsShort, minorsShort } : null;
}

/** An open notice's place in the queue for free places: by planned day, then by when it was filed. */
export interface QueuedNotice {
  id: string;
  plannedOn: string;
  filedAt: Date;
  expectedPeople: number;
  expectedMinors: number;
}

const queueOrder = (a: QueuedNotice, b: QueuedNotice) =>
  a.plannedOn.localeCompare(b.plannedOn) ||
  a.filedAt.getTime() - b.filedAt.getTime() ||
  a.id.localeCompare(b.id);

/**
 * The places left for one notice once the open notices ahead of it have taken theirs: two raids
 * on the same night compete for the same beds, so the second one's shortage counts the first
 * one's people. A notice not in the queue (finished) keeps the free places as they are.
 */
export function placesLeftFor(
  notice: Pick<QueuedNotice, "id">,
  queue: readonly QueuedNotice[],
  free: FreePlaces,
): FreePlaces {
  let { adults, children } = free;
  for (const other of [...queue].sort(queueOrder)) {
    if (other.id === notice.id) return { adults, children };
    const minors = Math.min(other.expectedMinors, other.expectedPeople);
    adults = Math.max(0, adults - (other.expectedPeople - minors));
    children = Math.max(0, children - minors);
  }
  return free;
}

/** Planned, then started, then finished: one step at a time, never back. */
export const nextStatus = (from: OperationStatus): OperationStatus | null =>
  from === "planned" ? "started" : from === "started" ? "finished" : null;
