/**
 * Identity matching in the application (seeds 001 and 002: count each person once, interview
 * once; 000 and 002: notice re-trafficking). Before a registration is saved, its identity fields
 * are compared with the persons already registered:
 *
 *   - candidates are found through keyed blocking keys (person_match_keys), never by reading
 *     everyone; only the candidates' sealed names and birth dates are opened, in memory, to score;
 *   - a candidate whose case the user's agency works on is shown with its reference, score and
 *     reasons; for any other case the user learns only that a possible earlier record exists at
 *     the identifying agency, and that agency receives a request and an alert, and decides.
 *
 * Every look-up is audited (how many found, never who).
 */
import { and, count, eq, inArray, isNull, notExists } from "drizzle-orm";
import type {
  CandidatesInput,
  CandidatesResult,
  MatchReason,
  RecordElsewhere,
} from "../../../shared/matching";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import type { Tx } from "../../platform/db/types";
import { Forbidden } from "../../platform/errors";
import { agencies } from "../agencies/schema";
import { raiseAlert } from "../alerts/commands";
import { mayRegisterCase } from "../cases/policy";
import { cases, caseTeam, persons } from "../cases/schema";
import { ERASED } from "../../../shared/retention";
import { orErased } from "../retention/erased";
import { keyedBlockingKeys, preparedIdentity, type IdentityFields } from "./keys";
import { scorePair, type NameFrequencies } from "./score";
import { matchRequests, personMatchKeys } from "./schema";

/** Below this probability a record is not worth a registrar's attention. */
export const candidateThreshold = 0.5;
const maxCompared = 200;

export const requestAlertKind = "possible_earlier_record";

/**
 * Stores a newly registered person's keyed blocking keys, inside the registration's transaction.
 * `at` is the identification date, on which an estimated age was given.
 */
export async function recordMatchKeys(
  tx: Tx,
  ctx: AppContext,
  personId: string,
  fields: IdentityFields,
  at: Date,
): Promise<void> {
  const keys = await keyedBlockingKeys(ctx, preparedIdentity(personId, fields, at));
  if (keys.length === 0) return;
  await tx
    .insert(personMatchKeys)
    .values(keys.map((key) => ({ personId, key })))
    .onConflictDoNothing();
}

/**
 * A person's identity fields as the engine needs them, opened from their sealed columns. A field
 * whose key was destroyed (an erased person) is unknown to the engine, never a name to compare.
 */
export async function openIdentity(
  ctx: AppContext,
  person: typeof persons.$inferSelect,
): Promise<IdentityFields> {
  const open = async (field: string, sealed: Buffer | null) => {
    if (!sealed) return null;
    const at = { table: "persons", recordId: person.id, field };
    const text = await orErased(ctx.keyring.openText(ctx.db, person.dataKeyId, at, sealed));
    return text === ERASED ? null : text;
  };
  return {
    givenName: (await open("given_name", person.givenName)) ?? "",
    familyName: await open("family_name", person.familyName),
    birthDate: await open("birth_date", person.birthDate),
    gender: person.gender,
    citizenship: person.citizenship,
  };
}

/** Persons with a case and no keyed blocking key yet. */
const withoutKeys = (ctx: AppContext) =>
  notExists(ctx.db.select().from(personMatchKeys).where(eq(personMatchKeys.personId, persons.id)));

/**
 * Keys for persons registered before matching existed (or by a path that did not store them), in
 * batches. Each batch is its own short write, so registrations and look-ups go on between them;
 * a person registered meanwhile already has keys and is skipped.
 */
