import { and, desc, eq, inArray, isNull, max, sql } from "drizzle-orm";
import type { Actor } from "../../platform/auth/actor";
import type { AppContext } from "../../platform/context";
import type { Queryable } from "../../platform/db/types";
import { Forbidden } from "../../platform/errors";
import { localDate } from "../../platform/jurisdiction";
import { agencies, users } from "../agencies/schema";
import { isOnCaseTeam, visibleCase } from "../cases/queries";
import { cases } from "../cases/schema";
import { hotlineContacts } from "../hotline/schema";
import { justiceCharges, justiceProceedings, justiceVerdicts } from "../justice/schema";
import { caseClosures } from "../pathway/schema";
import { mayErase, mayLiftHold, mayListDue, mayPlaceHold } from "./policy";
import {
  addMonths,
  caseDueOn,
  hotlineContactDueOn,
  isClosed,
  policyFor,
  proceedingDueOn,
  type RetentionPolicy,
} from "./rules";
import { legalHolds, retentionErasures } from "./schema";

type CaseRow = typeof cases.$inferSelect;

/** The day a closed case was closed: its last approved closure, else its last change to a closed status. */
export async function closedOn(ctx: AppContext, db: Queryable, c: CaseRow): Promise<string | null> {
  if (!isClosed(c.status)) return null;
  const [row] = await db
    .select({ at: max(caseClosures.approvedAt) })
    .from(caseClosures)
    .where(and(eq(caseClosures.caseId, c.id), eq(caseClosures.status, "approved")));
  return localDate(row?.at ?? c.updatedAt, ctx.jurisdiction.timeZone);
}

export async function caseErasure(db: Queryable, caseId: string) {
  const [row] = await db
    .select()
    .from(retentionErasures)
    .where(and(eq(retentionErasures.caseId, caseId), eq(retentionErasures.kind, "person")));
  return row ?? null;
}

export async function standingHolds(db: Queryable, caseId: string) {
  return db
    .select()
    .from(legalHolds)
    .where(and(eq(legalHolds.caseId, caseId), isNull(legalHolds.liftedAt)))
    .orderBy(legalHolds.placedAt);
}

export async function caseDue(ctx: AppContext, db: Queryable, c: CaseRow, policy: RetentionPolicy) {
  const closed = await closedOn(ctx, db, c);
  return {
    closedOn: closed,
    dueOn: caseDueOn(
      {
        status: c.status,
        closedOn: closed,
        identificationDate: c.identificationDate,
        ageAtIdentification: c.ageAtIdentification,
      },
      policy,
    ),
  };
}

/** The day of a proceeding's last verdict, or null while none was given. */
export async function lastVerdictOn(db: Queryable, proceedingId: string): Promise<string | null> {
  const [row] = await db
    .select({ on: max(justiceVerdicts.decidedOn) })
    .from(justiceVerdicts)
    .innerJoin(justiceCharges, eq(justiceCharges.id, justiceVerdicts.chargeId))
    .where(eq(justiceCharges.proceedingId, proceedingId));
  return row?.on ?? null;
}

/** A case's retention as its team sees it: when it falls due, its holds, whether it was erased. */
export async function getCaseRetention(ctx: AppContext, actor: Actor, reference: string) {
  const found = await visibleCase(ctx, actor, reference);
  const onTeam = await isOnCaseTeam(ctx.db, found.id, actor.agencyId);
  const policy = policyFor(ctx.jurisdiction.code);
  const [{ closedOn: closed, dueOn }, erasure, holds] = await Promise.all([
    caseDue(ctx, ctx.db, found, policy),
    caseErasure(ctx.db, found.id),
    ctx.db
      .select({
        hold: legalHolds,
        agency: { id: agencies.id, name: agencies.name },
        placedBy: { id: users.id, name: users.displayName },
      })
      .from(legalHolds)
      .innerJoin(agencies, eq(agencies.id, legalHolds.agencyId))
      .innerJoin(users, eq(users.id, legalHolds.placedBy))
      .where(eq(legalHolds.caseId, found.id))
      .orderBy(desc(legalHolds.placedAt)),
  ]);
  return {
    reference,
    status: found.status,
    closedOn: closed,
    dueOn,
    erased: erasure ? { at: erasure.erasedAt.toISOString(), reason: erasure.reason } : null,
    holds: holds.map(({ hold, agency, placedBy }) => ({
      id: hold.id,
      reason: hold.reason,
      proceedingReference: hold.proceedingReference,
      agency,
      placedBy,
      placedAt: hold.placedAt.toISOString(),
      liftedAt: hold.liftedAt?.toISOString() ?? null,
      canLift: onTeam && hold.liftedAt === null && mayLiftHold(actor, hold),
    })),
    permissions: {
      canErase: onTeam && erasure === null && mayErase(actor, found.identifyingAgencyId),
      canPlaceHold: onTeam && erasure === null && mayPlaceHold(actor),
    },
  };
}

