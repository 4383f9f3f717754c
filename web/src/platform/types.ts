import type { AgencyType, Language, Role } from "../../../shared/roles";

/** The signed-in user, as GET /api/auth/me describes them. */
export interface Me {
  id: string;
  username: string;
  displayName: string;
  agency: { id: string; name: string; type: AgencyType };
  roles: Role[];
  language: Language;
  totpEnabled: boolean;
  mustChangePassword: boolean;
}

export interface Session {
  user: Me;
  csrfToken: string;
  enrolmentOnly: boolean;
}

export type LoginAnswer = ({ status: "ok" } & Session) | { status: "totp_required" };

export interface Region {
  code: string;
  name: string;
}

export interface Jurisdiction {
  name: string;
  timeZone: string;
  /** The jurisdiction's date (YYYY-MM-DD): registration dates may not be after it. */
  today: string;
  regions: Region[];
  countriesOfOrigin: string[];
  homeCountries: string[];
}

export interface Agency {
  id: string;
  code: string;
  name: string;
  type: AgencyType;
  region: string | null;
  active: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
