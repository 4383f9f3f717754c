import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AgencyType, Role } from "../../shared/roles";
import { registration, type Session, type TestEnvironment } from "../testing/harness";

/**
 * The people the access tests act as: each role at the kind of agency that holds it in practice
 * (config/jurisdictions/kosovo/demo.json), and case workers at the three kinds of agency whose
 * work differs most (an NGO, a shelter, social services).
 */
export const principals = [
  { name: "sa", role: "system_admin", kind: "system_operator" },
  { name: "aa", role: "agency_admin", kind: "police_anti_trafficking" },
  { name: "cw@ngo", role: "case_worker", kind: "ngo" },
  { name: "cw@shelter", role: "case_worker", kind: "shelter_operator" },
  { name: "cw@social", role: "case_worker", kind: "social_services" },
  { name: "sup", role: "supervisor", kind: "social_services" },
  { name: "pi", role: "police_investigator", kind: "police_anti_trafficking" },
  { name: "pr", role: "prosecutor", kind: "prosecution" },
  { name: "co", role: "coordinator", kind: "national_coordinator" },
  { name: "au", role: "auditor", kind: "national_coordinator" },
  { name: "ho", role: "hotline_operator", kind: "international_organisation" },
] as const satisfies readonly { name: string; role: Role; kind: AgencyType }[];

export type PrincipalName = (typeof principals)[number]["name"];
export type Principal = (typeof principals)[number];

export interface World {
  /** An adult's case and a child's case, both with every on-team agency on the team. */
  adultReference: string;
  childReference: string;
  /** Sessions on the case team (their agency is on it) and outside it (same kind of agency, not on it). */
  onTeam: Map<PrincipalName, Session>;
  offTeam: Map<PrincipalName, Session>;
  /** An agency on the team, for routes that take an agency id; the police unit on it. */
  teamAgencyId: string;
  policeAgencyId: string;
  /**
   * Principals of the outside agencies whom a case's own rules put on its team all the same (a
   * child's case calls in every Centre for Social Work of the region): reference -> names.
   */
  joinedAnyway: Map<string, Set<PrincipalName>>;
  signInAgain(principal: PrincipalName, team: boolean): Promise<Session>;
  /** Removes what the world wrote outside the database (backups). */
  dispose(): void;
}

/**
 * One case team holding one agency of each kind above; a second agency of each kind stays outside.
 * The police investigator registers both cases (002: the police identify most victims).
 */
export async function buildWorld(env: TestEnvironment): Promise<World> {
  // A system administrator's request may write a real backup: into a directory of its own.
  let backupDir: string | null = null;
  if (!process.env.OPENNRM_BACKUP_DIR) {
    backupDir = fs.mkdtempSync(path.join(os.tmpdir(), "opennrm-hardening-backups-"));
    process.env.OPENNRM_BACKUP_DIR = backupDir;
  }
  const kinds = [...new Set(principals.map((p) => p.kind))];
  const inside = new Map<AgencyType, string>();
  const outside = new Map<AgencyType, string>();
  for (const kind of kinds) {
    inside.set(kind, (await env.makeAgency({ type: kind })).id);
    outside.set(kind, (await env.makeAgency({ type: kind })).id);
  }
  const onTeam = new Map<PrincipalName, Session>();
  const offTeam = new Map<PrincipalName, Session>();
  const users = new Map<string, { username: string }>();
  for (const principal of principals) {
    for (const team of [true, false]) {
      const agencyId = (team ? inside : outside).get(principal.kind) ?? "";
      const user = await env.makeUser(agencyId, [principal.role]);
      users.set(`${principal.name}/${team}`, user);
      (team ? onTeam : offTeam).set(principal.name, await env.login(user));
    }
  }
  const police = onTeam.get("pi");
  const admin = onTeam.get("aa");
  if (!police || !admin) throw new Error("no police session");
  const register = async (body: object) => {
    const response = await env.as(police, { method: "POST", url: "/api/cases", payload: body });
    if (response.statusCode !== 201) throw new Error(`registration failed: ${response.body}`);
    return response.json<{ reference: string }>().reference;
  };
  const adultReference = await register(registration());
  const childReference = await register(
    registration({ person: { givenName: "Elira", birthDate: "2012-03-04", citizenship: ["XK"] } }),
  );
  for (const reference of [adultReference, childReference]) {
    for (const [kind, agencyId] of inside) {
      if (kind === "police_anti_trafficking") continue;
      const response = await env.as(admin, {
        method: "POST",
        url: `/api/cases/${reference}/team`,
        payload: { agencyId, scopes: ["identity", "circumstances"] },
      });
      if (response.statusCode !== 200 && response.statusCode !== 409)
        throw new Error(`team not widened: ${response.body}`);
    }
  }
  const joinedAnyway = new Map<string, Set<PrincipalName>>();
  for (const reference of [adultReference, childReference]) {
    const joined = new Set<PrincipalName>();
    for (const [name, session] of offTeam) {
      const response = await env.as(session, { method: "GET", url: `/api/cases/${reference}` });
      if (response.statusCode === 200) joined.add(name);
    }
    joinedAnyway.set(reference, joined);
  }
  return {
    dispose() {
      if (!backupDir) return;
      fs.rmSync(backupDir, { recursive: true, force: true });
      delete process.env.OPENNRM_BACKUP_DIR;
    },
    joinedAnyway,
    adultReference,
    childReference,
    onTeam,
    offTeam,
    teamAgencyId: inside.get("ngo") ?? "",
    policeAgencyId: inside.get("police_anti_trafficking") ?? "",
    async signInAgain(name, team) {
      const user = users.get(`${name}/${team}`);
      if (!user) throw new Error(`no user ${name}`);
      const session = await env.login(user);
      (team ? onTeam : offTeam).set(name, session);
      return session;
    },
  };
}
