import { principals, type Principal } from "./world";

/**
 * What each route answers each principal (server/hardening/world.ts), read from the modules'
 * policy.ts and routes.ts and DOMAIN.md "Confidentiality": "ok" is a 2xx, or the 400/409 of a
 * well-formed request the route's own rules refuse (the access check let it through); 403 is a role
 * refused; 404 is a record the principal may not know exists (never 403 for a hidden case).
 *
 * A cell is `[outcome for everyone, { outcome: "principals" }]`; a principal is named by role
 * abbreviation (sa, aa, cw, sup, pi, pr, co, au, ho) or as in world.ts (cw@shelter).
 * Case routes (under /api/cases/:reference) have a second cell for agencies outside the case team.
 * Routes whose path names a record the test world does not hold (a random id) are 404 to all:
 * that proves only that nothing answers for a missing record.
 */
export type Outcome = "ok" | 401 | 403 | 404;
export type Cell = [Outcome, Partial<Record<Outcome, string>>?];
export interface Access {
  on: Cell;
  off?: Cell;
}

/** The outcome of one cell for one principal. */
export function expected(cell: Cell, principal: Principal): Outcome {
  const [rest, exceptions = {}] = cell;
  for (const [outcome, names] of Object.entries(exceptions)) {
    const listed = (names ?? "").split(/\s+/).filter(Boolean);
    if (listed.some((name) => name === principal.name || name === principal.name.split("@")[0]))
      return (outcome === "ok" ? "ok" : Number(outcome)) as Outcome;
  }
  return rest;
}

/** Every principal's name is spelled right in the table (a typo would silently fall to the default). */
export function unknownNames(cell: Cell): string[] {
  const known = new Set<string>(principals.flatMap((p) => [p.name, p.name.split("@")[0] ?? ""]));
  return Object.values(cell[1] ?? {})
    .flatMap((names) => (names ?? "").split(/\s+/).filter(Boolean))
    .filter((name) => !known.has(name));
}

/** Roles outside case work: a case is not found for them even when their agency is on the team. */
const noCaseWork = "sa co au ho";

