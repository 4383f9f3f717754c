import type {
  CaseStatus,
  ControlMethod,
  EducationLevel,
  ExploitationType,
  Gender,
  IdentificationSource,
  MaritalStatus,
  Pathway,
  TraffickingStatus,
} from "../../../../shared/vocabulary";
import type { AgencyType } from "../../../../shared/roles";

export type TeamScope = "identity" | "circumstances";
export const teamScopes: readonly TeamScope[] = ["identity", "circumstances"];

export interface CaseSummary {
  reference: string;
  pathway: Pathway;
  status: CaseStatus;
  source: IdentificationSource;
  identificationDate: string;
  identificationRegion: string;
  identifyingAgency: { id: string; name: string };
  gender: Gender;
  ageAtIdentification: number | null;
  citizenship: string[];
  createdAt: string;
}

export interface CaseIdentity {
  givenName: string;
  familyName: string | null;
  otherNames: string | null;
  birthDate: string | null;
  identityNumber: string | null;
  phone: string | null;
  address: string | null;
  identificationPlace: string | null;
}

export interface TeamMember {
  agency: { id: string; name: string; type: AgencyType };
  scopes: TeamScope[];
  addedAt: string;
}

export interface CaseDetail extends CaseSummary {
  traffickingStatus: TraffickingStatus;
  ageEstimated: boolean;
  exploitationTypes: ExploitationType[];
  controlMethods: ControlMethod[];
  person: {
    primaryLanguage: string | null;
    otherLanguages: string[];
    maritalStatus: MaritalStatus | null;
    numberOfChildren: number | null;
    education: EducationLevel | null;
  };
  identity: CaseIdentity | null;
  circumstances: string | null;
  team: TeamMember[];
  permissions: { canSeeIdentity: boolean; canSeeCircumstances: boolean; canAddAgency: boolean };
}
