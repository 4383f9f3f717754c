import { and, asc, desc, eq, exists, gte, inArray, isNull, or, sql } from "drizzle-orm";
import type { RangeCheck } from "../../../shared/justice";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import type { Queryable } from "../../platform/db/types";
import { Forbidden, NotFound } from "../../platform/errors";
import { alerts } from "../alerts/schema";
import { agencies, users } from "../agencies/schema";
import { visibleCase } from "../cases/queries";
import { openCaseText } from "../cases/sealing";
import { cases, caseTeam } from "../cases/schema";
import { orErased } from "../retention/erased";
import { inJusticeCompartment, mayReadJusticeStatistics } from "./policy";
import { isOutOfRange, lawSection, releaseAlertKind } from "./rules";
import {
  defendantNameAt,
  justiceCharges,
  justiceCompensationClaims,
  justiceCustodyEvents,
  justiceDefendants,
  justiceHearings,
  justiceProceedings,
  justiceReassessments,
  justiceTestimonies,
  justiceVerdicts,
  justiceVictims,
  victimLawyerAt,
} from "./schema";

/** The agency is on the active case team of a victim linked to the proceeding. */
const onVictimTeam = (agencyId: string) =>
  exists(
    sql`(select 1 from ${justiceVictims} inner join ${caseTeam} on ${caseTeam.caseId} = ${justiceVictims.caseId}
      where ${justiceVictims.proceedingId} = ${justiceProceedings.id}
      and ${caseTeam.agencyId} = ${agencyId} and ${caseTeam.removedAt} is null)`,
  );

const accessible = (actor: Actor) =>
  or(eq(justiceProceedings.ownerAgencyId, actor.agencyId), onVictimTeam(actor.agencyId));

/**
 * A proceeding the actor may see whole: someone of the justice compartment whose agency keeps it
 * or is on a linked victim's case team. Anything else is NotFound, as for one that does not exist.
 */
export async function proceedingFor(db: Queryable, actor: Actor, id: string) {
  if (!inJusticeCompartment(actor)) throw new NotFound();
  const [row] = await db
    .select()
    .from(justiceProceedings)
    .where(and(eq(justiceProceedings.id, id), accessible(actor)));
  if (!row) throw new NotFound();
  return row;
}

/** A proceeding's victims by case reference: the person's data stay in the case. */
async function victimsOf(db: Queryable, proceedingId: string) {
  return db
    .select({ victim: justiceVictims, reference: cases.reference, pathway: cases.pathway })
    .from(justiceVictims)
    .innerJoin(cases, eq(cases.id, justiceVictims.caseId))
    .where(eq(justiceVictims.proceedingId, proceedingId))
    .orderBy(asc(justiceVictims.linkedAt));
}

/**
 * The whole proceeding for the justice compartment. Defendants' names are opened here, and the
 * victims' lawyers: the read is audited before anything is returned.
 */
