import type { Language, Role } from "../../../../shared/roles";

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  agency: { id: string; name: string };
  roles: Role[];
  language: Language;
  active: boolean;
  totpEnabled: boolean;
  locked: boolean;
}

export interface RoleSetting {
  role: Role;
  requireTotp: boolean;
}
