import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { CallbackOutcome, ContactCaseInput, ContactInput, HandoverInput } from "../../../shared/hotline";
import type { RegistrationInput } from "../../../shared/registration";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import type { Tx } from "../../platform/db/types";
import { Conflict, Forbidden, Invalid, NotFound } from "../../platform/errors";
import { localDate } from "../../platform/jurisdiction";
import { agencies } from "../agencies/schema";
import { raiseAlert, resolveAlerts } from "../alerts/commands";
import { prepareRegistration, writeRegistration } from "../cases/commands";
import { visibleCase } from "../cases/queries";
import {
  isPoliceAgency,
  mayFollowUp,
  mayOpenCaseFromContact,
  mayReceiveHandovers,
  mayTakeContacts,
} from "./policy";
import {
  endsCallback,
  handoverIssue,
  identifierIssue,
  normalisedIndicators,
  registrationFacts,
} from "./rules";
import {
  contactFieldAt,
  hotlineCallbackAttempts,
  hotlineCallbacks,
  hotlineContacts,
  hotlineHandovers,
} from "./schema";

/** The alert the police unit gets for a hand-over; resolved when someone there acknowledges it. */
export const dangerAlertKind = "hotline_danger";

type ContactRow = typeof hotlineContacts.$inferSelect;

/**
 * Records a contact. The summary is sealed under the contact's own key; a name or number is kept
 * only with the caller's recorded consent, and refused with the field named otherwise: an
 * anonymous line that quietly kept numbers would betray the people it is for (seed 003).
 */
export async function recordContact(
  ctx: AppContext,
  actor: Actor,
  input: ContactInput,
): Promise<{ id: string }> {
  if (!mayTakeContacts(actor)) throw new Forbidden();
  const issue = identifierIssue(input);
  if (issue) throw new Invalid(issue.field, issue.code);
  if (input.region && !ctx.jurisdiction.regions.some((r) => r.code === input.region))
    throw new Invalid("region", "invalid_choice");
  const id = randomUUID();
  const now = ctx.now();
  const consented = input.identifierConsent && !!(input.callerName || input.phone);
  return ctx.db.transaction(async (tx) => {
    const keyId = await ctx.keyring.createDataKey(tx, "hotline_contact");
    const seal = (field: "summary" | "caller_name" | "phone", value: string | null | undefined) =>
      value ? ctx.keyring.sealText(tx, keyId, contactFieldAt(id, field), value) : Promise.resolve(null);
    await tx.insert(hotlineContacts).values({
      id,
      agencyId: actor.agencyId,
      operatorId: actor.userId,
      channel: input.channel,
      language: input.language,
      callerType: input.callerType,
      region: input.region ?? null,
      indicators: normalisedIndicators(input.indicators),
      urgency: input.urgency,
      outcome: input.outcome,
      dataKeyId: keyId,
      summary: await seal("summary", input.summary),
      identifierConsentAt: consented ? now : null,
      callerName: consented ? await seal("caller_name", input.callerName) : null,
      phone: consented ? await seal("phone", input.phone) : null,
      receivedAt: now,
    });
    await recordAudit(tx, auditActor(actor), {
      action: "hotline_contact.record",
      entity: "hotline_contact",
      entityId: id,
      detail: {
        channel: input.channel,
        language: input.language,
        callerType: input.callerType,
        urgency: input.urgency,
        identifiersKept: consented,
      },
    });
    return { id };
  });
}

async function lockedContact(tx: Tx, id: string): Promise<ContactRow | undefined> {
  const [contact] = await tx.select().from(hotlineContacts).where(eq(hotlineContacts.id, id)).for("update");
  return contact;
}

/**
 * Imminent danger: the report goes to a police agency at once, on the caller's consent or a
 * recorded exception. The unit's investigators are alerted (codes only: region, urgency); they
 * read the report on the hotline page and acknowledge it.
 */