export async function getProceeding(ctx: AppContext, actor: Actor, id: string) {
  const proceeding = await proceedingFor(ctx.db, actor, id);
  const law = ctx.jurisdiction.law;
  const [owner] = await ctx.db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.id, proceeding.ownerAgencyId));
  const victimRows = await victimsOf(ctx.db, id);
  const victimIds = victimRows.map((v) => v.victim.id);
  const testimonies =
    victimIds.length === 0
      ? []
      : await ctx.db
          .select()
          .from(justiceTestimonies)
          .where(inArray(justiceTestimonies.victimId, victimIds))
          .orderBy(asc(justiceTestimonies.givenOn));
  const informers = await ctx.db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(
      inArray(
        users.id,
        victimRows
          .flatMap((v) => (v.victim.informedBy ? [v.victim.informedBy] : []))
          .concat([proceeding.openedBy]),
      ),
    );
  const defendantRows = await ctx.db
    .select()
    .from(justiceDefendants)
    .where(eq(justiceDefendants.proceedingId, id))
    .orderBy(asc(justiceDefendants.createdAt));
  const custodyRows =
    defendantRows.length === 0
      ? []
      : await ctx.db
          .select()
          .from(justiceCustodyEvents)
          .where(
            inArray(
              justiceCustodyEvents.defendantId,
              defendantRows.map((d) => d.id),
            ),
          )
          .orderBy(asc(justiceCustodyEvents.since), asc(justiceCustodyEvents.recordedAt));
  const chargeRows = await ctx.db
    .select({ charge: justiceCharges, verdict: justiceVerdicts })
    .from(justiceCharges)
    .leftJoin(justiceVerdicts, eq(justiceVerdicts.chargeId, justiceCharges.id))
    .where(eq(justiceCharges.proceedingId, id))
    .orderBy(asc(justiceCharges.recordedAt), asc(justiceCharges.section));
  const hearings = await ctx.db
    .select()
    .from(justiceHearings)
    .where(eq(justiceHearings.proceedingId, id))
    .orderBy(asc(justiceHearings.at));

  const defendants = [];
  for (const d of defendantRows) {
    const name = await orErased(
      ctx.keyring.openText(ctx.db, proceeding.dataKeyId, defendantNameAt(d.id), d.name),
    );
    defendants.push({
      id: d.id,
      name,
      nationality: d.nationality,
      role: d.role,
      custody: d.custody,
      custodySince: d.custodySince,
      custodyHistory: custodyRows
        .filter((e) => e.defendantId === d.id)
        .map((e) => ({ status: e.status, since: e.since })),
    });
  }
  const victims = [];
  for (const { victim, reference, pathway } of victimRows) {
    const lawyer = victim.lawyer
      ? await openCaseText(ctx, ctx.db, victim.caseId, victimLawyerAt(victim.id), victim.lawyer)
      : null;
    victims.push({
      id: victim.id,
      case: { reference, pathway },
      injuredParty: victim.injuredParty,
      witness: victim.witness,
      measuresRequested: victim.measuresRequested,
      measuresGranted: victim.measuresGranted,
      informed:
        victim.informedAt && victim.informedBy
          ? {
              at: victim.informedAt.toISOString(),
              by: informers.find((u) => u.id === victim.informedBy) ?? { id: victim.informedBy, name: "" },
            }
          : null,
      pastHistoryInCameraOnly: victim.pastHistoryInCameraOnly,
      witnessProtectionUnit: victim.witnessProtectionUnit,
      lawyer,
      interpreterId: victim.interpreterId,
      testimonies: testimonies
        .filter((t) => t.victimId === victim.id)
        .map((t) => ({ id: t.id, kind: t.kind, presence: t.presence, on: t.givenOn })),
    });
  }
  const charges = chargeRows.map(({ charge, verdict }) => {
    const section = lawSection(law, charge.section);
    return {
      id: charge.id,
      defendantId: charge.defendantId,
      section: charge.section,
      offence: section?.offence ?? null,
      minorVictim: charge.minorVictim,
      chargedOn: charge.chargedOn,
      verdict: verdict ? presentVerdict(verdict) : null,
    };
  });

  await ctx.db.transaction((tx) =>
    recordAudit(tx, auditActor(actor), {
      action: "justice_proceeding.read",
      entity: "justice_proceeding",
      entityId: id,
      detail: { defendants: defendants.length, victims: victims.length },
    }),
  );
  return {
    id: proceeding.id,
    stage: proceeding.stage,
    policeCaseNumber: proceeding.policeCaseNumber,
    prosecutorReference: proceeding.prosecutorReference,
    courtReference: proceeding.courtReference,
    court: proceeding.court,
    owner: owner ?? { id: proceeding.ownerAgencyId, name: "" },
    openedAt: proceeding.openedAt.toISOString(),
    victims,
    defendants,
    charges,
    hearings: hearings.map((h) => ({
      id: h.id,
      kind: h.kind,
      at: h.at.toISOString(),
      interpreterId: h.interpreterId,
    })),
    outOfRange: charges.filter((c) => isOutOfRange(c.verdict?.rangeCheck ?? null)).length,
  };
}

function presentVerdict(v: typeof justiceVerdicts.$inferSelect) {
  return {
    id: v.id,
    outcome: v.outcome,
    decidedOn: v.decidedOn,
    imprisonmentMonths: v.imprisonmentMonths,
    suspended: v.suspended,
    fineEuros: v.fineEuros,
    mitigatingGrounds: v.mitigatingGrounds,
    minimumMonths: v.minimumMonths,
    maximumMonths: v.maximumMonths,
    rangeCheck: v.rangeCheck,
    outOfRange: isOutOfRange(v.rangeCheck),
  };
}

