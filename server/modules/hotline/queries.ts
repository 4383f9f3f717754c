import { and, asc, desc, eq, gte, inArray, isNull, lt } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { callerTypes, contactChannels, contactOutcomes, type ContactOutcome } from "../../../shared/hotline";
import { type LanguageCode, languageCodes } from "../../../shared/vocabulary";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import { Forbidden, NotFound } from "../../platform/errors";
import { agencies, users } from "../agencies/schema";
import { cases } from "../cases/schema";
import { orErased } from "../retention/erased";
import {
  isPoliceAgency,
  mayReadAllFigures,
  mayReadContacts,
  mayReadOwnFigures,
  mayReceiveHandovers,
} from "./policy";
import { countBy, startOfDay } from "./rules";
import {
  contactFieldAt,
  hotlineCallbackAttempts,
  hotlineCallbacks,
  hotlineContacts,
  hotlineHandovers,
} from "./schema";

type ContactRow = typeof hotlineContacts.$inferSelect;

const policeAgency = alias(agencies, "police_agency");

/** The hand-overs, callbacks and case of some contacts, without anything sealed. */
async function followUpsOf(ctx: AppContext, contactIds: string[]) {
  if (contactIds.length === 0) return { handovers: [], callbacks: [], attempts: [] };
  const handovers = await ctx.db
    .select({ handover: hotlineHandovers, agency: { id: policeAgency.id, name: policeAgency.name } })
    .from(hotlineHandovers)
    .innerJoin(policeAgency, eq(policeAgency.id, hotlineHandovers.policeAgencyId))
    .where(inArray(hotlineHandovers.contactId, contactIds))
    .orderBy(asc(hotlineHandovers.handedAt));
  const callbacks = await ctx.db
    .select()
    .from(hotlineCallbacks)
    .where(inArray(hotlineCallbacks.contactId, contactIds))
    .orderBy(asc(hotlineCallbacks.dueAt));
  const attempts = callbacks.length
    ? await ctx.db
        .select()
        .from(hotlineCallbackAttempts)
        .where(
          inArray(
            hotlineCallbackAttempts.callbackId,
            callbacks.map((c) => c.id),
          ),
        )
        .orderBy(asc(hotlineCallbackAttempts.attemptedAt))
    : [];
  return { handovers, callbacks, attempts };
}

function presentContacts(
  rows: { contact: ContactRow; reference: string | null }[],
  follow: Awaited<ReturnType<typeof followUpsOf>>,
  now: Date,
) {
  return rows.map(({ contact, reference }) => ({
    id: contact.id,
    receivedAt: contact.receivedAt.toISOString(),
    channel: contact.channel,
    language: contact.language,
    callerType: contact.callerType,
    region: contact.region,
    indicators: contact.indicators,
    urgency: contact.urgency,
    outcome: contact.outcome,
    identifiersKept: contact.identifierConsentAt !== null,
    hasSummary: contact.summary !== null,
    caseReference: reference,
    handovers: follow.handovers
      .filter((h) => h.handover.contactId === contact.id)
      .map(({ handover, agency }) => ({
        id: handover.id,
        agency,
        callerConsent: handover.callerConsent,
        exception: handover.exception,
        handedAt: handover.handedAt.toISOString(),
        acknowledgedAt: handover.acknowledgedAt?.toISOString() ?? null,
      })),
    callbacks: follow.callbacks
      .filter((c) => c.contactId === contact.id)
      .map((callback) => ({
        id: callback.id,
        dueAt: callback.dueAt.toISOString(),
        due: !callback.doneAt && callback.dueAt.getTime() <= now.getTime(),
        doneAt: callback.doneAt?.toISOString() ?? null,
        attempts: follow.attempts
          .filter((a) => a.callbackId === callback.id)
          .map((a) => ({ outcome: a.outcome, attemptedAt: a.attemptedAt.toISOString() })),
      })),
  }));
}

/** The helpline's latest contacts, for its operators and supervisors; nothing sealed is opened. */
export async function listContacts(ctx: AppContext, actor: Actor) {
  if (!mayReadContacts(actor, { agencyId: actor.agencyId })) throw new Forbidden();
  const rows = await ctx.db
    .select({ contact: hotlineContacts, reference: cases.reference })
    .from(hotlineContacts)
    .leftJoin(cases, eq(cases.id, hotlineContacts.caseId))
    .where(eq(hotlineContacts.agencyId, actor.agencyId))
    .orderBy(desc(hotlineContacts.receivedAt))
    .limit(100);
  const follow = await followUpsOf(
    ctx,
    rows.map((r) => r.contact.id),
  );
  return presentContacts(rows, follow, ctx.now());
}

