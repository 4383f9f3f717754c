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

/** Planned, then started, then finished: one step at a time, never back. */
export const nextStatus = (from: OperationStatus): OperationStatus | null =>
  from === "planned" ? "started" : from === "started" ? "finished" : null;
