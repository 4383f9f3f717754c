/**
 * The supervisors' review of possible duplicates (seed 001: count each person once; seeds 000 and
 * 002: notice re-trafficking). Pairs are proposed only among cases the supervisor's agency is on
 * the team of both, found through the keyed blocking keys and scored by the engine in memory.
 *
 * Three decisions, each one transaction with its audit row:
 *   - same person: a reversible merge. No record moves; statistics count the later person under
 *     the identity key of the person the earlier one counts as, while the merge stands
 *     (statistics_person_identities). Merges chain (A into B, then B into C) and undo in any order;
 *   - not the same person: kept, so the pair is not proposed again; can be undone;
 *   - re-trafficked: the later case is linked to the earlier one, shown on both cases; can be
 *     undone. Undoing a dismissal or a link removes it; its audit rows keep the history.
 */
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { MatchReason } from "../../../shared/matching";
import { type Actor, auditActor, hasRole } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import type { Queryable, Tx } from "../../platform/db/types";
import { Conflict, Forbidden, Invalid, NotFound } from "../../platform/errors";
import { cases, caseTeam, persons } from "../cases/schema";
import { visibleCase } from "../cases/queries";
import { statisticsPersonIdentities } from "../statistics/schema";
import { candidateThreshold, openIdentity } from "./commands";
import { preparedIdentity } from "./keys";
import { scorePair, type NameFrequencies } from "./score";
import { caseLinks, duplicateDismissals, personMatchKeys, personMerges } from "./schema";

/** Person pairs sharing a blocking key that are scored per look-up, and pairs shown. */
const maxPairsCompared = 500;
const maxPairsShown = 50;

export const mayReviewDuplicates = (actor: Actor) => hasRole(actor, "supervisor");

export interface ReviewCase {
  reference: string;
  identificationDate: string;
}

export interface DuplicatePair {
  earlier: ReviewCase;
  later: ReviewCase;
  score: number;
  reasons: MatchReason[];
}

export interface StandingMerge {
  id: string;
  earlier: ReviewCase;
  later: ReviewCase;
  decidedAt: string;
}

/** A standing "not the same person" or re-trafficking link the agency may undo. */
export interface StandingDecision {
  id: string;
  earlier: ReviewCase;
  later: ReviewCase;
  decidedAt: string;
}

/** The earlier of two cases: identified first, then registered first. */
function ordered<T extends { identificationDate: string; createdAt: Date; id: string }>(a: T, b: T): [T, T] {
  const key = (c: T) => `${c.identificationDate}|${c.createdAt.toISOString()}|${c.id}`;
  return key(a) <= key(b) ? [a, b] : [b, a];
}

/** The 16 bytes the statistics count a person by when it has no identity key of its own. */
const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ""), "hex");

