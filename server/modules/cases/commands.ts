import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import {
  ageAtIdentification,
  derivePathway,
  type RegistrationInput,
  registrationIssues,
} from "../../../shared/registration";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import type { Tx } from "../../platform/db/types";
import { Forbidden, Invalid } from "../../platform/errors";
import { localDate } from "../../platform/jurisdiction";
import { agencies } from "../agencies/schema";
import { recordMatchKeys } from "../matching/commands";
import { identityKey, recordIdentityKey } from "../statistics/identity";
import { startPathway } from "../pathway/commands";
import { mayAddTeamAgency, mayRegisterCase } from "./policy";
import { visibleCase } from "./queries";
import { formatReference, nameTokens } from "./rules";
import { joinCaseTeam } from "./team";
import {
  type CaseScope,
  caseReferenceCounters,
  cases,
  caseScopes,
  caseTeam,
  personNameIndex,
  persons,
} from "./schema";

async function nextReference(tx: Tx, prefix: string, year: number): Promise<string> {
  const [row] = await tx
    .insert(caseReferenceCounters)
    .values({ year, last: 1 })
    .onConflictDoUpdate({
      target: caseReferenceCounters.year,
      set: { last: sql`${caseReferenceCounters.last} + 1` },
    })
    .returning({ last: caseReferenceCounters.last });
  if (!row) throw new Error("reference counter not updated");
  return formatReference(prefix, year, row.last);
}

/** A registration checked and ready to write: its cross-field rules hold and its name tokens are computed. */
export interface PreparedRegistration {
  input: RegistrationInput;
  tokens: Buffer[];
}

/**
 * Checks a registration before any write: the registering role, then the rules across fields
 * (the first problem, with its field path).
 */
export async function prepareRegistration(
  ctx: AppContext,
  actor: Actor,
  input: RegistrationInput,
): Promise<PreparedRegistration> {
  if (!mayRegisterCase(actor)) throw new Forbidden();
  const today = localDate(ctx.now(), ctx.jurisdiction.timeZone);
  const [issue] = registrationIssues(
    input,
    today,
    ctx.jurisdiction.regions.map((r) => r.code),
  );
  if (issue) throw new Invalid(issue.field, issue.code);
  const p = input.person;
  const tokens = await Promise.all(
    nameTokens(p.givenName, p.familyName, p.otherNames).map((t) => ctx.keyring.blindIndex(ctx.db, "name", t)),
  );
  return { input, tokens };
}

/**
 * Registers an identified person: the person (identifying fields sealed under a fresh data key),
 * the case with its derived pathway, the identifying agency as the first team member, and the
 * audit row, in one transaction.
 */
export async function registerCase(
  ctx: AppContext,
  actor: Actor,
  input: RegistrationInput,
): Promise<{ reference: string }> {
  const prepared = await prepareRegistration(ctx, actor, input);
  return ctx.db.transaction(async (tx) => {
    const { reference } = await writeRegistration(tx, ctx, actor, prepared);
    return { reference };
  });
}

/** Writes a prepared registration inside the caller's transaction; answers the new case. */
export async function writeRegistration(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  { input, tokens }: PreparedRegistration,
): Promise<{ reference: string; caseId: string }> {
  const now = ctx.now();
  const today = localDate(now, ctx.jurisdiction.timeZone);
  const age = ageAtIdentification(input);
  const pathway = derivePathway(age, input.person.citizenship, ctx.jurisdiction.homeCountries);
  const personId = randomUUID();
  const caseId = randomUUID();
  const p = input.person;
  const keyId = await ctx.keyring.createDataKey(tx, "person");
  const seal = (table: string, recordId: string, field: string, value: string | null | undefined) =>
    value ? ctx.keyring.sealText(tx, keyId, { table, recordId, field }, value) : Promise.resolve(null);
  const sealPerson = (field: string, value: string | null | undefined) =>
    seal("persons", personId, field, value);

  const givenName = await sealPerson("given_name", p.givenName);
  if (!givenName) throw new Invalid("person.givenName", "required");
  await tx.insert(persons).values({
    id: personId,
    dataKeyId: keyId,
    givenName,
    familyName: await sealPerson("family_name", p.familyName),
    otherNames: await sealPerson("other_names", p.otherNames),
    birthDate: await sealPerson("birth_date", p.birthDate),
    identityNumber: await sealPerson("identity_number", p.identityNumber),
    phone: await sealPerson("phone", p.phone),
    address: await sealPerson("address", p.address),
    gender: p.gender,
    citizenship: p.citizenship,
    primaryLanguage: p.primaryLanguage ?? null,
    otherLanguages: p.otherLanguages,
    maritalStatus: p.maritalStatus ?? null,
    numberOfChildren: p.numberOfChildren ?? null,
    education: p.education ?? null,
  });
  if (tokens.length > 0)
    await tx.insert(personNameIndex).values(tokens.map((token) => ({ personId, token })));
  await recordMatchKeys(tx, ctx, personId, p, new Date(`${input.identificationDate}T12:00:00Z`));
  // One person counts once in the statistics: the exact identity key, beside the match keys.
  await recordIdentityKey(tx, personId, await identityKey(ctx, p, tx), now);

  const reference = await nextReference(tx, ctx.jurisdiction.referencePrefix, Number(today.slice(0, 4)));
  await tx.insert(cases).values({
    id: caseId,
    reference,
    personId,
    pathway,
    traffickingStatus: input.traffickingStatus,
    ageAtIdentification: age,
    ageEstimated: !p.birthDate && p.estimatedAge != null,
    identificationDate: input.identificationDate,
    identificationRegion: input.identificationRegion,
    identificationPlace: await seal("cases", caseId, "identification_place", input.identificationPlace),
    source: input.source,
    exploitationTypes: input.exploitationTypes,
    controlMethods: input.controlMethods,
    circumstances: await seal("cases", caseId, "circumstances", input.circumstances),
    identifyingAgencyId: actor.agencyId,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await tx.insert(caseTeam).values({
    caseId,
    agencyId: actor.agencyId,
    scopes: [...caseScopes],
    addedBy: actor.userId,
    addedAt: now,
  });
  await startPathway(tx, ctx, auditActor(actor), {
    caseId,
    reference,
    pathway,
    identificationRegion: input.identificationRegion,
    at: now,
    userId: actor.userId,
  });
  await recordAudit(tx, auditActor(actor), {
    action: "case.register",
    caseId,
    entity: "case",
    entityId: reference,
    detail: { reference, pathway, source: input.source },
  });
  return { reference, caseId };
}

/** Adds an agency to the case team with the scopes it needs, and no more. */
export async function addTeamAgency(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  input: { agencyId: string; scopes: CaseScope[] },
): Promise<void> {
  const found = await visibleCase(ctx, actor, reference);
  // Emergency access lets one person see the case; it never widens the team (server/modules/breakglass).
  if (!mayAddTeamAgency(actor) || found.breakGlass) throw new Forbidden();
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const [agency] = await tx
      .select()
      .from(agencies)
      .where(and(eq(agencies.id, input.agencyId), eq(agencies.active, true)));
    if (!agency) throw new Invalid("agencyId", "invalid_choice");
    await joinCaseTeam(tx, auditActor(actor), {
      caseId: found.id,
      reference,
      agency,
      scopes: input.scopes,
      userId: actor.userId,
      now,
    });
  });
}
