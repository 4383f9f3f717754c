import { randomBytes } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { EraseCaseInput, ErasureReason, PlaceHoldInput } from "../../../shared/retention";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import type { Tx } from "../../platform/db/types";
import { Conflict, Forbidden, Invalid, NotFound } from "../../platform/errors";
import { localDate } from "../../platform/jurisdiction";
import { resolveAlerts } from "../alerts/commands";
import { isOnCaseTeam, visibleCase } from "../cases/queries";
import { cases, personNameIndex, persons } from "../cases/schema";
import { hotlineContacts } from "../hotline/schema";
import { justiceProceedings, justiceVictims } from "../justice/schema";
import { personMatchKeys, personMerges } from "../matching/schema";
import { statisticsPersonIdentities } from "../statistics/schema";
import { mayErase, mayEraseContact, mayEraseProceeding, mayLiftHold, mayPlaceHold } from "./policy";
import { caseDue, caseErasure, lastVerdictOn, standingHolds } from "./queries";
import { erasureRefusal, hotlineContactDueOn, policyFor, proceedingDueOn } from "./rules";
import { legalHolds, retentionErasures } from "./schema";

export const retentionAlertKind = "retention_due";

/** The case's row, locked: an erasure and a hold on the same case never pass each other. */
async function lockCase(tx: Tx, caseId: string) {
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for("update");
  if (!row) throw new NotFound();
  return row;
}

/**
 * Removes every keyed hash that could still tie the erased person to a name: name search tokens
 * and matching keys go (one empty key stays, so that matching does not compute keys again from
 * the erased fields), and the statistics identity key is replaced by a random pseudonym, the same
 * for every record that shared it, so the person is still counted once and counts do not move.
 */
async function unlinkPerson(tx: Tx, personId: string): Promise<void> {
  await tx.delete(personNameIndex).where(eq(personNameIndex.personId, personId));
  await tx.delete(personMatchKeys).where(eq(personMatchKeys.personId, personId));
  await tx.insert(personMatchKeys).values({ personId, key: Buffer.alloc(0) });
  const [identity] = await tx
    .select({ key: statisticsPersonIdentities.identityKey })
    .from(statisticsPersonIdentities)
    .where(eq(statisticsPersonIdentities.personId, personId));
  const linked = [identity?.key].filter((k): k is Buffer => k !== undefined);
  const [merge] = await tx
    .select({ key: personMerges.originalIdentityKey })
    .from(personMerges)
    .where(eq(personMerges.personId, personId));
  if (merge?.key) linked.push(merge.key);
  for (const old of linked) {
    const pseudonym = randomBytes(16);
    await tx
      .update(statisticsPersonIdentities)
      .set({ identityKey: pseudonym })
      .where(eq(statisticsPersonIdentities.identityKey, old));
    await tx
      .update(personMerges)
      .set({ originalIdentityKey: pseudonym })
      .where(eq(personMerges.originalIdentityKey, old));
  }
}

/**
 * Erases the identity of a closed case's person by destroying the person's data key: every field
 * sealed under it (names, birth date, notes, testimonies, reasons, in every module) can never be
 * opened again. Hotline contacts that became this case go with it. The case stays as a shell.
 */
export async function eraseCase(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  input: EraseCaseInput,
): Promise<void> {
  const found = await visibleCase(ctx, actor, reference);
  // Emergency access never reaches this: only an agency on the team answers for the record.
  if (!(await isOnCaseTeam(ctx.db, found.id, actor.agencyId))) throw new NotFound();
  if (!mayErase(actor, found.identifyingAgencyId)) throw new Forbidden();
  if (input.confirmReference !== reference) throw new Invalid("confirmReference", "confirmation_mismatch");
  const now = ctx.now();
  const today = localDate(now, ctx.jurisdiction.timeZone);
  const policy = policyFor(ctx.jurisdiction.code);
  await ctx.db.transaction(async (tx) => {
    const c = await lockCase(tx, found.id);
    const [erasure, holds, { dueOn }] = await Promise.all([
      caseErasure(tx, c.id),
      standingHolds(tx, c.id),
      caseDue(ctx, tx, c, policy),
    ]);
    const refusal = erasureRefusal({
      status: c.status,
      erased: erasure !== null,
      held: holds.length > 0,
      reason: input.reason,
      dueOn,
      today,
    });
    if (refusal) throw new Conflict(refusal);
    const [person] = await tx.select().from(persons).where(eq(persons.id, c.personId));
    if (!person) throw new NotFound();

    await shred(tx, ctx, actor, {
      kind: "person",
      recordId: person.id,
      caseId: c.id,
      dataKeyId: person.dataKeyId,
      reason: input.reason,
      now,
    });
    await unlinkPerson(tx, person.id);
    const contacts = await tx
      .select({ id: hotlineContacts.id, dataKeyId: hotlineContacts.dataKeyId })
      .from(hotlineContacts)
      .where(eq(hotlineContacts.caseId, c.id));
    for (const contact of contacts) {
      await shred(tx, ctx, actor, {
        kind: "hotline_contact",
        recordId: contact.id,
        caseId: c.id,
        dataKeyId: contact.dataKeyId,
        reason: input.reason,
        now,
      });
    }
    await resolveAlerts(tx, { caseId: c.id, kind: retentionAlertKind }, now);
    await recordAudit(tx, auditActor(actor), {
      action: "retention.erase",
      caseId: c.id,
      entity: "case",
      entityId: reference,
      detail: { reference, kind: "person", reason: input.reason, dueOn, hotlineContacts: contacts.length },
    });
  });
}

