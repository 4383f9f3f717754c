import { and, count, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import type { CaseStatus, IdentificationSource, Pathway } from "../../../shared/vocabulary";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import type { Queryable } from "../../platform/db/types";
import { Forbidden, NotFound } from "../../platform/errors";
import { agencies } from "../agencies/schema";
import { orErased } from "../retention/erased";
import { breakGlassCase } from "../breakglass/access";
import { breakGlassScopes } from "../breakglass/rules";
import { mayAddTeamAgency, maySeeCircumstances, maySeeIdentity, mayWorkOnCases } from "./policy";
import { presentCaseSummary } from "./presenter";
import { nameTokens } from "./rules";
import { cases, caseTeam, personNameIndex, persons } from "./schema";

const activeMembership = (actor: Actor) =>
  and(eq(caseTeam.caseId, cases.id), eq(caseTeam.agencyId, actor.agencyId), isNull(caseTeam.removedAt));

/**
 * A case the actor may see, with the actor's team scopes. Anything else, whether it exists or not,
 * is NotFound: an outsider learns nothing, not even that the reference is real.
 */
export async function visibleCase(ctx: AppContext, actor: Actor, reference: string) {
  if (!mayWorkOnCases(actor)) throw new NotFound();
  const [row] = await ctx.db
    .select({ case: cases, scopes: caseTeam.scopes })
    .from(cases)
    .innerJoin(caseTeam, activeMembership(actor))
    .where(eq(cases.reference, reference));
  if (row) return { ...row.case, scopes: row.scopes, breakGlass: null };
  // Emergency access outside the team: identity only, every use audited (server/modules/breakglass).
  const emergency = await breakGlassCase(ctx, actor, reference);
  if (!emergency) throw new NotFound();
  return { ...emergency.case, scopes: [...breakGlassScopes], breakGlass: emergency.grant };
}

export interface CaseFilters {
  pathway?: Pathway | undefined;
  status?: CaseStatus | undefined;
  source?: IdentificationSource | undefined;
  from?: string | undefined;
  to?: string | undefined;
  agencyId?: string | undefined;
  name?: string | undefined;
  reference?: string | undefined;
  page: number;
  pageSize: number;
}

/** The actor's agency's cases, filtered and paged. A name search goes through the blind index. */
export async function listCases(ctx: AppContext, actor: Actor, filters: CaseFilters) {
  if (!mayWorkOnCases(actor)) throw new Forbidden();
  const conditions: SQL[] = [];
  if (filters.pathway) conditions.push(eq(cases.pathway, filters.pathway));
  if (filters.status) conditions.push(eq(cases.status, filters.status));
  if (filters.source) conditions.push(eq(cases.source, filters.source));
  if (filters.from) conditions.push(gte(cases.identificationDate, filters.from));
  if (filters.to) conditions.push(lte(cases.identificationDate, filters.to));
  if (filters.agencyId) conditions.push(eq(cases.identifyingAgencyId, filters.agencyId));
  if (filters.reference)
    conditions.push(sql`${cases.reference} ILIKE ${`%${filters.reference.replace(/[%_\\]/g, "")}%`}`);
  const tokens = filters.name ? nameTokens(filters.name) : [];
  if (filters.name && tokens.length === 0)
    return { items: [], total: 0, page: filters.page, pageSize: filters.pageSize };
  if (tokens.length > 0) {
    const hashes = await Promise.all(tokens.map((t) => ctx.keyring.blindIndex(ctx.db, "name", t)));
    const matching = ctx.db
      .select({ personId: personNameIndex.personId })
      .from(personNameIndex)
      .where(inArray(personNameIndex.token, hashes))
      .groupBy(personNameIndex.personId)
      .having(sql`count(distinct ${personNameIndex.token}) = ${hashes.length}`);
    conditions.push(inArray(cases.personId, matching));
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;

  const [totalRow] = await ctx.db
    .select({ n: count() })
    .from(cases)
    .innerJoin(caseTeam, activeMembership(actor))
    .where(where);
  const rows = await ctx.db
    .select({
      case: cases,
      person: { gender: persons.gender, citizenship: persons.citizenship },
      agency: { id: agencies.id, name: agencies.name },
    })
    .from(cases)
    .innerJoin(caseTeam, activeMembership(actor))
    .innerJoin(persons, eq(persons.id, cases.personId))
    .innerJoin(agencies, eq(agencies.id, cases.identifyingAgencyId))
    .where(where)
    .orderBy(desc(cases.identificationDate), desc(cases.createdAt))
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize);
  const total = totalRow?.n ?? 0;

  if (tokens.length > 0) {
    // Searching by name is a use of identifying data: who searched and how much they found.
    await ctx.db.transaction((tx) =>
      recordAudit(tx, auditActor(actor), { action: "case.search.name", detail: { results: total } }),
    );
  }
  return {
    items: rows.map((r) => presentCaseSummary(r.case, r.person, r.agency)),
    total,
    page: filters.page,
    pageSize: filters.pageSize,
  };
}

/**
 * One case as the actor may see it. Identifying fields are opened only for a role and team scope
 * that need them, and the read is audited before anything is returned.
 */
export async function getCase(ctx: AppContext, actor: Actor, reference: string) {
  const found = await visibleCase(ctx, actor, reference);
  const [person] = await ctx.db.select().from(persons).where(eq(persons.id, found.personId));
  const [identifying] = await ctx.db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.id, found.identifyingAgencyId));
  if (!person || !identifying) throw new NotFound();
  const team = await ctx.db
    .select({
      agency: { id: agencies.id, name: agencies.name, type: agencies.type },
      scopes: caseTeam.scopes,
      addedAt: caseTeam.addedAt,
    })
    .from(caseTeam)
    .innerJoin(agencies, eq(agencies.id, caseTeam.agencyId))
    .where(and(eq(caseTeam.caseId, found.id), isNull(caseTeam.removedAt)))
    .orderBy(caseTeam.addedAt);

  const seeIdentity = maySeeIdentity(actor, found.scopes);
  const seeCircumstances = maySeeCircumstances(actor, found.scopes);
  const open = async (table: string, recordId: string, field: string, sealed: Buffer | null) =>
    sealed
      ? orErased(ctx.keyring.openText(ctx.db, person.dataKeyId, { table, recordId, field }, sealed))
      : null;

  const identity = seeIdentity
    ? {
        givenName: (await open("persons", person.id, "given_name", person.givenName)) ?? "",
        familyName: await open("persons", person.id, "family_name", person.familyName),
        otherNames: await open("persons", person.id, "other_names", person.otherNames),
        birthDate: await open("persons", person.id, "birth_date", person.birthDate),
        identityNumber: await open("persons", person.id, "identity_number", person.identityNumber),
        phone: await open("persons", person.id, "phone", person.phone),
        address: await open("persons", person.id, "address", person.address),
        identificationPlace: await open("cases", found.id, "identification_place", found.identificationPlace),
      }
    : null;
  const circumstances = seeCircumstances
    ? await open("cases", found.id, "circumstances", found.circumstances)
    : null;

  const fieldsRead = [
    ...(identity ? ["identity"] : []),
    ...(circumstances !== null ? ["circumstances"] : []),
  ];
  if (fieldsRead.length > 0) {
    await ctx.db.transaction((tx) =>
      recordAudit(tx, auditActor(actor), {
        action: "case.identity.read",
        caseId: found.id,
        entity: "case",
        entityId: reference,
        detail: {
          reference,
          fields: fieldsRead,
          ...(found.breakGlass ? { breakGlass: found.breakGlass.id } : {}),
        },
      }),
    );
  }

  return {
    ...presentCaseSummary(found, person, identifying),
    traffickingStatus: found.traffickingStatus,
    ageEstimated: found.ageEstimated,
    exploitationTypes: found.exploitationTypes,
    controlMethods: found.controlMethods,
    person: {
      primaryLanguage: person.primaryLanguage,
      otherLanguages: person.otherLanguages,
      maritalStatus: person.maritalStatus,
      numberOfChildren: person.numberOfChildren,
      education: person.education,
    },
    identity,
    circumstances,
    team: team.map((member) => ({ ...member, addedAt: member.addedAt.toISOString() })),
    permissions: {
      canSeeIdentity: seeIdentity,
      canSeeCircumstances: seeCircumstances,
      canAddAgency: mayAddTeamAgency(actor) && !found.breakGlass,
    },
  };
}

