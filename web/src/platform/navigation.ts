import { caseRoles, registeringRoles, type Role } from "../../../shared/roles";

export type NavigationName =
  | "cases"
  | "work"
  | "dashboard"
  | "inbox"
  | "register"
  | "shelters"
  | "operations"
  | "interpreters"
  | "coordination"
  | "statistics"
  | "audit"
  | "admin"
  | "profile";

export interface NavigationItem {
  name: NavigationName;
  path: string;
}

/** Alerts reach the coordinator too, when the chain fails: they are told, without the file. */
const alertedRoles: readonly Role[] = [...caseRoles, "coordinator"];
/** Shelters by code name and free beds: those who place people, coordinate places or set shelters up. */
const shelterRoles: readonly Role[] = [...caseRoles, "coordinator", "system_admin"];
/**
 * Advance notice of operations: the police who plan them, and the shelter coordination group
 * (coordinators, shelter case workers and supervisors). The server narrows it to police agencies
 * and shelter operators.
 */
const operationRoles: readonly Role[] = ["police_investigator", "supervisor", "case_worker", "coordinator"];
/** The coordination groups: those who work on cases and the coordinators (seed 000). */
const coordinationRoles: readonly Role[] = [...caseRoles, "coordinator"];
const statisticsRoles: readonly Role[] = ["coordinator", "supervisor"];
const adminRoles: readonly Role[] = ["system_admin", "agency_admin"];
const auditRoles: readonly Role[] = ["auditor"];

const holds = (roles: readonly Role[], allowed: readonly Role[]) =>
  roles.some((role) => allowed.includes(role));

/** Who may open which page. The server decides again on every request; this only hides what would fail. */
export const mayOpen = {
  cases: (roles: readonly Role[]) => holds(roles, caseRoles),
  work: (roles: readonly Role[]) => holds(roles, alertedRoles),
  dashboard: (roles: readonly Role[]) => holds(roles, alertedRoles),
  inbox: (roles: readonly Role[]) => holds(roles, caseRoles),
  register: (roles: readonly Role[]) => holds(roles, registeringRoles),
  shelters: (roles: readonly Role[]) => holds(roles, shelterRoles),
  operations: (roles: readonly Role[]) => holds(roles, operationRoles),
  interpreters: (roles: readonly Role[]) => holds(roles, caseRoles),
  coordination: (roles: readonly Role[]) => holds(roles, coordinationRoles),
  statistics: (roles: readonly Role[]) => holds(roles, statisticsRoles),
  audit: (roles: readonly Role[]) => holds(roles, auditRoles),
  admin: (roles: readonly Role[]) => holds(roles, adminRoles),
  profile: () => true,
} satisfies Record<NavigationName, (roles: readonly Role[]) => boolean>;

const items: NavigationItem[] = [
  { name: "cases", path: "/cases" },
  { name: "work", path: "/work" },
  { name: "dashboard", path: "/dashboard" },
  { name: "inbox", path: "/referrals" },
  { name: "register", path: "/cases/new" },
  { name: "shelters", path: "/shelters" },
  { name: "operations", path: "/operations" },
  { name: "interpreters", path: "/interpreters" },
  { name: "coordination", path: "/coordination" },
  { name: "statistics", path: "/statistics" },
  { name: "audit", path: "/audit" },
  { name: "admin", path: "/admin" },
  { name: "profile", path: "/profile" },
];

export function navigationFor(roles: readonly Role[]): NavigationItem[] {
  return items.filter((item) => mayOpen[item.name](roles));
}

/**
 * The first page a user sees: their work list, else what their role is for. The shelter board is
 * consulted, not worked from: a system administrator still starts in the administration.
 */
export function homePathFor(roles: readonly Role[]): string {
  const first = navigationFor(roles).find((item) => item.name !== "shelters" && item.name !== "operations");
  return first ? first.path : "/profile";
}