/** One contact with its sealed text opened; the reading is audited before anything is returned. */
export async function getContact(ctx: AppContext, actor: Actor, id: string) {
  const [row] = await ctx.db
    .select({ contact: hotlineContacts, reference: cases.reference })
    .from(hotlineContacts)
    .leftJoin(cases, eq(cases.id, hotlineContacts.caseId))
    .where(eq(hotlineContacts.id, id));
  if (!row || !mayReadContacts(actor, row.contact)) throw new NotFound();
  const [presented] = presentContacts([row], await followUpsOf(ctx, [id]), ctx.now());
  if (!presented) throw new NotFound();
  const { contact } = row;
  const open = (field: "summary" | "caller_name" | "phone", sealed: Buffer | null) =>
    sealed
      ? orErased(ctx.keyring.openText(ctx.db, contact.dataKeyId, contactFieldAt(id, field), sealed))
      : null;
  const opened = {
    summary: await open("summary", contact.summary),
    callerName: await open("caller_name", contact.callerName),
    phone: await open("phone", contact.phone),
  };
  await ctx.db.transaction((tx) =>
    recordAudit(tx, auditActor(actor), {
      action: "hotline_contact.read",
      caseId: contact.caseId,
      entity: "hotline_contact",
      entityId: id,
      detail: { fields: Object.entries(opened).flatMap(([field, value]) => (value === null ? [] : [field])) },
    }),
  );
  return { ...presented, ...opened };
}

interface HandoverView {
  id: string;
  handedAt: string;
  hotline: { id: string; name: string };
  channel: ContactRow["channel"];
  language: ContactRow["language"];
  callerType: ContactRow["callerType"];
  region: string | null;
  indicators: ContactRow["indicators"];
  urgency: ContactRow["urgency"];
  summary: string | null;
  callerConsent: boolean;
  exception: (typeof hotlineHandovers.$inferSelect)["exception"];
  caller: { name: string | null; phone: string | null } | null;
  acknowledgedAt: string | null;
  acknowledgedBy: { id: string; name: string } | null;
}

/**
 * The reports handed to the actor's police unit, latest first: what was reported, where and how
 * urgent. The caller's name and number only when they agreed both to being identified and to the
 * hand-over. Opening the summaries is audited.
 */
export async function listHandovers(ctx: AppContext, actor: Actor) {
  if (!mayReceiveHandovers(actor)) throw new Forbidden();
  const acknowledger = alias(users, "acknowledger");
  const rows = await ctx.db
    .select({
      handover: hotlineHandovers,
      contact: hotlineContacts,
      hotline: { id: agencies.id, name: agencies.name },
      acknowledgedBy: { id: acknowledger.id, name: acknowledger.displayName },
    })
    .from(hotlineHandovers)
    .innerJoin(hotlineContacts, eq(hotlineContacts.id, hotlineHandovers.contactId))
    .innerJoin(agencies, eq(agencies.id, hotlineContacts.agencyId))
    .leftJoin(acknowledger, eq(acknowledger.id, hotlineHandovers.acknowledgedBy))
    .where(eq(hotlineHandovers.policeAgencyId, actor.agencyId))
    .orderBy(desc(hotlineHandovers.handedAt))
    .limit(100);
  const result: HandoverView[] = [];
  for (const { handover, contact, hotline, acknowledgedBy } of rows) {
    const open = (field: "summary" | "caller_name" | "phone", sealed: Buffer | null) =>
      sealed
        ? orErased(ctx.keyring.openText(ctx.db, contact.dataKeyId, contactFieldAt(contact.id, field), sealed))
        : null;
    const identified = handover.callerConsent && contact.identifierConsentAt !== null;
    result.push({
      id: handover.id,
      handedAt: handover.handedAt.toISOString(),
      hotline,
      channel: contact.channel,
      language: contact.language,
      callerType: contact.callerType,
      region: contact.region,
      indicators: contact.indicators,
      urgency: contact.urgency,
      summary: await open("summary", contact.summary),
      callerConsent: handover.callerConsent,
      exception: handover.exception,
      caller: identified
        ? { name: await open("caller_name", contact.callerName), phone: await open("phone", contact.phone) }
        : null,
      acknowledgedAt: handover.acknowledgedAt?.toISOString() ?? null,
      acknowledgedBy: acknowledgedBy?.id ? acknowledgedBy : null,
    });
  }
  if (result.length > 0)
    await ctx.db.transaction(async (tx) => {
      for (const handover of result)
        await recordAudit(tx, auditActor(actor), {
          action: "hotline_handover.read",
          entity: "hotline_handover",
          entityId: handover.id,
          detail: { identified: handover.caller !== null },
        });
    });
  return result;
}

