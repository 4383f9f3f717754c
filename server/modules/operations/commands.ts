import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { BatchInput, NoticeInput } from "../../../shared/operations";
import type { RegistrationInput } from "../../../shared/registration";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { type AuditActor, recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import type { Tx } from "../../platform/db/types";
import { Conflict, Forbidden, Invalid, NotFound } from "../../platform/errors";
import { agencies } from "../agencies/schema";
import { raiseAlert, resolveAlerts } from "../alerts/commands";
import { prepareRegistration, type PreparedRegistration, writeRegistration } from "../cases/commands";
import { isFilingPolice, mayFileNotice } from "./policy";
import { placesFor, shortageOf } from "./queries";
import { nextStatus } from "./rules";
import { noticeStartTimeAt, noticeTargetAt, operationCases, operationNotices } from "./schema";

type NoticeRow = typeof operationNotices.$inferSelect;

/**
 * Compares the notice's expected people with the free places and records a change in the shortage
 * on the notice. A new or changed shortage is written to the audit trail (codes and numbers only),
 * for the coordinators to arrange temporary places. Answers whether a shortage was newly noted.
 */
export async function recheckPlaces(
  tx: Tx,
  actor: AuditActor,
  notice: NoticeRow,
  now: Date,
): Promise<boolean> {
  const shortage = shortageOf(notice, await placesFor(tx, notice));
  const adultsShort = shortage?.adultsShort ?? 0;
  const minorsShort = shortage?.minorsShort ?? 0;
  if (adultsShort === notice.adultsShort && minorsShort === notice.minorsShort) return false;
  await tx
    .update(operationNotices)
    .set({ adultsShort, minorsShort })
    .where(eq(operationNotices.id, notice.id));
  // The coordinators' alert says the numbers as they are now: a changed shortage replaces it.
  await resolveAlerts(tx, { caseId: null, kind: "places_short", subject: notice.id }, now);
  if (!shortage) return false;
  const coordinators = await tx
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.type, "national_coordinator"), eq(agencies.active, true)));
  for (const coordinator of coordinators)
    await raiseAlert(
      tx,
      {
        caseId: null,
        agencyId: coordinator.id,
        role: "coordinator",
        kind: "places_short",
        subject: notice.id,
        params: { date: notice.plannedOn, region: notice.region, adultsShort, minorsShort },
      },
      now,
    );
  await recordAudit(tx, actor, {
    action: "operation.places_short",
    entity: "operation_notice",
    entityId: notice.id,
    detail: { adultsShort, minorsShort, date: notice.plannedOn },
  });
  return true;
}

/** Files an advance notice; the target and the start time are sealed before they reach the database. */
export async function fileNotice(ctx: AppContext, actor: Actor, input: NoticeInput): Promise<{ id: string }> {
  if (!mayFileNotice(actor)) throw new Forbidden();
  if (!ctx.jurisdiction.regions.some((r) => r.code === input.region))
    throw new Invalid("region", "invalid_choice");
  if (input.expectedMinors > input.expectedPeople)
    throw new Invalid("expectedMinors", "minors_exceed_people");
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    const [notice] = await tx
      .insert(operationNotices)
      .values({
        id,
        agencyId: actor.agencyId,
        plannedOn: input.plannedOn,
        region: input.region,
        expectedPeople: input.expectedPeople,
        expectedMinors: input.expectedMinors,
        languages: [...new Set(input.languages)],
        target: await ctx.keyring.sealSystem(tx, noticeTargetAt(id), input.target),
        startTime: await ctx.keyring.sealSystem(tx, noticeStartTimeAt(id), input.startTime),
        filedBy: actor.userId,
        filedAt: ctx.now(),
      })
      .returning();
    if (!notice) throw new Error("notice not stored");
    await recordAudit(tx, auditActor(actor), {
      action: "operation.file",
      entity: "operation_notice",
      entityId: id,
      detail: {
        plannedOn: input.plannedOn,
        region: input.region,
        expectedPeople: input.expectedPeople,
        expectedMinors: input.expectedMinors,
      },
    });
    // The new notice takes places in the queue: those planned after it may now fall short too.
    const queue = await tx
      .select()
      .from(operationNotices)
      .where(inArray(operationNotices.status, ["planned", "started"]))
      .for("update");
    for (const open of queue)
      await recheckPlaces(tx, auditActor(actor), open.id === id ? notice : open, ctx.now());
    return { id };
  });
}

async function ownNotice(tx: Tx, actor: Actor, id: string): Promise<NoticeRow> {
  const [notice] = await tx.select().from(operationNotices).where(eq(operationNotices.id, id)).for("update");
  if (!notice || !isFilingPolice(actor, notice)) throw new NotFound();
  return notice;
}

/** The filing police move the operation on: started (the coordination group now sees when), then finished. */
export async function moveNotice(
  ctx: AppContext,
  actor: Actor,
  id: string,
  status: "started" | "finished",
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const notice = await ownNotice(tx, actor, id);
    if (nextStatus(notice.status) !== status) throw new Conflict("operation_status_order");
    const now = ctx.now();
    await tx
      .update(operationNotices)
      .set(status === "started" ? { status, startedAt: now } : { status, finishedAt: now })
      .where(eq(operationNotices.id, id));
    await recordAudit(tx, auditActor(actor), {
      action: status === "started" ? "operation.start" : "operation.finish",
      entity: "operation_notice",
      entityId: id,
      detail: { status },
    });
  });
}

/**
 * Registers everyone found in the operation at once (seed 000: quick registration after a raid),
 * each as the registration form would, all in one transaction: one bad row and nobody is
 * registered, with the row's field named (`people.3.birthDate`). The cases are linked to the notice.
 */
export async function registerFound(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: BatchInput,
): Promise<{ references: string[] }> {
  const [notice] = await ctx.db.select().from(operationNotices).where(eq(operationNotices.id, id));
  if (!notice || !isFilingPolice(actor, notice)) throw new NotFound();
  if (notice.status === "planned") throw new Conflict("operation_not_started");
  const prepared: PreparedRegistration[] = [];
  for (const [index, person] of input.people.entries()) {
    const registration: RegistrationInput = {
      person: { ...person, otherLanguages: [] },
      identificationDate: input.identificationDate,
      identificationRegion: input.identificationRegion,
      source: input.source,
      traffickingStatus: "PossibleVictimOfTrafficking",
      exploitationTypes: [],
      controlMethods: [],
    };
    try {
      prepared.push(await prepareRegistration(ctx, actor, registration));
    } catch (error) {
      if (error instanceof Invalid && error.field.startsWith("person."))
        throw new Invalid(`people.${index}.${error.field.slice("person.".length)}`, error.code, error.params);
      throw error;
    }
  }
  return ctx.db.transaction(async (tx) => {
    await ownNotice(tx, actor, id);
    const references: string[] = [];
    const now = ctx.now();
    for (const one of prepared) {
      const { reference, caseId } = await writeRegistration(tx, ctx, actor, one);
      await tx.insert(operationCases).values({ caseId, noticeId: id, registeredAt: now });
      references.push(reference);
    }
    await recordAudit(tx, auditActor(actor), {
      action: "operation.register",
      entity: "operation_notice",
      entityId: id,
      detail: { count: references.length, references },
    });
    return { references };
  });
}