/** Possible duplicates among the cases the actor's agency works on, best first. */
export async function listDuplicates(
  ctx: AppContext,
  actor: Actor,
): Promise<{
  pairs: DuplicatePair[];
  merges: StandingMerge[];
  dismissals: StandingDecision[];
  links: StandingDecision[];
}> {
  if (!mayReviewDuplicates(actor)) throw new Forbidden();
  const now = ctx.now();

  const teamCases = await ctx.db
    .select({
      id: cases.id,
      reference: cases.reference,
      personId: cases.personId,
      identificationDate: cases.identificationDate,
      createdAt: cases.createdAt,
    })
    .from(cases)
    .innerJoin(
      caseTeam,
      and(eq(caseTeam.caseId, cases.id), eq(caseTeam.agencyId, actor.agencyId), isNull(caseTeam.removedAt)),
    );
  type TeamCase = (typeof teamCases)[number];
  const byId = new Map<string, TeamCase>(teamCases.map((c) => [c.id, c]));
  const casesOfPerson = new Map<string, TeamCase[]>();
  for (const c of teamCases) casesOfPerson.set(c.personId, [...(casesOfPerson.get(c.personId) ?? []), c]);

  // Person pairs of the agency's cases sharing at least one keyed blocking key, found in the
  // database by key equality: nobody's name or date is opened to find them.
  const teamPersons = () =>
    ctx.db
      .select({ id: cases.personId })
      .from(cases)
      .innerJoin(
        caseTeam,
        and(eq(caseTeam.caseId, cases.id), eq(caseTeam.agencyId, actor.agencyId), isNull(caseTeam.removedAt)),
      );
  const k1 = alias(personMatchKeys, "k1");
  const k2 = alias(personMatchKeys, "k2");
  const personPairs =
    teamCases.length < 2
      ? []
      : await ctx.db
          .selectDistinct({ a: k1.personId, b: k2.personId })
          .from(k1)
          .innerJoin(k2, and(eq(k2.key, k1.key), sql`${k1.personId} < ${k2.personId}`))
          .where(
            and(
              sql`length(${k1.key}) > 0`,
              inArray(k1.personId, teamPersons()),
              inArray(k2.personId, teamPersons()),
            ),
          )
          .limit(maxPairsCompared);

  const involved = [...new Set(personPairs.flatMap((p) => [p.a, p.b]))];
  const [merged, dismissed, linked] =
    involved.length === 0
      ? [[], [], []]
      : await Promise.all([
          mergeChains(ctx.db, involved),
          ctx.db
            .select({ a: duplicateDismissals.firstCaseId, b: duplicateDismissals.secondCaseId })
            .from(duplicateDismissals)
            .innerJoin(cases, eq(cases.id, duplicateDismissals.firstCaseId))
            .where(inArray(cases.personId, involved)),
          ctx.db
            .select({ a: caseLinks.caseId, b: caseLinks.earlierCaseId })
            .from(caseLinks)
            .innerJoin(cases, eq(cases.id, caseLinks.caseId))
            .where(inArray(cases.personId, involved)),
        ]);
  const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  // Persons counted as one through a chain of merges (A into B, B into C) are not proposed.
  const sameRoot = (a: string, b: string) => rootOf(a, merged) === rootOf(b, merged);
  const decidedCases = new Set([...dismissed, ...linked].map((d) => pairKey(d.a, d.b)));

  const personRows =
    involved.length === 0 ? [] : await ctx.db.select().from(persons).where(inArray(persons.id, involved));
  const prepared = new Map<string, ReturnType<typeof preparedIdentity>>();
  for (const person of personRows) {
    const first = casesOfPerson.get(person.id)?.[0];
    const at = first ? new Date(`${first.identificationDate}T12:00:00Z`) : now;
    prepared.set(person.id, preparedIdentity(person.id, await openIdentity(ctx, person), at));
  }
  const frequencies: NameFrequencies = { total: teamCases.length + 1, family: new Map(), given: new Map() };

  const pairs: DuplicatePair[] = [];
  for (const { a, b } of personPairs) {
    if (sameRoot(a, b)) continue;
    const pa = prepared.get(a);
    const pb = prepared.get(b);
    if (!pa || !pb) continue;
    const score = scorePair(pa, pb, frequencies);
    if (score.probability < candidateThreshold) continue;
    for (const ca of casesOfPerson.get(a) ?? [])
      for (const cb of casesOfPerson.get(b) ?? []) {
        if (decidedCases.has(pairKey(ca.id, cb.id))) continue;
        const [earlier, later] = ordered(ca, cb);
        pairs.push({
          earlier: { reference: earlier.reference, identificationDate: earlier.identificationDate },
          later: { reference: later.reference, identificationDate: later.identificationDate },
          score: Math.round(score.probability * 1000) / 1000,
          reasons: score.reasons,
        });
      }
  }
  pairs.sort((x, y) => y.score - x.score || x.later.reference.localeCompare(y.later.reference));

  // Standing merges whose two cases the agency works on: the ones it may undo.
  const mergeRows = await ctx.db
    .select({
      id: personMerges.id,
      caseId: personMerges.caseId,
      intoCaseId: personMerges.intoCaseId,
      decidedAt: personMerges.decidedAt,
    })
    .from(personMerges)
    .innerJoin(
      caseTeam,
      and(
        eq(caseTeam.caseId, personMerges.caseId),
        eq(caseTeam.agencyId, actor.agencyId),
        isNull(caseTeam.removedAt),
      ),
    )
    .where(isNull(personMerges.undoneAt));
  const merges: StandingMerge[] = [];
  for (const m of mergeRows) {
    const earlier = byId.get(m.intoCaseId);
    const later = byId.get(m.caseId);
    if (!earlier || !later) continue;
    merges.push({
      id: m.id,
      earlier: { reference: earlier.reference, identificationDate: earlier.identificationDate },
      later: { reference: later.reference, identificationDate: later.identificationDate },
      decidedAt: m.decidedAt.toISOString(),
    });
  }
  merges.sort((x, y) => y.decidedAt.localeCompare(x.decidedAt));

  // Standing dismissals and links whose two cases the agency works on: the ones it may undo.
  const teamIds = teamCases.map((c) => c.id);
  const [dismissalRows, linkRows] =
    teamIds.length < 2
      ? [[], []]
      : await Promise.all([
          ctx.db
            .select()
            .from(duplicateDismissals)
            .where(
              and(
                inArray(duplicateDismissals.firstCaseId, teamIds),
                inArray(duplicateDismissals.secondCaseId, teamIds),
              ),
            ),
          ctx.db
            .select()
            .from(caseLinks)
            .where(and(inArray(caseLinks.caseId, teamIds), inArray(caseLinks.earlierCaseId, teamIds))),
        ]);
  const standing = (id: string, a: string, b: string, at: Date): StandingDecision | null => {
    const x = byId.get(a);
    const y = byId.get(b);
    if (!x || !y) return null;
    const [earlier, later] = ordered(x, y);
    return {
      id,
      earlier: { reference: earlier.reference, identificationDate: earlier.identificationDate },
      later: { reference: later.reference, identificationDate: later.identificationDate },
      decidedAt: at.toISOString(),
    };
  };
  const newestFirst = (x: StandingDecision, y: StandingDecision) => y.decidedAt.localeCompare(x.decidedAt);
  const dismissals = dismissalRows
    .map((d) => standing(d.id, d.firstCaseId, d.secondCaseId, d.decidedAt))
    .filter((d): d is StandingDecision => d !== null)
    .sort(newestFirst);
  const links = linkRows
    .map((l) => standing(l.id, l.caseId, l.earlierCaseId, l.linkedAt))
    .filter((l): l is StandingDecision => l !== null)
    .sort(newestFirst);

  await ctx.db.transaction(async (tx) => {
    await recordAudit(tx, auditActor(actor), {
      action: "matching.duplicates",
      detail: { compared: personPairs.length, proposed: Math.min(pairs.length, maxPairsShown) },
    });
  });
  return { pairs: pairs.slice(0, maxPairsShown), merges, dismissals, links };
}