/** The helpline's open callbacks, soonest first, each marked when it is due. */
export async function dueCallbacks(ctx: AppContext, actor: Actor) {
  if (!mayReadContacts(actor, { agencyId: actor.agencyId })) throw new Forbidden();
  const now = ctx.now();
  const rows = await ctx.db
    .select({ callback: hotlineCallbacks, contact: hotlineContacts })
    .from(hotlineCallbacks)
    .innerJoin(hotlineContacts, eq(hotlineContacts.id, hotlineCallbacks.contactId))
    .where(and(eq(hotlineContacts.agencyId, actor.agencyId), isNull(hotlineCallbacks.doneAt)))
    .orderBy(asc(hotlineCallbacks.dueAt));
  const attempts = rows.length
    ? await ctx.db
        .select()
        .from(hotlineCallbackAttempts)
        .where(
          inArray(
            hotlineCallbackAttempts.callbackId,
            rows.map((r) => r.callback.id),
          ),
        )
    : [];
  return rows.map(({ callback, contact }) => ({
    id: callback.id,
    contactId: contact.id,
    dueAt: callback.dueAt.toISOString(),
    due: callback.dueAt.getTime() <= now.getTime(),
    language: contact.language,
    channel: contact.channel,
    attempts: attempts.filter((a) => a.callbackId === callback.id).length,
  }));
}

/** The police agencies a report can be handed to. */
export async function policeAgencies(ctx: AppContext, actor: Actor) {
  if (!mayReadContacts(actor, { agencyId: actor.agencyId })) throw new Forbidden();
  const rows = await ctx.db
    .select({ id: agencies.id, name: agencies.name, type: agencies.type })
    .from(agencies)
    .where(eq(agencies.active, true))
    .orderBy(asc(agencies.name));
  // The anti-trafficking unit first: it is the one a trafficking report normally goes to.
  const rank = (type: string) => (type === "police_anti_trafficking" ? 0 : 1);
  return rows
    .filter((a) => isPoliceAgency(a.type))
    .sort((a, b) => rank(a.type) - rank(b.type))
    .map(({ id, name }) => ({ id, name }));
}

/**
 * Contacts in a period (local days, both included) by channel, language, caller type and outcome:
 * the helpline's own for its staff, every helpline's for the coordinators. Counts only.
 */
export async function contactFigures(ctx: AppContext, actor: Actor, period: { from: string; to: string }) {
  const all = mayReadAllFigures(actor);
  if (!all && !mayReadOwnFigures(actor)) throw new Forbidden();
  const timeZone = ctx.jurisdiction.timeZone;
  const start = startOfDay(period.from, timeZone);
  const next = new Date(`${period.to}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const end = startOfDay(next.toISOString().slice(0, 10), timeZone);
  const rows = await ctx.db
    .select({
      channel: hotlineContacts.channel,
      language: hotlineContacts.language,
      callerType: hotlineContacts.callerType,
      outcome: hotlineContacts.outcome,
    })
    .from(hotlineContacts)
    .where(
      and(
        all ? undefined : eq(hotlineContacts.agencyId, actor.agencyId),
        gte(hotlineContacts.receivedAt, start),
        lt(hotlineContacts.receivedAt, end),
      ),
    );
  const languages = countBy<LanguageCode>(
    languageCodes,
    rows.map((r) => r.language),
  );
  return {
    from: period.from,
    to: period.to,
    total: rows.length,
    byChannel: countBy(
      contactChannels,
      rows.map((r) => r.channel),
    ),
    byLanguage: Object.fromEntries(Object.entries(languages).filter(([, count]) => count > 0)),
    byCallerType: countBy(
      callerTypes,
      rows.map((r) => r.callerType),
    ),
    byOutcome: countBy<ContactOutcome>(
      contactOutcomes,
      rows.map((r) => r.outcome),
    ),
  };
}