/** Destroys a record's data key and records the erasure: the record's sealed fields are gone. */
async function shred(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  e: {
    kind: "person" | "hotline_contact" | "proceeding";
    recordId: string;
    caseId: string | null;
    dataKeyId: string;
    reason: ErasureReason;
    now: Date;
  },
): Promise<void> {
  await ctx.keyring.destroyDataKey(tx, e.dataKeyId, e.now);
  await tx
    .insert(retentionErasures)
    .values({
      kind: e.kind,
      recordId: e.recordId,
      caseId: e.caseId,
      dataKeyId: e.dataKeyId,
      reason: e.reason,
      erasedBy: actor.userId,
      agencyId: actor.agencyId,
      erasedAt: e.now,
    })
    .onConflictDoNothing();
}

/**
 * Erases a record that stands apart from any case (a hotline contact, a proceeding): only when due,
 * unless the reason allows it early; its alert ends and the erasure is audited.
 */
async function eraseStandalone(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  e: {
    kind: "hotline_contact" | "proceeding";
    recordId: string;
    dataKeyId: string;
    reason: ErasureReason;
    dueOn: string | null;
    today: string;
    now: Date;
  },
): Promise<void> {
  if (e.reason === "retention_expired" && (e.dueOn === null || e.dueOn > e.today))
    throw new Conflict("retention_not_due");
  await shred(tx, ctx, actor, { ...e, caseId: null });
  await resolveAlerts(
    tx,
    { caseId: null, kind: retentionAlertKind, subject: `${e.kind}:${e.recordId}` },
    e.now,
  );
  await recordAudit(tx, auditActor(actor), {
    action: "retention.erase",
    entity: e.kind,
    entityId: e.recordId,
    detail: { kind: e.kind, reason: e.reason, dueOn: e.dueOn },
  });
}

/** Erases a hotline contact that became no case: its caller's name, phone and the summary. */
export async function eraseContact(
  ctx: AppContext,
  actor: Actor,
  contactId: string,
  reason: ErasureReason,
): Promise<void> {
  const now = ctx.now();
  const today = localDate(now, ctx.jurisdiction.timeZone);
  const policy = policyFor(ctx.jurisdiction.code);
  await ctx.db.transaction(async (tx) => {
    const [contact] = await tx
      .select()
      .from(hotlineContacts)
      .where(eq(hotlineContacts.id, contactId))
      .for("update");
    if (!contact || !mayEraseContact(actor, contact)) throw new NotFound();
    if (contact.caseId !== null) throw new Conflict("contact_follows_case");
    const [erased] = await tx
      .select({ id: retentionErasures.id })
      .from(retentionErasures)
      .where(and(eq(retentionErasures.kind, "hotline_contact"), eq(retentionErasures.recordId, contactId)));
    if (erased) throw new Conflict("already_erased");
    const dueOn = hotlineContactDueOn(
      {
        receivedOn: localDate(contact.receivedAt, ctx.jurisdiction.timeZone),
        identified:
          contact.identifierConsentAt !== null || contact.callerName !== null || contact.phone !== null,
        linkedToCase: false,
      },
      policy,
    );
    await eraseStandalone(tx, ctx, actor, {
      kind: "hotline_contact",
      recordId: contact.id,
      dataKeyId: contact.dataKeyId,
      reason,
      dueOn,
      today,
      now,
    });
  });
}