/** The two cases of a decision, both on the actor's agency's team, the earlier first. */
async function casePair(ctx: AppContext, actor: Actor, references: readonly [string, string]) {
  if (!mayReviewDuplicates(actor)) throw new Forbidden();
  if (references[0] === references[1]) throw new Invalid("references", "same_case");
  const a = await visibleCase(ctx, actor, references[0]);
  const b = await visibleCase(ctx, actor, references[1]);
  return ordered(a, b);
}

type MergeRow = typeof personMerges.$inferSelect;

/**
 * The standing merges of the chains these persons belong to (A merged into B, B into C): every
 * standing merge reachable from them through either side.
 */
async function mergeChains(db: Queryable, personIds: readonly string[]): Promise<MergeRow[]> {
  const found = new Map<string, MergeRow>();
  const seen = new Set(personIds);
  let frontier = [...personIds];
  while (frontier.length > 0) {
    const rows = await db
      .select()
      .from(personMerges)
      .where(
        and(
          isNull(personMerges.undoneAt),
          or(inArray(personMerges.personId, frontier), inArray(personMerges.intoPersonId, frontier)),
        ),
      );
    frontier = [];
    for (const m of rows) {
      found.set(m.id, m);
      for (const p of [m.personId, m.intoPersonId])
        if (!seen.has(p)) {
          seen.add(p);
          frontier.push(p);
        }
    }
  }
  return [...found.values()];
}

