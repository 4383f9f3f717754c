import type { AdmissionType, DischargeReason, RiskLevel, ShelterKind } from "../../../../shared/shelters";
import type { Me } from "../../platform/types";

export interface Room {
  id: string;
  name: string;
  beds: number;
  occupied: number;
  free: number;
}

export interface Resident {
  stayId: string;
  reference: string;
  type: AdmissionType;
  admittedOn: string;
  childOverride: boolean;
  roomId: string | null;
  criteriaOpen: string[];
}

export interface GrantedEscort {
  id: string;
  reference: string;
  escort: string;
  onDate: string;
  ended: "admitted" | "revoked" | null;
}

export interface BoardRow {
  id: string;
  codeName: string;
  kind: ShelterKind;
  secure: boolean;
  riskLevels: RiskLevel[];
  capacity: number;
  occupied: number;
  free: number;
  own: boolean;
  manages: boolean;
  rooms: Room[] | null;
  residents: Resident[] | null;
  escorts: GrantedEscort[] | null;
}

export interface Criterion {
  code: string;
  kinds: ShelterKind[];
  label: string;
}

export interface SecretAddress {
  address: string;
  contacts: string | null;
}

export interface EscortDuty {
  id: string;
  reference: string;
  onDate: string;
  due: boolean;
  to: { id: string; codeName: string };
  from: { id: string; codeName: string } | null;
}

export interface CaseStay {
  id: string;
  shelter: { id: string; codeName: string; kind: ShelterKind };
  type: AdmissionType;
  admittedOn: string;
  dischargedOn: string | null;
  dischargeReason: DischargeReason | null;
  own: boolean;
  room: string | null;
  criteriaOpen: string[] | null;
}

/** A shelter's own staff: they admit, discharge, and give escort duty (the server decides again). */
export const isShelterStaff = (me: Me) =>
  me.agency.type === "shelter_operator" &&
  me.roles.some((role) => role === "case_worker" || role === "supervisor" || role === "agency_admin");