export async function handOver(
  ctx: AppContext,
  actor: Actor,
  contactId: string,
  input: HandoverInput,
): Promise<{ id: string }> {
  const issue = handoverIssue(input);
  if (issue) throw new Invalid(issue.field, issue.code);
  const [police] = await ctx.db.select().from(agencies).where(eq(agencies.id, input.policeAgencyId));
  if (!police || !police.active || !isPoliceAgency(police.type))
    throw new Invalid("policeAgencyId", "hotline_not_police");
  const id = randomUUID();
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const contact = await lockedContact(tx, contactId);
    if (!contact || !mayFollowUp(actor, contact)) throw new NotFound();
    await tx.insert(hotlineHandovers).values({
      id,
      contactId,
      policeAgencyId: police.id,
      callerConsent: input.callerConsent,
      exception: input.callerConsent ? null : (input.exception ?? null),
      handedBy: actor.userId,
      handedAt: now,
    });
    if (!contact.caseId)
      await tx
        .update(hotlineContacts)
        .set({ outcome: "police_handover" })
        .where(eq(hotlineContacts.id, contactId));
    await raiseAlert(
      tx,
      {
        caseId: null,
        agencyId: police.id,
        role: "police_investigator",
        kind: dangerAlertKind,
        subject: id,
        level: 0,
        params: {
          handover: id,
          region: contact.region ?? "",
          urgency: contact.urgency,
          indicators: contact.indicators.length,
        },
        dueAt: now,
      },
      now,
    );
    await recordAudit(tx, auditActor(actor), {
      action: "hotline_handover.create",
      entity: "hotline_handover",
      entityId: id,
      detail: {
        contactId,
        policeAgencyId: police.id,
        callerConsent: input.callerConsent,
        exception: input.callerConsent ? null : (input.exception ?? null),
      },
    });
    return { id };
  });
}

/** The police unit has the report and is on it: the time is recorded and the alert ends. */
export async function acknowledgeHandover(ctx: AppContext, actor: Actor, handoverId: string): Promise<void> {
  if (!mayReceiveHandovers(actor)) throw new NotFound();
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const [handover] = await tx
      .select()
      .from(hotlineHandovers)
      .where(eq(hotlineHandovers.id, handoverId))
      .for("update");
    if (!handover || handover.policeAgencyId !== actor.agencyId) throw new NotFound();
    if (handover.acknowledgedAt) return;
    await tx
      .update(hotlineHandovers)
      .set({ acknowledgedAt: now, acknowledgedBy: actor.userId })
      .where(eq(hotlineHandovers.id, handoverId));
    await resolveAlerts(tx, { caseId: null, kind: dangerAlertKind, subject: handoverId }, now);
    await recordAudit(tx, auditActor(actor), {
      action: "hotline_handover.acknowledge",
      entity: "hotline_handover",
      entityId: handoverId,
      detail: {
        contactId: handover.contactId,
        minutes: Math.round((now.getTime() - handover.handedAt.getTime()) / 60_000),
      },
    });
  });
}

/**
 * With the person's consent the contact becomes a case, through registration as the form would
 * do it (source "hotline"); what was reported fills the exploitation and control fields.
 */
export async function openCaseFromContact(
  ctx: AppContext,
  actor: Actor,
  contactId: string,
  input: ContactCaseInput,
): Promise<{ reference: string }> {
  const [contact] = await ctx.db.select().from(hotlineContacts).where(eq(hotlineContacts.id, contactId));
  if (!contact || contact.agencyId !== actor.agencyId) throw new NotFound();
  if (!mayOpenCaseFromContact(actor, contact)) throw new Forbidden();
  if (contact.caseId) throw new Conflict("hotline_already_on_case");
  const registration: RegistrationInput = {
    person: {
      givenName: input.givenName,
      familyName: input.familyName ?? null,
      gender: input.gender,
      birthDate: input.birthDate ?? null,
      estimatedAge: input.estimatedAge ?? null,
      citizenship: input.citizenship,
      primaryLanguage: contact.language,
      otherLanguages: [],
    },
    identificationDate: localDate(ctx.now(), ctx.jurisdiction.timeZone),
    identificationRegion: input.identificationRegion,
    source: "hotline",
    traffickingStatus: "PossibleVictimOfTrafficking",
    ...registrationFacts(contact.indicators),
  };
  let prepared;
  try {
    prepared = await prepareRegistration(ctx, actor, registration);
  } catch (error) {
    if (error instanceof Invalid && error.field.startsWith("person."))
      throw new Invalid(error.field.slice("person.".length), error.code, error.params);
    throw error;
  }
  return ctx.db.transaction(async (tx) => {
    const locked = await lockedContact(tx, contactId);
    if (!locked || locked.caseId) throw new Conflict("hotline_already_on_case");
    const { reference, caseId } = await writeRegistration(tx, ctx, actor, prepared);
    await tx
      .update(hotlineContacts)
      .set({ caseId, caseConsentAt: ctx.now(), outcome: "case_opened" })
      .where(eq(hotlineContacts.id, contactId));
    await recordAudit(tx, auditActor(actor), {
      action: "hotline_contact.open_case",
      caseId,
      entity: "hotline_contact",
      entityId: contactId,
      detail: { reference },
    });
    return { reference };
  });
}