/** The person a person counts as: the end of its chain of standing merges. */
function rootOf(personId: string, merges: readonly MergeRow[]): string {
  const into = new Map(merges.map((m) => [m.personId, m.intoPersonId]));
  let at = personId;
  for (let steps = 0; steps <= merges.length; steps++) {
    const next = into.get(at);
    if (next === undefined) return at;
    at = next;
  }
  return at;
}

/** The person and everyone merged into it, directly or through others. */
function mergedInto(personId: string, merges: readonly MergeRow[]): string[] {
  const all = [personId];
  for (let i = 0; i < all.length; i++)
    for (const m of merges) if (m.intoPersonId === all[i] && !all.includes(m.personId)) all.push(m.personId);
  return all;
}

/** Sets the identity key the statistics count each of these persons by. */
async function countAs(tx: Tx, personIds: readonly string[], key: Buffer, now: Date): Promise<void> {
  for (const personId of personIds)
    await tx
      .insert(statisticsPersonIdentities)
      .values({ personId, identityKey: key, derivedAt: now })
      .onConflictDoUpdate({
        target: statisticsPersonIdentities.personId,
        set: { identityKey: key, derivedAt: now },
      });
}

/**
 * "Same person": the later case's person is recorded as the earlier case's person. Chains are
 * kept: when the earlier person is itself merged into a third, the later person counts as that
 * third; persons already merged into the later person follow it. A person merged already is not
 * merged a second time (409 already_merged: undo that merge, or merge the person it counts as).
 */
export async function mergePersons(
  ctx: AppContext,
  actor: Actor,
  references: readonly [string, string],
): Promise<{ id: string }> {
  const [earlier, later] = await casePair(ctx, actor, references);
  if (earlier.personId === later.personId) throw new Conflict("same_person_already");
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const chains = await mergeChains(tx, [earlier.personId, later.personId]);
    const root = rootOf(earlier.personId, chains);
    if (root === rootOf(later.personId, chains)) throw new Conflict("same_person_already");
    if (chains.some((m) => m.personId === later.personId)) throw new Conflict("already_merged");

    const identities = await tx
      .select()
      .from(statisticsPersonIdentities)
      .where(inArray(statisticsPersonIdentities.personId, [root, later.personId]));
    const into = identities.find((i) => i.personId === root)?.identityKey ?? uuidBytes(root);
    const own = identities.find((i) => i.personId === later.personId) ?? null;

    const [merge] = await tx
      .insert(personMerges)
      .values({
        personId: later.personId,
        intoPersonId: earlier.personId,
        intoCaseId: earlier.id,
        caseId: later.id,
        agencyId: actor.agencyId,
        originalIdentityKey: own?.identityKey ?? null,
        decidedBy: actor.userId,
        decidedAt: now,
      })
      .returning({ id: personMerges.id });
    if (!merge) throw new Error("merge not stored");
    await countAs(tx, mergedInto(later.personId, chains), into, now);
    await recordAudit(tx, auditActor(actor), {
      action: "matching.merge",
      caseId: later.id,
      entity: "person_merge",
      entityId: merge.id,
      detail: { earlierCaseId: earlier.id, earlierReference: earlier.reference },
    });
    return merge;
  });
}