export async function backfillMatchKeys(
  ctx: AppContext,
  options: { batchSize?: number; onBatch?: (done: number) => void } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 200;
  let done = 0;
  for (;;) {
    const rows = await ctx.db
      .select({
        person: persons,
        identificationDate: cases.identificationDate,
        age: cases.ageAtIdentification,
      })
      .from(persons)
      .innerJoin(cases, eq(cases.personId, persons.id))
      .where(withoutKeys(ctx))
      .limit(batchSize);
    if (rows.length === 0) break;
    const values: { personId: string; key: Buffer }[] = [];
    for (const row of rows) {
      const fields = await openIdentity(ctx, row.person);
      if (!fields.birthDate && row.age !== null) fields.estimatedAge = row.age;
      const keys = await keyedBlockingKeys(
        ctx,
        preparedIdentity(row.person.id, fields, new Date(`${row.identificationDate}T12:00:00Z`)),
      );
      // A person with no usable key still gets one row, so that it is not looked at again.
      for (const key of keys.length > 0 ? keys : [Buffer.alloc(0)])
        values.push({ personId: row.person.id, key });
    }
    await ctx.db.insert(personMatchKeys).values(values).onConflictDoNothing();
    done += new Set(rows.map((r) => r.person.id)).size;
    options.onBatch?.(done);
    // Let requests in between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return done;
}

export interface BackfillLog {
  info(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

const backfills = new WeakMap<AppContext, Promise<number>>();

/**
 * Starts the backfill at server start, in the background, once per process. The log lines hold
 * counts only, never a name or a reference. Look-ups do not wait for it: while it runs, a person
 * still without keys is simply not found yet (as a person not yet registered).
 */
export function backfillMatchKeysInBackground(
  ctx: AppContext,
  log: BackfillLog,
  batchSize = 200,
): Promise<number> {
  const running = backfills.get(ctx);
  if (running) return running;
  const started = Date.now();
  const work = (async () => {
    const [missing] = await ctx.db
      .select({ n: count() })
      .from(persons)
      .innerJoin(cases, eq(cases.personId, persons.id))
      .where(withoutKeys(ctx));
    const total = missing?.n ?? 0;
    if (total === 0) return 0;
    log.info({ persons: total }, "matching keys backfill started");
    const done = await backfillMatchKeys(ctx, {
      batchSize,
      onBatch: (n) => log.info({ done: n, of: total }, "matching keys backfill progress"),
    });
    log.info({ done, ms: Date.now() - started }, "matching keys backfill finished");
    return done;
  })().catch((error: unknown) => {
    log.error({ err: { type: (error as Error).name } }, "matching keys backfill failed");
    backfills.delete(ctx);
    return 0;
  });
  backfills.set(ctx, work);
  return work;
}

/** Possible earlier records of the person being registered. */
export async function findCandidates(
  ctx: AppContext,
  actor: Actor,
  input: CandidatesInput,
): Promise<CandidatesResult> {
  if (!mayRegisterCase(actor)) throw new Forbidden();
  const now = ctx.now();
  const query = preparedIdentity("query", input, now);
  const keys = await keyedBlockingKeys(ctx, query);
  const personIds =
    keys.length === 0
      ? []
      : (
          await ctx.db
            .selectDistinct({ personId: personMatchKeys.personId })
            .from(personMatchKeys)
            .where(inArray(personMatchKeys.key, keys))
            .limit(maxCompared)
        ).map((r) => r.personId);

  const [population] = await ctx.db.select({ n: count() }).from(persons);
  // Name frequencies are not kept in clear; every name counts as one in 500 (score.ts).
  const frequencies: NameFrequencies = {
    total: (population?.n ?? 0) + 1,
    family: new Map(),
    given: new Map(),
  };

  const rows =
    personIds.length === 0
      ? []
      : await ctx.db
          .select({
            person: persons,
            caseId: cases.id,
            reference: cases.reference,
            agency: { id: agencies.id, name: agencies.name },
            member: caseTeam.agencyId,
          })
          .from(persons)
          .innerJoin(cases, eq(cases.personId, persons.id))
          .innerJoin(agencies, eq(agencies.id, cases.identifyingAgencyId))
          .leftJoin(
            caseTeam,
            and(
              eq(caseTeam.caseId, cases.id),
              eq(caseTeam.agencyId, actor.agencyId),
              isNull(caseTeam.removedAt),
            ),
          )
          .where(inArray(persons.id, personIds));

  const found: { row: (typeof rows)[number]; score: number; reasons: MatchReason[] }[] = [];
  for (const row of rows) {
    const fields = await openIdentity(ctx, row.person);
    const earlier = preparedIdentity(row.person.id, fields, now);
    const score = scorePair(query, earlier, frequencies);
    if (score.probability >= candidateThreshold)
      found.push({ row, score: score.probability, reasons: score.reasons });
  }
  found.sort((a, b) => b.score - a.score);

  const visible = found.filter((f) => f.row.member !== null);
  const hidden = found.filter((f) => f.row.member === null);

  return ctx.db.transaction(async (tx) => {
    const elsewhere: RecordElsewhere[] = [];
    for (const f of hidden) {
      const requestId = await requestFromHoldingAgency(
        tx,
        actor,
        f.row.caseId,
        f.row.agency.id,
        f.score,
        now,
      );
      if (!elsewhere.some((e) => e.agency.id === f.row.agency.id))
        elsewhere.push({ agency: f.row.agency, requestId });
    }
    await recordAudit(tx, auditActor(actor), {
      action: "matching.candidates",
      detail: { compared: rows.length, visible: visible.length, elsewhere: hidden.length },
    });
    return {
      candidates: visible.map((f) => ({
        reference: f.row.reference,
        score: Math.round(f.score * 1000) / 1000,
        reasons: f.reasons,
      })),
      elsewhere,
    };
  });
}

/**
 * Asks the agency holding a possible earlier record to look at it: one open request per case and
 * requesting agency, an alert to the holding agency (codes only), and the audit row on the case.
 */
async function requestFromHoldingAgency(
  tx: Tx,
  actor: Actor,
  caseId: string,
  holdingAgencyId: string,
  score: number,
  now: Date,
): Promise<string> {
  const scorePercent = Math.round(score * 100);
  const [inserted] = await tx
    .insert(matchRequests)
    .values({
      caseId,
      requestingAgencyId: actor.agencyId,
      holdingAgencyId,
      scorePercent,
      requestedBy: actor.userId,
      requestedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: matchRequests.id });
  if (!inserted) {
    const [existing] = await tx
      .select({ id: matchRequests.id })
      .from(matchRequests)
      .where(and(eq(matchRequests.caseId, caseId), eq(matchRequests.requestingAgencyId, actor.agencyId)));
    if (!existing) throw new Error("match request neither inserted nor found");
    return existing.id;
  }
  await raiseAlert(
    tx,
    {
      caseId,
      agencyId: holdingAgencyId,
      role: "supervisor",
      kind: requestAlertKind,
      subject: inserted.id,
      params: { requestingAgencyId: actor.agencyId, scorePercent },
    },
    now,
  );
  await recordAudit(tx, auditActor(actor), {
    action: "matching.request",
    caseId,
    entity: "match_request",
    entityId: inserted.id,
    detail: { holdingAgencyId, scorePercent },
  });
  return inserted.id;
}
