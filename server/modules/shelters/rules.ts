import type { Pathway } from "../../../shared/vocabulary";
import type { ShelterKind } from "../../../shared/shelters";

/**
 * Whether a case's person may be placed in a shelter of this kind. A child goes to a children's
 * shelter (seed 002: children are never accommodated with adults); only a supervisor's override,
 * with its reason recorded, places a child elsewhere.
 */
export function placementRefusal(
  pathway: Pathway | null,
  kind: ShelterKind,
  override: { bySupervisor: boolean } | null,
): "child_needs_childrens_shelter" | "forbidden" | null {
  if (pathway !== "child" || kind === "children") return null;
  if (!override) return "child_needs_childrens_shelter";
  return override.bySupervisor ? null : "forbidden";
}

/** Free beds: never negative, even if capacity was lowered below the present occupancy. */
export const freeBeds = (capacity: number, occupied: number) => Math.max(0, capacity - occupied);