/** Whether the actor's agency is on the team of both cases (else the decision is not its own). */
async function onBothTeams(tx: Tx, actor: Actor, caseIds: readonly [string, string]): Promise<boolean> {
  const memberships = await tx
    .select({ caseId: caseTeam.caseId })
    .from(caseTeam)
    .where(
      and(
        inArray(caseTeam.caseId, [...caseIds]),
        eq(caseTeam.agencyId, actor.agencyId),
        isNull(caseTeam.removedAt),
      ),
    );
  return new Set(memberships.map((m) => m.caseId)).size >= new Set(caseIds).size;
}

/**
 * Undoes a standing merge: the later person counts under its own identity again, and so do the
 * persons merged into it; merges above or below it in a chain stay. Any order is consistent.
 */
export async function undoMerge(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  if (!mayReviewDuplicates(actor)) throw new Forbidden();
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const [merge] = await tx.select().from(personMerges).where(eq(personMerges.id, id));
    if (!merge) throw new NotFound();
    // Only an agency on the team of both cases may see, and undo, the merge.
    if (!(await onBothTeams(tx, actor, [merge.caseId, merge.intoCaseId]))) throw new NotFound();
    if (merge.undoneAt) throw new Conflict("merge_undone");

    await tx
      .update(personMerges)
      .set({ undoneBy: actor.userId, undoneAt: now })
      .where(eq(personMerges.id, id));
    const chains = (await mergeChains(tx, [merge.personId])).filter((m) => m.id !== merge.id);
    const followers = mergedInto(merge.personId, chains).filter((p) => p !== merge.personId);
    if (merge.originalIdentityKey) await countAs(tx, [merge.personId], merge.originalIdentityKey, now);
    else
      await tx
        .delete(statisticsPersonIdentities)
        .where(eq(statisticsPersonIdentities.personId, merge.personId));
    await countAs(tx, followers, merge.originalIdentityKey ?? uuidBytes(merge.personId), now);
    await recordAudit(tx, auditActor(actor), {
      action: "matching.merge_undo",
      caseId: merge.caseId,
      entity: "person_merge",
      entityId: merge.id,
      detail: { earlierCaseId: merge.intoCaseId },
    });
  });
}

/** "Not the same person": the pair is kept so that it is not proposed again. */
export async function dismissPair(
  ctx: AppContext,
  actor: Actor,
  references: readonly [string, string],
): Promise<void> {
  const [earlier, later] = await casePair(ctx, actor, references);
  const [first, second] = earlier.id < later.id ? [earlier, later] : [later, earlier];
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(duplicateDismissals)
      .values({ firstCaseId: first.id, secondCaseId: second.id, decidedBy: actor.userId, decidedAt: now })
      .onConflictDoNothing()
      .returning({ id: duplicateDismissals.id });
    if (!row) throw new Conflict("already_decided");
    await recordAudit(tx, auditActor(actor), {
      action: "matching.dismiss",
      caseId: later.id,
      entity: "duplicate_dismissal",
      entityId: row.id,
      detail: { earlierCaseId: earlier.id, earlierReference: earlier.reference },
    });
  });
}

/** "Re-trafficked": the later case is linked to the earlier one. */
export async function linkRetrafficking(
  ctx: AppContext,
  actor: Actor,
  references: readonly [string, string],
): Promise<void> {
  const [earlier, later] = await casePair(ctx, actor, references);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(caseLinks)
      .values({
        caseId: later.id,
        earlierCaseId: earlier.id,
        kind: "re_trafficking",
        linkedBy: actor.userId,
        linkedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: caseLinks.id });
    if (!row) throw new Conflict("already_decided");
    await recordAudit(tx, auditActor(actor), {
      action: "matching.link",
      caseId: later.id,
      entity: "case_link",
      entityId: row.id,
      detail: { kind: "re_trafficking", earlierCaseId: earlier.id, earlierReference: earlier.reference },
    });
  });
}