/**
 * The docket: the proceedings the actor's agency keeps or works on through a victim's case team,
 * with the next hearing and the flags, without names.
 */
export async function docket(ctx: AppContext, actor: Actor) {
  if (!inJusticeCompartment(actor)) throw new Forbidden();
  const now = ctx.now();
  const rows = await ctx.db
    .select()
    .from(justiceProceedings)
    .where(accessible(actor))
    .orderBy(desc(justiceProceedings.updatedAt))
    .limit(500);
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const victims = await ctx.db
    .select({
      proceedingId: justiceVictims.proceedingId,
      reference: cases.reference,
      witness: justiceVictims.witness,
      informedAt: justiceVictims.informedAt,
    })
    .from(justiceVictims)
    .innerJoin(cases, eq(cases.id, justiceVictims.caseId))
    .where(inArray(justiceVictims.proceedingId, ids));
  const defendants = await ctx.db
    .select({ proceedingId: justiceDefendants.proceedingId, custody: justiceDefendants.custody })
    .from(justiceDefendants)
    .where(inArray(justiceDefendants.proceedingId, ids));
  const hearings = await ctx.db
    .select({
      proceedingId: justiceHearings.proceedingId,
      at: justiceHearings.at,
      kind: justiceHearings.kind,
    })
    .from(justiceHearings)
    .where(and(inArray(justiceHearings.proceedingId, ids), gte(justiceHearings.at, now)))
    .orderBy(asc(justiceHearings.at));
  const flags = await ctx.db
    .select({ proceedingId: justiceCharges.proceedingId, rangeCheck: justiceVerdicts.rangeCheck })
    .from(justiceVerdicts)
    .innerJoin(justiceCharges, eq(justiceCharges.id, justiceVerdicts.chargeId))
    .where(inArray(justiceCharges.proceedingId, ids));
  return rows.map((p) => {
    const next = hearings.find((h) => h.proceedingId === p.id);
    return {
      id: p.id,
      stage: p.stage,
      policeCaseNumber: p.policeCaseNumber,
      prosecutorReference: p.prosecutorReference,
      courtReference: p.courtReference,
      court: p.court,
      victims: victims.filter((v) => v.proceedingId === p.id).map((v) => v.reference),
      // Judges must inform witnesses of the protective measures (Reg. 2001/20 s. 3.1; seed 002).
      witnessesNotInformed: victims.filter(
        (v) => v.proceedingId === p.id && v.witness && v.informedAt === null,
      ).length,
      defendants: defendants.filter((d) => d.proceedingId === p.id).length,
      nextHearing: next ? { at: next.at.toISOString(), kind: next.kind } : null,
      outOfRange: flags.filter((f) => f.proceedingId === p.id && isOutOfRange(f.rangeCheck)).length,
      updatedAt: p.updatedAt.toISOString(),
    };
  });
}

/**
 * What the case team sees of the justice side of one case. Everyone on the team learns that a
 * proceeding exists and its stage, and whether a reassessment is due after a release; the rest of
 * the proceeding only the justice compartment, on the proceeding's own page.
 */
export async function caseJustice(ctx: AppContext, actor: Actor, reference: string) {
  const found = await visibleCase(ctx, actor, reference);
  const rows = await ctx.db
    .select({ proceeding: justiceProceedings, victim: justiceVictims })
    .from(justiceVictims)
    .innerJoin(justiceProceedings, eq(justiceProceedings.id, justiceVictims.proceedingId))
    .where(eq(justiceVictims.caseId, found.id))
    .orderBy(asc(justiceProceedings.openedAt));
  const compartment = inJusticeCompartment(actor);
  const [openAlert] = await ctx.db
    .select({ id: alerts.id })
    .from(alerts)
    .where(and(eq(alerts.caseId, found.id), eq(alerts.kind, releaseAlertKind), isNull(alerts.resolvedAt)))
    .limit(1);
  const [lastReassessment] = await ctx.db
    .select({ level: justiceReassessments.level, at: justiceReassessments.recordedAt })
    .from(justiceReassessments)
    .where(eq(justiceReassessments.caseId, found.id))
    .orderBy(desc(justiceReassessments.recordedAt))
    .limit(1);
  return {
    proceedings: rows.map(({ proceeding, victim }) => ({
      id: proceeding.id,
      stage: proceeding.stage,
      /** Whether the viewer may open the proceeding (justice compartment): the page says who. */
      open: compartment,
      injuredParty: compartment ? victim.injuredParty : null,
      witness: compartment ? victim.witness : null,
    })),
    reassessmentDue: openAlert !== undefined,
    lastReassessment: lastReassessment
      ? { level: lastReassessment.level, at: lastReassessment.at.toISOString() }
      : null,
    compensation: await compensationOf(ctx.db, found.id),
  };
}