/** A legal hold keeps the case's identity until it is lifted (a proceeding, an appeal, a claim). */
export async function placeHold(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  input: PlaceHoldInput,
): Promise<{ id: string }> {
  const found = await visibleCase(ctx, actor, reference);
  if (!(await isOnCaseTeam(ctx.db, found.id, actor.agencyId))) throw new NotFound();
  if (!mayPlaceHold(actor)) throw new Forbidden();
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const c = await lockCase(tx, found.id);
    if (await caseErasure(tx, c.id)) throw new Conflict("already_erased");
    const [row] = await tx
      .insert(legalHolds)
      .values({
        caseId: c.id,
        reason: input.reason,
        proceedingReference: input.proceedingReference || null,
        agencyId: actor.agencyId,
        placedBy: actor.userId,
        placedAt: now,
      })
      .returning({ id: legalHolds.id });
    if (!row) throw new Error("legal hold was not stored");
    // A held case is not due: its supervisors' alert ends until the hold is lifted.
    await resolveAlerts(tx, { caseId: c.id, kind: retentionAlertKind }, now);
    await recordAudit(tx, auditActor(actor), {
      action: "retention.hold.place",
      caseId: c.id,
      entity: "legal_hold",
      entityId: row.id,
      detail: {
        reference,
        reason: input.reason,
        ...(input.proceedingReference ? { proceedingReference: input.proceedingReference } : {}),
      },
    });
    return { id: row.id };
  });
}

export async function liftHold(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  holdId: string,
): Promise<void> {
  const found = await visibleCase(ctx, actor, reference);
  if (!(await isOnCaseTeam(ctx.db, found.id, actor.agencyId))) throw new NotFound();
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await lockCase(tx, found.id);
    const [hold] = await tx
      .select()
      .from(legalHolds)
      .where(and(eq(legalHolds.id, holdId), eq(legalHolds.caseId, found.id)));
    if (!hold) throw new NotFound();
    if (!mayLiftHold(actor, hold)) throw new Forbidden();
    if (hold.liftedAt !== null) throw new Conflict("hold_already_lifted");
    await tx
      .update(legalHolds)
      .set({ liftedBy: actor.userId, liftedAt: now })
      .where(and(eq(legalHolds.id, hold.id), isNull(legalHolds.liftedAt)));
    await recordAudit(tx, auditActor(actor), {
      action: "retention.hold.lift",
      caseId: found.id,
      entity: "legal_hold",
      entityId: hold.id,
      detail: { reference, reason: hold.reason },
    });
  });
}

/**
 * Erases a proceeding's own sealed content (the defendants' names) by destroying its key. A legal
 * hold on any of its victims' cases keeps it too: the same appeal or claim needs both.
 */
export async function eraseProceeding(
  ctx: AppContext,
  actor: Actor,
  proceedingId: string,
  reason: ErasureReason,
): Promise<void> {
  const now = ctx.now();
  const today = localDate(now, ctx.jurisdiction.timeZone);
  const policy = policyFor(ctx.jurisdiction.code);
  await ctx.db.transaction(async (tx) => {
    const [proceeding] = await tx
      .select()
      .from(justiceProceedings)
      .where(eq(justiceProceedings.id, proceedingId))
      .for("update");
    if (!proceeding || !mayEraseProceeding(actor, proceeding)) throw new NotFound();
    const [erased] = await tx
      .select({ id: retentionErasures.id })
      .from(retentionErasures)
      .where(and(eq(retentionErasures.kind, "proceeding"), eq(retentionErasures.recordId, proceedingId)));
    if (erased) throw new Conflict("already_erased");
    const victims = await tx
      .select({ caseId: justiceVictims.caseId })
      .from(justiceVictims)
      .where(eq(justiceVictims.proceedingId, proceedingId));
    if (victims.length > 0) {
      const [held] = await tx
        .select({ id: legalHolds.id })
        .from(legalHolds)
        .where(
          and(
            isNull(legalHolds.liftedAt),
            inArray(
              legalHolds.caseId,
              victims.map((v) => v.caseId),
            ),
          ),
        )
        .limit(1);
      if (held) throw new Conflict("legal_hold");
    }
    const dueOn = proceedingDueOn(await lastVerdictOn(tx, proceedingId), policy);
    await eraseStandalone(tx, ctx, actor, {
      kind: "proceeding",
      recordId: proceeding.id,
      dataKeyId: proceeding.dataKeyId,
      reason,
      dueOn,
      today,
      now,
    });
  });
}
