import type { AgencyType } from "../../../shared/roles";

export interface CandidateAgency {
  id: string;
  type: AgencyType;
  onTeam: boolean;
  active: boolean;
}

/**
 * Which agencies an escalation of this type reaches: the responsible agency itself when it is of
 * that type (its own supervisor), else the team's agencies of that type, else every active agency
 * of the type (the national coordinator is one office; nobody of the type on the team is exactly
 * when somebody outside must hear of it).
 */
export function escalationAgencies(
  responsible: { id: string; type: AgencyType },
  type: AgencyType,
  candidates: readonly CandidateAgency[],
): string[] {
  if (responsible.type === type) return [responsible.id];
  const ofType = candidates.filter((agency) => agency.type === type && agency.active);
  const onTeam = ofType.filter((agency) => agency.onTeam);
  return (onTeam.length > 0 ? onTeam : ofType).map((agency) => agency.id);
}
