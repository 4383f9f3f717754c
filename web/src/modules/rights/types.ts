import type { LanguageCode, PersonRight } from "../../../../shared/vocabulary";

/** A record that the person was informed of their rights, as GET /api/cases/:reference/rights-information gives it. */
export interface RightsInformation {
  id: string;
  rights: PersonRight[];
  language: LanguageCode;
  withInterpreter: boolean;
  understood: boolean;
  informedAt: string;
  informedBy: { id: string; name: string };
  agency: { id: string; name: string };
  recordedAt: string;
}

/** The roles that may record it; the server decides, this only hides a form that would be refused. */
export const informingRoles = ["case_worker", "supervisor", "police_investigator"] as const;
