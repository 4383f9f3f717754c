import { type AgencyType, caseRoles, registeringRoles, type Role } from "../../../shared/roles";

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
  | "justice"
  | "intelligence"
  | "duplicates"
  | "hotline"
  | "audit"
  | "breakglass"
  | "retention"
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
  // The docket is the justice compartment's (prosecution, courts, police); the coordinator reads the
  // figures. Assistance agencies see a proceeding's existence and stage on the case page only.
  justice: (roles: readonly Role[]) =>
    holds(roles, ["prosecutor", "police_investigator", "supervisor", "case_worker", "coordinator"]),
  intelligence: (roles: readonly Role[]) =>
    holds(roles, ["police_investigator", "supervisor", "coordinator"]),
  duplicates: (roles: readonly Role[]) => holds(roles, ["supervisor"]),
  // Operators take contacts, the police receive hand-overs, supervisors and coordinators read figures.
  hotline: (roles: readonly Role[]) =>
    holds(roles, ["hotline_operator", "police_investigator", "supervisor", "coordinator"]),
  audit: (roles: readonly Role[]) => holds(roles, auditRoles),
  // Emergency access: auditors list it; front-line roles ask for it (the agency is checked below).
  breakglass: (roles: readonly Role[]) =>
    holds(roles, auditRoles) ||
    (holds(roles, ["police_investigator", "case_worker", "supervisor"]) &&
      !holds(roles, ["system_admin", "coordinator", "hotline_operator"])),
  // Records due for erasure: the supervisors who decide; legal holds: prosecutors too.
  retention: (roles: readonly Role[]) => holds(roles, ["supervisor", "prosecutor"]),
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
  { name: "justice", path: "/justice" },
  { name: "intelligence", path: "/intelligence" },
  { name: "duplicates", path: "/duplicates" },
  { name: "hotline", path: "/hotline" },
  { name: "audit", path: "/audit" },
  { name: "breakglass", path: "/break-glass" },
  { name: "retention", path: "/retention" },
  { name: "admin", path: "/admin" },
  { name: "profile", path: "/profile" },
];

/** The signed-in user as the navigation needs them: roles, and the kind of agency they work for. */
export interface NavigationUser {
  roles: readonly Role[];
  agency: { type: AgencyType };
}

const policeAgencies: readonly AgencyType[] = ["police_anti_trafficking", "border_police"];
const justiceAgencies: readonly AgencyType[] = [...policeAgencies, "prosecution", "court"];

/**
 * Pages that belong to some kinds of agency only, whatever the role: a social worker is a case
 * worker too, but files no notice of operations and sits in no shelter coordination group.
 */
const agencyScope: Partial<Record<NavigationName, (user: NavigationUser) => boolean>> = {
  // Courts, prosecutors and the coordinator's office work from the files they are given.
  breakglass: ({ roles, agency }) =>
    roles.includes("auditor") ||
    !["prosecution", "court", "national_coordinator", "system_operator"].includes(agency.type),
  operations: ({ roles, agency }) =>
    roles.includes("coordinator") ||
    (policeAgencies.includes(agency.type) && holds(roles, ["police_investigator", "supervisor"])) ||
    (agency.type === "shelter_operator" && holds(roles, ["case_worker", "supervisor"])),
  // A court's staff record hearings and verdicts; a shelter's case worker has no docket.
  justice: ({ roles, agency }) => roles.includes("coordinator") || justiceAgencies.includes(agency.type),
  intelligence: ({ roles, agency }) => roles.includes("coordinator") || policeAgencies.includes(agency.type),
  // A helpline is run by an international organisation or an NGO (seeds 001, 003); the police
  // receive its hand-overs and the coordinator reads its figures.
  hotline: ({ roles, agency }) =>
    roles.includes("hotline_operator") ||
    roles.includes("coordinator") ||
    policeAgencies.includes(agency.type) ||
    agency.type === "international_organisation" ||
    agency.type === "ngo",
};

/** Whether the user may open a page: by role, then by the kind of agency where a page needs one. */
export const mayOpenPage = (name: NavigationName, user: NavigationUser): boolean =>
  mayOpen[name](user.roles) && (agencyScope[name]?.(user) ?? true);

export function navigationFor(user: NavigationUser): NavigationItem[] {
  return items.filter((item) => mayOpenPage(item.name, user));
}

/**
 * The first page a user sees: their work list, else what their role is for. The shelter board is
 * consulted, not worked from: a system administrator still starts in the administration.
 */
export function homePathFor(user: NavigationUser): string {
  const first = navigationFor(user).find((item) => item.name !== "shelters" && item.name !== "operations");
  return first ? first.path : "/profile";
}