/**
 * Reference and pathway of cases, for agencies that are not (yet) on their teams: what a referral
 * in an inbox may say about a case, and nothing personal. Callers decide who may ask.
 */
export async function caseLabels(db: Queryable, caseIds: readonly string[]) {
  if (caseIds.length === 0) return new Map<string, { reference: string; pathway: Pathway }>();
  const rows = await db
    .select({ id: cases.id, reference: cases.reference, pathway: cases.pathway })
    .from(cases)
    .where(inArray(cases.id, [...caseIds]));
  return new Map(rows.map((row) => [row.id, { reference: row.reference, pathway: row.pathway }]));
}

/** The data key of the case's person: what sealed text about the case is sealed under. */
export async function personKeyOfCase(db: Queryable, caseId: string): Promise<string> {
  const [row] = await db
    .select({ keyId: persons.dataKeyId })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(eq(cases.id, caseId));
  if (!row) throw new NotFound();
  return row.keyId;
}

/** Whether the agency is on the case team now. */
export async function isOnCaseTeam(db: Queryable, caseId: string, agencyId: string): Promise<boolean> {
  const [row] = await db
    .select({ agencyId: caseTeam.agencyId })
    .from(caseTeam)
    .where(and(eq(caseTeam.caseId, caseId), eq(caseTeam.agencyId, agencyId), isNull(caseTeam.removedAt)));
  return row !== undefined;
}