export interface DueCase {
  caseId: string;
  reference: string;
  agencyId: string;
  dueOn: string;
  closedOn: string;
  held: boolean;
}

export interface DueProceeding {
  proceedingId: string;
  agencyId: string;
  dueOn: string;
}

export interface DueContact {
  contactId: string;
  agencyId: string;
  dueOn: string;
  identified: boolean;
}

/**
 * Closed cases and hotline contacts whose identity is due for erasure by `until` (a date), for one
 * agency or all. Erased records are not listed; held cases are, marked held.
 */
export async function dueRecords(
  ctx: AppContext,
  agencyId: string | null,
  until: string,
): Promise<{ cases: DueCase[]; contacts: DueContact[]; proceedings: DueProceeding[] }> {
  const policy = policyFor(ctx.jurisdiction.code);
  const closures = ctx.db
    .select({ caseId: caseClosures.caseId, at: max(caseClosures.approvedAt).as("closed_at") })
    .from(caseClosures)
    .where(eq(caseClosures.status, "approved"))
    .groupBy(caseClosures.caseId)
    .as("closures");
  // A day's margin either side of the time zone; the exact date is decided below by the rules.
  const bound = (months: number) =>
    new Date(Date.parse(`${addMonths(until, -months)}T00:00:00Z`) + 2 * 86_400_000);
  const closedBefore = bound(policy.closedCase.yearsAfterClosure * 12);
  const receivedBefore = bound(
    Math.min(
      policy.hotlineContactIdentified.monthsAfterContact,
      policy.hotlineContactAnonymous.monthsAfterContact,
    ),
  );
  const caseRows = await ctx.db
    .select({ case: cases, closedAt: closures.at })
    .from(cases)
    .leftJoin(closures, eq(closures.caseId, cases.id))
    .where(
      and(
        inArray(cases.status, ["Closed", "ClosedReferred"]),
        // Only cases closed long enough ago can be due: the scheduler runs this every minute.
        sql`coalesce(${closures.at}, ${cases.updatedAt}) < ${closedBefore}`,
        agencyId === null ? undefined : eq(cases.identifyingAgencyId, agencyId),
        sql`not exists (select 1 from ${retentionErasures} e where e.case_id = ${cases.id} and e.kind = 'person')`,
      ),
    );
  const dueCases: DueCase[] = [];
  for (const { case: c, closedAt } of caseRows) {
    const closed = localDate(closedAt ?? c.updatedAt, ctx.jurisdiction.timeZone);
    const dueOn = caseDueOn(
      {
        status: c.status,
        closedOn: closed,
        identificationDate: c.identificationDate,
        ageAtIdentification: c.ageAtIdentification,
      },
      policy,
    );
    if (dueOn !== null && dueOn <= until)
      dueCases.push({
        caseId: c.id,
        reference: c.reference,
        agencyId: c.identifyingAgencyId,
        dueOn,
        closedOn: closed,
        held: false,
      });
  }
  if (dueCases.length > 0) {
    const held = await ctx.db
      .selectDistinct({ caseId: legalHolds.caseId })
      .from(legalHolds)
      .where(
        and(
          isNull(legalHolds.liftedAt),
          inArray(
            legalHolds.caseId,
            dueCases.map((c) => c.caseId),
          ),
        ),
      );
    const heldIds = new Set(held.map((h) => h.caseId));
    for (const c of dueCases) c.held = heldIds.has(c.caseId);
  }

  const contactRows = await ctx.db
    .select({
      id: hotlineContacts.id,
      agencyId: hotlineContacts.agencyId,
      receivedAt: hotlineContacts.receivedAt,
      identifierConsentAt: hotlineContacts.identifierConsentAt,
      callerName: sql<boolean>`${hotlineContacts.callerName} is not null`,
      phone: sql<boolean>`${hotlineContacts.phone} is not null`,
    })
    .from(hotlineContacts)
    .where(
      and(
        isNull(hotlineContacts.caseId),
        sql`${hotlineContacts.receivedAt} < ${receivedBefore}`,
        agencyId === null ? undefined : eq(hotlineContacts.agencyId, agencyId),
        sql`not exists (select 1 from ${retentionErasures} e where e.record_id = ${hotlineContacts.id} and e.kind = 'hotline_contact')`,
      ),
    );
  const dueContacts: DueContact[] = [];
  for (const row of contactRows) {
    const identified = row.identifierConsentAt !== null || row.callerName || row.phone;
    const dueOn = hotlineContactDueOn(
      {
        receivedOn: localDate(row.receivedAt, ctx.jurisdiction.timeZone),
        identified,
        linkedToCase: false,
      },
      policy,
    );
    if (dueOn !== null && dueOn <= until)
      dueContacts.push({ contactId: row.id, agencyId: row.agencyId, dueOn, identified });
  }
  const verdicts = ctx.db
    .select({
      proceedingId: justiceCharges.proceedingId,
      on: max(justiceVerdicts.decidedOn).as("last_verdict_on"),
    })
    .from(justiceVerdicts)
    .innerJoin(justiceCharges, eq(justiceCharges.id, justiceVerdicts.chargeId))
    .groupBy(justiceCharges.proceedingId)
    .as("verdicts");
  const proceedingRows = await ctx.db
    .select({ id: justiceProceedings.id, agencyId: justiceProceedings.ownerAgencyId, on: verdicts.on })
    .from(justiceProceedings)
    .innerJoin(verdicts, eq(verdicts.proceedingId, justiceProceedings.id))
    .where(
      and(
        agencyId === null ? undefined : eq(justiceProceedings.ownerAgencyId, agencyId),
        sql`not exists (select 1 from ${retentionErasures} e where e.record_id = ${justiceProceedings.id} and e.kind = 'proceeding')`,
      ),
    );
  const dueProceedings: DueProceeding[] = [];
  for (const row of proceedingRows) {
    const dueOn = proceedingDueOn(row.on, policy);
    if (dueOn !== null && dueOn <= until)
      dueProceedings.push({ proceedingId: row.id, agencyId: row.agencyId, dueOn });
  }
  dueCases.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.reference.localeCompare(b.reference));
  dueContacts.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  dueProceedings.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return { cases: dueCases, contacts: dueContacts, proceedings: dueProceedings };
}