export const accessTable: Record<string, Access> = {
  "GET /api/admin/agencies": { on: [403, { ok: "sa" }] },
  "GET /api/admin/role-settings": { on: [403, { ok: "sa" }] },
  "GET /api/admin/users": { on: [403, { ok: "sa aa" }] },
  "GET /api/agencies": { on: ["ok"] },
  // Alerts go to those who act on cases and to the coordinator; administrators and auditors get none.
  "GET /api/alerts/mine": { on: ["ok", { 403: "sa aa au ho" }] },
  "GET /api/audit": { on: [403, { ok: "au" }] },
  "GET /api/audit/verify": { on: [403, { ok: "au" }] },
  "GET /api/auth/me": { on: ["ok"] },
  "GET /api/break-glass": { on: [403, { ok: "au" }] },
  "GET /api/cases/:reference": { on: ["ok", { 404: noCaseWork }], off: [404] },
  // Anyone who may break glass asks whether they hold an access; the answer is the same for a
  // real and a missing case (the probe checks it), and the grants on it go only to its supervisors.
  "GET /api/cases/:reference/break-glass": {
    on: ["ok", { 404: noCaseWork }],
    off: ["ok", { 404: noCaseWork }],
  },
  // Registering a child puts the region's Centres for Social Work on the team (seed 002): the
  // second social services agency of the test world is one of them, so it is not outside this team.
  "GET /api/cases/:reference/child": { on: ["ok", { 404: noCaseWork }], off: [404, { ok: "cw@social sup" }] },
  "GET /api/cases/:reference/child/case-worker-candidates": {
    on: ["ok", { 404: noCaseWork }],
    off: [404, { ok: "cw@social sup" }],
  },
  "GET /api/cases/:reference/closure": { on: ["ok", { 404: noCaseWork }], off: [404] },
  "GET /api/cases/:reference/future": { on: ["ok", { 404: noCaseWork }], off: [404] },
  "GET /api/cases/:reference/interpreter-assignments": { on: ["ok", { 404: noCaseWork }], off: [404] },
  "GET /api/cases/:reference/interview": { on: ["ok", { 404: noCaseWork }], off: [404] },
  "GET /api/cases/:reference/justice": { on: ["ok", { 404: noCaseWork }], off: [404] },
  "GET /api/cases/:reference/links": { on: ["ok", { 404: noCaseWork }], off: [404] },
  "GET /api/cases/:reference/needs-assessments": { on: ["ok", { 404: noCaseWork }], off: [404] },
  "GET /api/cases/:reference/pathway": { on: ["ok", { 404: noCaseWork }], off: [404] },
  "GET /api/cases/:reference/referrals": { on: ["ok", { 404: noCaseWork }], off: [404] },
  "GET /api/cases/:reference/reflection": { on: ["ok", { 404: noCaseWork }], off: [404] },
  "GET /api/cases/:reference/retention": { on: ["ok", { 404: noCaseWork }], off: [404] },
  "GET /api/cases/:reference/return/hand-over/:id/package": { on: [404], off: [404] },
  "GET /api/cases/:reference/return/hand-over/:id/pdf": { on: [404], off: [404] },
  "GET /api/cases/:reference/rights-information": { on: ["ok", { 404: noCaseWork }], off: [404] },
  "GET /api/cases/:reference/rights-leaflet": { on: ["ok", { 404: noCaseWork }], off: [404] },
  "GET /api/cases/:reference/risk-level": { on: ["ok", { 404: noCaseWork }], off: [404] },
  "GET /api/cases/:reference/services": { on: ["ok", { 404: noCaseWork }], off: [404] },
  "GET /api/cases/:reference/shelter-stays": { on: ["ok", { 404: noCaseWork }], off: [404] },
  "GET /api/cases/:reference/support-plans": { on: ["ok", { 404: noCaseWork }], off: [404] },
  "GET /api/cases/:reference/timeline": { on: ["ok", { 404: noCaseWork }], off: [404] },
  "GET /api/coordination/groups": { on: ["ok"] },
  "GET /api/coordination/groups/:id/meetings": { on: [404] },
  "GET /api/dashboard": { on: ["ok", { 403: "sa au ho" }] },
  "GET /api/docs": { on: ["ok"] },
  "GET /api/docs/": { on: ["ok"] },
  "GET /api/docs/*": { on: [404] },
  "GET /api/docs/json": { on: ["ok"] },
  "GET /api/docs/static/index.html": { on: ["ok"] },
  "GET /api/docs/static/swagger-initializer.js": { on: ["ok"] },
  "GET /api/docs/yaml": { on: ["ok"] },
  "GET /api/escorts/mine": { on: ["ok"] },
  "GET /api/hand-over/public-key": { on: ["ok"] },
  "GET /api/health": { on: ["ok"] },
  "GET /api/hotline/callbacks": { on: [403, { ok: "sup ho" }] },
  "GET /api/hotline/contacts": { on: [403, { ok: "sup ho" }] },
  "GET /api/hotline/contacts/:id": { on: [404] },
  "GET /api/hotline/figures": { on: [403, { ok: "sup co ho" }] },
  "GET /api/hotline/handovers": { on: [403, { ok: "pi" }] },
  "GET /api/hotline/police-agencies": { on: [403, { ok: "sup ho" }] },
  "GET /api/intelligence/figures": { on: [404, { ok: "pi co" }] },
  "GET /api/intelligence/off-limits": { on: [404, { ok: "pi" }] },
  "GET /api/intelligence/off-limits/versions/:version/csv": { on: [404] },
  "GET /api/intelligence/off-limits/versions/:version/pdf": { on: [404] },
  "GET /api/intelligence/operations": { on: [404, { ok: "pi" }] },
  "GET /api/intelligence/operations/:id": { on: [404] },
  "GET /api/intelligence/premises": { on: [404, { ok: "pi" }] },
  "GET /api/intelligence/premises/:id": { on: [404] },
  "GET /api/intelligence/reopenings": { on: [404, { ok: "pi" }] },
  "GET /api/intelligence/suspects": { on: [404, { ok: "pi" }] },
  "GET /api/interpreters": { on: ["ok", { 404: noCaseWork }] },
  "GET /api/justice/law": { on: ["ok"] },
  "GET /api/justice/proceedings": { on: [403, { ok: "pi pr" }] },
  "GET /api/justice/proceedings/:id": { on: [404] },
  "GET /api/justice/statistics": { on: [403, { ok: "pr co" }] },
  "GET /api/matching/duplicates": { on: [403, { ok: "sup" }] },
  "GET /api/matching/requests": { on: [403, { ok: "aa sup" }] },
  "GET /api/meta": { on: ["ok"] },
  "GET /api/openapi.json": { on: ["ok"] },
  // Raid notices: the filing police and the shelter coordination group (operations/policy.ts).
  "GET /api/operations": { on: [403, { ok: "cw@shelter pi co" }] },
  "GET /api/operations/:id": { on: [404] },
  "GET /api/referrals/:id": { on: [404] },
  "GET /api/referrals/inbox": { on: ["ok", { 403: noCaseWork }] },
  // Supervisors decide erasures; prosecutors erase their proceedings (retention/policy.ts).
  "GET /api/retention/due": { on: [403, { ok: "sup pr" }] },
  "GET /api/retention/holds": { on: [403, { ok: "sup pr" }] },
  "GET /api/rights-leaflet": { on: ["ok"] },
  "GET /api/shelters": { on: ["ok", { 404: "au ho" }] },
  "GET /api/shelters/:id/address": { on: [404] },
  "GET /api/shelters/:id/incidents": { on: [404] },
  "GET /api/shelters/admission-criteria": { on: ["ok"] },
  "GET /api/statistics/annual-report.pdf": { on: [403, { ok: "sup co" }] },
  "GET /api/statistics/dashboard": { on: [403, { ok: "sup co" }] },
  "GET /api/statistics/import-jobs/:id": { on: [404] },
  "GET /api/statistics/releases": { on: [403, { ok: "co" }] },
  "GET /api/statistics/summary": { on: [403, { ok: "sup co" }] },
  "GET /api/statistics/tables/:id.csv": { on: [403, { ok: "sup co" }] },
  "GET /api/statistics/tables/:id.xlsx": { on: [403, { ok: "sup co" }] },
  "GET /api/tasks/mine": { on: ["ok", { 403: noCaseWork }] },
  "DELETE /api/coordination/groups/:id/members/:agencyId": { on: [403, { 404: "sa co" }] },
  "PATCH /api/admin/agencies/:id": { on: [403, { 404: "sa" }] },
  "PATCH /api/admin/users/:id": { on: [404] },
  "PATCH /api/cases/:reference/justice/compensation/:claimId": { on: [404, { 403: "aa pi" }], off: [404] },
  "PATCH /api/cases/:reference/services/:id": { on: [404, { 403: "aa pi pr" }], off: [404] },
  "PATCH /api/cases/:reference/support-plans/:id": { on: [404, { 403: "aa pi pr" }], off: [404] },
  "PATCH /api/coordination/groups/:id": { on: [403, { 404: "sa co" }] },
  "PATCH /api/interpreters/:id": { on: [403, { 404: "aa sup" }] },
  "PATCH /api/justice/proceedings/:id": { on: [404] },
  "PATCH /api/shelters/:id": { on: [404] },
  "POST /api/admin/agencies": { on: [403, { ok: "sa" }] },
  // System administrators only (platform/backup/routes.ts); the test world writes into a temporary directory.
  "POST /api/admin/backups": { on: [403, { ok: "sa" }] },
  "POST /api/admin/master-key/rotation": { on: [403, { ok: "sa" }] },
  "POST /api/admin/users": { on: [403, { ok: "sa" }] },
  "POST /api/admin/users/:id/password": { on: [404] },
  "POST /api/admin/users/:id/totp-reset": { on: [404] },
  "POST /api/alerts/:id/acknowledge": { on: [404] },
  "POST /api/auth/login": { on: [401] },
  "POST /api/auth/password": { on: ["ok"] },
  "POST /api/auth/totp/enable": { on: ["ok"] },
  "POST /api/auth/totp/setup": { on: ["ok"] },
  "POST /api/break-glass": { on: [403, { ok: "cw sup pi" }] },
  "POST /api/break-glass/:id/end": { on: [404] },
  "POST /api/cases": { on: [403, { ok: "cw sup pi" }] },
  "POST /api/cases/:reference/child/best-interests": {
    on: [403, { 404: noCaseWork, ok: "cw@social sup" }],
    off: [404, { ok: "cw@social sup" }],
  },
  "POST /api/cases/:reference/child/case-worker": {
    on: [403, { 404: noCaseWork, ok: "cw@social sup" }],
    off: [404, { ok: "cw@social sup" }],
  },
  "POST /api/cases/:reference/child/guardians": {
    on: [403, { 404: noCaseWork, ok: "cw@social sup" }],
    off: [404, { ok: "cw@social sup" }],
  },
  "POST /api/cases/:reference/child/location": {
    on: ["ok", { 404: noCaseWork, 403: "aa pr" }],
    off: [404, { ok: "cw@social sup" }],
  },
  "POST /api/cases/:reference/child/parents": {
    on: [403, { 404: noCaseWork, ok: "cw@social sup" }],
    off: [404, { ok: "cw@social sup" }],
  },
  "POST /api/cases/:reference/child/parents/:id/flag": {
    on: [403, { 404: "sa sup co au ho" }],
    off: [404, { 403: "cw@social" }],
  },
  "POST /api/cases/:reference/child/parents/:id/notifications": {
    on: [404, { 403: "aa cw@ngo cw@shelter pi pr" }],
    off: [404],
  },
  "POST /api/cases/:reference/child/views": {
    on: [403, { 404: noCaseWork, ok: "cw@social sup" }],
    off: [404, { ok: "cw@social sup" }],
  },
  "POST /api/cases/:reference/closure": { on: ["ok", { 404: noCaseWork, 403: "aa pr" }], off: [404] },
  // No closure is proposed in the test world: "closure_not_pending" (409) answers every team
  // member before the four-eyes check (pathway/policy.ts mayDecideClosure) is reached.
  "POST /api/cases/:reference/closure/approve": { on: ["ok", { 404: noCaseWork }], off: [404] },
  "POST /api/cases/:reference/closure/reject": { on: ["ok", { 404: noCaseWork }], off: [404] },
  "POST /api/cases/:reference/decisions": { on: [404, { 403: "aa pi pr", ok: "cw sup" }], off: [404] },
  "POST /api/cases/:reference/follow-ups/:id/result": {
    on: [404, { 403: "aa pi pr", ok: "cw sup" }],
    off: [404],
  },
  "POST /api/cases/:reference/interpreter-assignments": { on: ["ok", { 404: noCaseWork }], off: [404] },
  "POST /api/cases/:reference/interview": { on: ["ok", { 404: noCaseWork, 403: "aa pr" }], off: [404] },
  "POST /api/cases/:reference/justice/compensation": {
    on: ["ok", { 404: noCaseWork, 403: "aa pi" }],
    off: [404],
  },
  "POST /api/cases/:reference/justice/reassessments": {
    on: ["ok", { 404: noCaseWork, 403: "aa pr" }],
    off: [404],
  },
  "POST /api/cases/:reference/needs-assessments": {
    on: [404, { 403: "aa pi pr", ok: "cw sup" }],
    off: [404],
  },
  "POST /api/cases/:reference/pathway/stage": { on: ["ok", { 404: noCaseWork }], off: [404] },
  "POST /api/cases/:reference/re-trafficking": { on: [404, { 403: "aa pr" }], off: [404] },
  "POST /api/cases/:reference/referrals": { on: ["ok", { 404: noCaseWork, 403: "aa pr" }], off: [404] },
  "POST /api/cases/:reference/reflection/extensions": {
    on: [404, { 403: "aa pi pr", ok: "cw sup" }],
    off: [404],
  },
  "POST /api/cases/:reference/reopening-reason": { on: [403, { 404: noCaseWork, ok: "sup" }], off: [404] },
  "POST /api/cases/:reference/residence": { on: ["ok", { 404: noCaseWork, 403: "aa pr" }], off: [404] },
  "POST /api/cases/:reference/retention/erase": { on: [403, { 404: noCaseWork }], off: [404] },
  "POST /api/cases/:reference/retention/holds": { on: [403, { 404: noCaseWork, ok: "sup pr" }], off: [404] },
  "POST /api/cases/:reference/retention/holds/:id/lift": { on: [404], off: [404] },
  "POST /api/cases/:reference/return": { on: [404, { 403: "aa pi pr", ok: "cw sup" }], off: [404] },
  "POST /api/cases/:reference/return/hand-over": { on: [404, { 403: "aa pi pr", ok: "cw sup" }], off: [404] },
  "POST /api/cases/:reference/rights-information": {
    on: ["ok", { 404: noCaseWork, 403: "aa pr" }],
    off: [404],
  },
  "POST /api/cases/:reference/risk-assessments": {
    on: ["ok", { 404: noCaseWork, 403: "aa pr" }],
    off: [404],
  },
  // The police, or the shelter that protects the person (security/policy.ts maySetRiskLevel).
  "POST /api/cases/:reference/risk-level": {
    on: [403, { 404: noCaseWork, ok: "cw@shelter pi" }],
    off: [404],
  },
  "POST /api/cases/:reference/services": { on: [404, { 403: "aa pi pr", ok: "cw sup" }], off: [404] },
  "POST /api/cases/:reference/support-plans": { on: [404, { 403: "aa pi pr", ok: "cw sup" }], off: [404] },
  "POST /api/cases/:reference/team": { on: [403, { 404: noCaseWork, ok: "aa sup" }], off: [404] },
  "POST /api/cases/search": { on: ["ok", { 403: noCaseWork }] },
  "POST /api/coordination/groups": { on: [403, { ok: "sa co" }] },
  "POST /api/coordination/groups/:id/meetings": { on: [404] },
  "POST /api/coordination/groups/:id/members": { on: [403, { 404: "sa co" }] },
  "POST /api/coordination/meetings/:id/agenda": { on: [404] },
  "POST /api/coordination/meetings/:id/agenda/:itemId/decision": { on: [404] },
  "POST /api/escorts/:id/revoke": { on: [404] },
  "POST /api/hotline/callbacks/:id/attempts": { on: [404] },
  "POST /api/hotline/contacts": { on: [403, { ok: "ho" }] },
  "POST /api/hotline/contacts/:id/callbacks": { on: [404] },
  "POST /api/hotline/contacts/:id/case": { on: [404] },
  "POST /api/hotline/contacts/:id/handovers": { on: [404] },
  "POST /api/hotline/contacts/:id/link": { on: [404] },
  "POST /api/hotline/handovers/:id/acknowledge": { on: [404] },
  "POST /api/intelligence/off-limits/versions": { on: [404, { ok: "pi" }] },
  "POST /api/intelligence/operations": { on: [404, { ok: "pi" }] },
  "POST /api/intelligence/operations/:id/identified": { on: [404] },
  "POST /api/intelligence/premises": { on: [404, { ok: "pi" }] },
  "POST /api/intelligence/premises/:id/closures": { on: [404] },
  "POST /api/intelligence/premises/:id/parties": { on: [404] },
  "POST /api/intelligence/premises/:id/status": { on: [404] },
  "POST /api/intelligence/reopenings/:id": { on: [404] },
  "POST /api/intelligence/suspects": { on: [404, { ok: "pi" }] },
  "POST /api/interpreters": { on: [403, { ok: "aa sup" }] },
  "POST /api/justice/proceedings": { on: [403, { ok: "pi pr" }] },
  // The request's own rules (a section of the law, a sentence for a conviction) refuse it before
  // the proceeding is looked up: a 400 to everyone, which tells nothing about any record.
  "POST /api/justice/proceedings/:id/charges": { on: ["ok"] },
  "POST /api/justice/proceedings/:id/defendants": { on: [404] },
  "POST /api/justice/proceedings/:id/defendants/:defendantId/custody": { on: [404] },
  "POST /api/justice/proceedings/:id/hearings": { on: [404] },
  "POST /api/justice/proceedings/:id/verdicts": { on: ["ok"] },
  "POST /api/justice/proceedings/:id/victims": { on: ["ok"] },
  "POST /api/justice/proceedings/:id/victims/:victimId/informed": { on: [404] },
  "POST /api/justice/proceedings/:id/victims/:victimId/testimonies": { on: [404] },
  "POST /api/matching/candidates": { on: [403, { ok: "cw sup pi" }] },
  "POST /api/matching/dismissals/:id/undo": { on: [403, { 404: "sup" }] },
  "POST /api/matching/duplicates/dismiss": { on: [403, { ok: "sup" }] },
  "POST /api/matching/duplicates/link": { on: [403, { ok: "sup" }] },
  "POST /api/matching/duplicates/merge": { on: [403, { ok: "sup" }] },
  "POST /api/matching/links/:id/undo": { on: [403, { 404: "sup" }] },
  "POST /api/matching/merges/:id/undo": { on: [403, { 404: "sup" }] },
  "POST /api/matching/requests/:id/answer": { on: [403, { 404: "aa sup" }] },
  "POST /api/operations": { on: [403, { ok: "pi" }] },
  "POST /api/operations/:id/registrations": { on: [404] },
  "POST /api/operations/:id/status": { on: [404] },
  "POST /api/referrals/:id/accept": { on: [404] },
  "POST /api/referrals/:id/decline": { on: [404] },
  "POST /api/referrals/:id/revoke": { on: [404] },
  "POST /api/retention/hotline-contacts/:id/erase": { on: [404] },
  "POST /api/retention/proceedings/:id/erase": { on: [404] },
  "POST /api/shelter-stays/:id/criteria": { on: [404] },
  "POST /api/shelter-stays/:id/discharge": { on: [404] },
  "POST /api/shelters": { on: [403, { ok: "sa" }] },
  "POST /api/shelters/:id/admissions": { on: [404] },
  "POST /api/shelters/:id/escorts": { on: ["ok", { 404: noCaseWork }] },
  "POST /api/shelters/:id/incidents": { on: [404] },
  "POST /api/shelters/:id/relocation": { on: [404] },
  "POST /api/statistics/htcds-export": { on: [403, { ok: "sup co" }] },
  "POST /api/statistics/import-jobs": { on: [403, { ok: "sup" }] },
  "POST /api/statistics/imports": { on: [403, { ok: "sup" }] },
  "POST /api/statistics/imports/columns": { on: [403, { ok: "sup" }] },
  "POST /api/statistics/imports/dry-run": { on: [403, { ok: "sup" }] },
  "POST /api/statistics/releases": { on: [403, { ok: "co" }] },
  "POST /api/tasks/:id/done": { on: [404] },
  "PUT /api/admin/role-settings/:role": { on: [403, { ok: "sa" }] },
  "PUT /api/auth/language": { on: ["ok"] },
  // The NGO's case worker recorded the interview first (POST): a correction is the interviewing
  // agency's or a supervisor's (interview/policy.ts mayCorrectInterview).
  "PUT /api/cases/:reference/interview": { on: [403, { 404: noCaseWork, ok: "cw@ngo sup" }], off: [404] },
  "PUT /api/coordination/meetings/:id/minutes": { on: [404] },
  "PUT /api/justice/proceedings/:id/victims/:victimId/witness": { on: [404] },
  "POST /api/auth/logout": { on: ["ok"] },
};