/** Undoes "not the same person": the pair may be proposed again. The audit row keeps the decision. */
export async function undoDismissal(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  if (!mayReviewDuplicates(actor)) throw new Forbidden();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(duplicateDismissals).where(eq(duplicateDismissals.id, id));
    if (!row || !(await onBothTeams(tx, actor, [row.firstCaseId, row.secondCaseId]))) throw new NotFound();
    const pair = await tx
      .select({
        id: cases.id,
        identificationDate: cases.identificationDate,
        createdAt: cases.createdAt,
      })
      .from(cases)
      .where(inArray(cases.id, [row.firstCaseId, row.secondCaseId]));
    const [first, second] = pair;
    if (!first || !second) throw new NotFound();
    // Filed under the later case, as the dismissal was.
    const [earlier, later] = ordered(first, second);
    await tx.delete(duplicateDismissals).where(eq(duplicateDismissals.id, id));
    await recordAudit(tx, auditActor(actor), {
      action: "matching.dismiss_undo",
      caseId: later.id,
      entity: "duplicate_dismissal",
      entityId: row.id,
      detail: { earlierCaseId: earlier.id, decidedAt: row.decidedAt.toISOString() },
    });
  });
}

/** Undoes a re-trafficking link: it no longer shows on either case. The audit row keeps it. */
export async function undoLink(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  if (!mayReviewDuplicates(actor)) throw new Forbidden();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(caseLinks).where(eq(caseLinks.id, id));
    if (!row || !(await onBothTeams(tx, actor, [row.caseId, row.earlierCaseId]))) throw new NotFound();
    await tx.delete(caseLinks).where(eq(caseLinks.id, id));
    await recordAudit(tx, auditActor(actor), {
      action: "matching.link_undo",
      caseId: row.caseId,
      entity: "case_link",
      entityId: row.id,
      detail: { kind: row.kind, earlierCaseId: row.earlierCaseId, linkedAt: row.linkedAt.toISOString() },
    });
  });
}

export interface CaseLinkView {
  id: string;
  kind: "re_trafficking";
  /** "earlier": the other case is the earlier one; "later": this case is the earlier one. */
  other: "earlier" | "later";
  /** The other case's reference, only when the reader's agency is on its team. */
  reference: string | null;
  linkedAt: string;
}

/** The links of a case, for its team. */
export async function caseLinksOf(ctx: AppContext, actor: Actor, reference: string): Promise<CaseLinkView[]> {
  const found = await visibleCase(ctx, actor, reference);
  const rows = await ctx.db
    .select()
    .from(caseLinks)
    .where(or(eq(caseLinks.caseId, found.id), eq(caseLinks.earlierCaseId, found.id)))
    .orderBy(caseLinks.linkedAt);
  const otherIds = rows.map((r) => (r.caseId === found.id ? r.earlierCaseId : r.caseId));
  const visible =
    otherIds.length === 0
      ? []
      : await ctx.db
          .select({ id: cases.id, reference: cases.reference })
          .from(cases)
          .innerJoin(
            caseTeam,
            and(
              eq(caseTeam.caseId, cases.id),
              eq(caseTeam.agencyId, actor.agencyId),
              isNull(caseTeam.removedAt),
            ),
          )
          .where(inArray(cases.id, otherIds));
  const referenceOf = new Map(visible.map((v) => [v.id, v.reference]));
  return rows.map((r) => {
    const earlierIsOther = r.caseId === found.id;
    const otherId = earlierIsOther ? r.earlierCaseId : r.caseId;
    return {
      id: r.id,
      kind: r.kind,
      other: earlierIsOther ? "earlier" : "later",
      reference: referenceOf.get(otherId) ?? null,
      linkedAt: r.linkedAt.toISOString(),
    };
  });
}