/** The supervisor's list: their agency's records due for erasure today, and those due soon. */
export async function listDue(ctx: AppContext, actor: Actor) {
  if (!mayListDue(actor)) throw new Forbidden();
  const policy = policyFor(ctx.jurisdiction.code);
  const today = localDate(ctx.now(), ctx.jurisdiction.timeZone);
  const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + policy.alertDaysBefore * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const due = await dueRecords(ctx, actor.agencyId, horizon);
  return {
    today,
    cases: due.cases.map(({ reference, dueOn, closedOn: closed, held }) => ({
      reference,
      dueOn,
      closedOn: closed,
      held,
      due: dueOn <= today,
    })),
    contacts: due.contacts.map(({ contactId, dueOn, identified }) => ({
      id: contactId,
      dueOn,
      identified,
      due: dueOn <= today,
    })),
    proceedings: due.proceedings.map(({ proceedingId, dueOn }) => ({
      id: proceedingId,
      dueOn,
      due: dueOn <= today,
    })),
  };
}

/** Standing holds placed by the actor's agency, for a prosecutor's or supervisor's overview. */
export async function listHolds(ctx: AppContext, actor: Actor) {
  if (!mayPlaceHold(actor)) throw new Forbidden();
  const rows = await ctx.db
    .select({ hold: legalHolds, reference: cases.reference })
    .from(legalHolds)
    .innerJoin(cases, eq(cases.id, legalHolds.caseId))
    .where(and(eq(legalHolds.agencyId, actor.agencyId), isNull(legalHolds.liftedAt)))
    .orderBy(desc(legalHolds.placedAt));
  return rows.map(({ hold, reference }) => ({
    id: hold.id,
    reference,
    reason: hold.reason,
    proceedingReference: hold.proceedingReference,
    placedAt: hold.placedAt.toISOString(),
  }));
}