async function compensationOf(db: Queryable, caseId: string) {
  const rows = await db
    .select()
    .from(justiceCompensationClaims)
    .where(eq(justiceCompensationClaims.caseId, caseId))
    .orderBy(asc(justiceCompensationClaims.claimedOn));
  return rows.map((c) => ({
    id: c.id,
    kind: c.kind,
    proceedingId: c.proceedingId,
    claimedEuros: c.claimedEuros,
    claimedOn: c.claimedOn,
    decidedEuros: c.decidedEuros,
    decidedOn: c.decidedOn,
    paidEuros: c.paidEuros,
    paidOn: c.paidOn,
  }));
}

/**
 * The prosecution funnel of a year and the sentences against the statutory ranges, counted by
 * defendant and charge: no name, no case reference (DOMAIN.md "Numbers": indictments,
 * convictions, acquittals, pending per year; seed 002 on sentences under the minimum).
 */
export async function justiceStatistics(ctx: AppContext, actor: Actor, year: number) {
  if (!mayReadJusticeStatistics(actor)) throw new Forbidden();
  return justiceFigures(ctx, year);
}

/**
 * The figures of justiceStatistics without the reader's check: for callers that decide who reads
 * them and suppress small cells themselves (the statistics dashboard and annual report).
 */
export async function justiceFigures(ctx: AppContext, year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const charges = await ctx.db
    .select({
      defendantId: justiceCharges.defendantId,
      section: justiceCharges.section,
      outcome: justiceVerdicts.outcome,
      months: justiceVerdicts.imprisonmentMonths,
      suspended: justiceVerdicts.suspended,
      rangeCheck: justiceVerdicts.rangeCheck,
      custody: justiceDefendants.custody,
    })
    .from(justiceCharges)
    .innerJoin(justiceDefendants, eq(justiceDefendants.id, justiceCharges.defendantId))
    .leftJoin(justiceVerdicts, eq(justiceVerdicts.chargeId, justiceCharges.id))
    .where(sql`${justiceCharges.chargedOn} between ${from} and ${to}`);

  const byDefendant = new Map<string, typeof charges>();
  for (const c of charges) byDefendant.set(c.defendantId, [...(byDefendant.get(c.defendantId) ?? []), c]);
  const funnel = { charged: byDefendant.size, convicted: 0, acquitted: 0, released: 0, pending: 0 };
  for (const list of byDefendant.values()) {
    if (list.some((c) => c.outcome === "convicted")) funnel.convicted++;
    else if (list.every((c) => c.outcome === "acquitted" || c.outcome === "dismissed")) funnel.acquitted++;
    else funnel.pending++;
    if (["released_pending_appeal", "acquitted", "escaped"].includes(list[0]?.custody ?? ""))
      funnel.released++;
  }

  const sections = ctx.jurisdiction.law.sections.map((s) => {
    const sentenced = charges.filter((c) => c.section === s.section && c.outcome === "convicted");
    const count = (check: RangeCheck) => sentenced.filter((c) => c.rangeCheck === check).length;
    return {
      section: s.section,
      offence: s.offence,
      minimumMonths: s.minimumMonths,
      maximumMonths: s.maximumMonths,
      sentenced: sentenced.length,
      belowMinimum: count("below_minimum"),
      within: count("within"),
      aboveMaximum: count("above_maximum"),
      suspended: sentenced.filter((c) => c.suspended).length,
      /** Sentences in months, sorted: the distribution to plot against the range. */
      months: sentenced.map((c) => c.months ?? 0).sort((a, b) => a - b),
    };
  });
  return { year, funnel, sections };
}