/** With consent, the contact joins a case the actor's agency already works on. */
export async function linkContactToCase(
  ctx: AppContext,
  actor: Actor,
  contactId: string,
  reference: string,
): Promise<{ reference: string }> {
  const [contact] = await ctx.db.select().from(hotlineContacts).where(eq(hotlineContacts.id, contactId));
  if (!contact || !mayFollowUp(actor, contact)) throw new NotFound();
  if (contact.caseId) throw new Conflict("hotline_already_on_case");
  let found;
  try {
    found = await visibleCase(ctx, actor, reference);
  } catch (error) {
    if (error instanceof NotFound) throw new Invalid("reference", "not_found");
    throw error;
  }
  await ctx.db.transaction(async (tx) => {
    const locked = await lockedContact(tx, contactId);
    if (!locked || locked.caseId) throw new Conflict("hotline_already_on_case");
    await tx
      .update(hotlineContacts)
      .set({ caseId: found.id, caseConsentAt: ctx.now(), outcome: "linked_to_case" })
      .where(eq(hotlineContacts.id, contactId));
    await recordAudit(tx, auditActor(actor), {
      action: "hotline_contact.link_case",
      caseId: found.id,
      entity: "hotline_contact",
      entityId: contactId,
      detail: { reference },
    });
  });
  return { reference };
}

/**
 * A callback the operator promised. Calling back needs a number kept with consent, unless the
 * contact came by message or web form and is answered there.
 */
export async function scheduleCallback(
  ctx: AppContext,
  actor: Actor,
  contactId: string,
  dueAt: Date,
): Promise<{ id: string }> {
  const id = randomUUID();
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const contact = await lockedContact(tx, contactId);
    if (!contact || !mayFollowUp(actor, contact)) throw new NotFound();
    const answeredInChannel = contact.channel === "message" || contact.channel === "web_form";
    if (!answeredInChannel && !contact.phone) throw new Invalid("dueAt", "hotline_not_reachable");
    await tx
      .insert(hotlineCallbacks)
      .values({ id, contactId, dueAt, scheduledBy: actor.userId, scheduledAt: now });
    if (!contact.caseId && contact.outcome !== "police_handover")
      await tx
        .update(hotlineContacts)
        .set({ outcome: "callback_planned" })
        .where(eq(hotlineContacts.id, contactId));
    await recordAudit(tx, auditActor(actor), {
      action: "hotline_callback.schedule",
      entity: "hotline_callback",
      entityId: id,
      detail: { contactId, dueAt: dueAt.toISOString() },
    });
    return { id };
  });
}

/** One attempt and its outcome; reaching the caller (or learning they cannot be reached) ends it. */
export async function recordCallbackAttempt(
  ctx: AppContext,
  actor: Actor,
  callbackId: string,
  outcome: CallbackOutcome,
): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ callback: hotlineCallbacks, contact: hotlineContacts })
      .from(hotlineCallbacks)
      .innerJoin(hotlineContacts, eq(hotlineContacts.id, hotlineCallbacks.contactId))
      .where(eq(hotlineCallbacks.id, callbackId))
      .for("update", { of: hotlineCallbacks });
    if (!row || !mayFollowUp(actor, row.contact)) throw new NotFound();
    if (row.callback.doneAt) throw new Conflict("hotline_callback_done");
    const id = randomUUID();
    await tx.insert(hotlineCallbackAttempts).values({
      id,
      callbackId,
      outcome,
      attemptedBy: actor.userId,
      attemptedAt: now,
    });
    if (endsCallback(outcome))
      await tx
        .update(hotlineCallbacks)
        .set({ doneAt: now })
        .where(and(eq(hotlineCallbacks.id, callbackId), isNull(hotlineCallbacks.doneAt)));
    await recordAudit(tx, auditActor(actor), {
      action: "hotline_callback.attempt",
      entity: "hotline_callback",
      entityId: callbackId,
      detail: { outcome },
    });
  });
}
