import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type {
  AssignmentInput,
  IncidentInput,
  InterpreterAvailability,
  InterpreterInput,
  RelocationInput,
  RiskLevelInput,
} from "../../../shared/security";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import { Conflict, Forbidden, Invalid, NotFound } from "../../platform/errors";
import { visibleCase } from "../cases/queries";
import { sealCaseText } from "../cases/sealing";
import { resolveAlerts } from "../alerts/commands";
import { releaseAlertKind } from "../justice/rules";
import { isShelterStaff } from "../shelters/policy";
import { shelterAddressAt, shelterContactsAt, shelters } from "../shelters/schema";
import { mayManageInterpreters, mayRelocate, maySetRiskLevel } from "./policy";
import {
  caseRiskLevels,
  incidentDescriptionAt,
  interpreterAssignments,
  interpreterNameAt,
  interpreterPhoneAt,
  interpreters,
  riskReasonAt,
  shelterIncidents,
  shelterRelocations,
} from "./schema";

/** Sets the person's risk level; the earlier ones stay as history. The reason is sealed. */
export async function setRiskLevel(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  input: RiskLevelInput,
): Promise<{ id: string }> {
  const found = await visibleCase(ctx, actor, reference);
  if (!maySetRiskLevel(actor)) throw new Forbidden();
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    await tx.insert(caseRiskLevels).values({
      id,
      caseId: found.id,
      level: input.level,
      reason: await sealCaseText(ctx, tx, found.id, riskReasonAt(id), input.reason),
      setBy: actor.userId,
      agencyId: actor.agencyId,
      setAt: ctx.now(),
    });
    // A new risk level is the reassessment a defendant's release calls for (seed 002).
    await resolveAlerts(tx, { caseId: found.id, kind: releaseAlertKind }, ctx.now());
    await recordAudit(tx, auditActor(actor), {
      action: "risk_level.set",
      caseId: found.id,
      entity: "case_risk_level",
      entityId: id,
      detail: { reference: found.reference, level: input.level },
    });
    return { id };
  });
}

async function ownShelter(ctx: AppContext, actor: Actor, shelterId: string) {
  const [shelter] = await ctx.db.select().from(shelters).where(eq(shelters.id, shelterId));
  // Another agency learns nothing about the shelter's incidents, not even that it may record them.
  if (!shelter || !isShelterStaff(actor, shelter)) throw new NotFound();
  return shelter;
}

/** A security incident, recorded by the shelter's own staff; its description is sealed. */
export async function recordIncident(
  ctx: AppContext,
  actor: Actor,
  shelterId: string,
  input: IncidentInput,
): Promise<{ id: string }> {
  const shelter = await ownShelter(ctx, actor, shelterId);
  const now = ctx.now();
  if (input.occurredAt.getTime() > now.getTime()) throw new Invalid("occurredAt", "date_in_future");
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    await tx.insert(shelterIncidents).values({
      id,
      shelterId: shelter.id,
      kind: input.kind,
      occurredAt: input.occurredAt,
      description: await ctx.keyring.sealSystem(tx, incidentDescriptionAt(id), input.description),
      recordedBy: actor.userId,
      recordedAt: now,
    });
    await recordAudit(tx, auditActor(actor), {
      action: "shelter_incident.record",
      entity: "shelter_incident",
      entityId: id,
      detail: { shelterId: shelter.id, codeName: shelter.codeName, kind: input.kind },
    });
    return { id };
  });
}

/**
 * Moves a shelter whose location was compromised. The new address and contacts overwrite the
 * sealed ones, so everyone entitled (the operator's staff) reads the new one and the old one is
 * kept nowhere; only the fact and time of the move remain, linked to the incident.
 */
export async function relocateShelter(
  ctx: AppContext,
  actor: Actor,
  shelterId: string,
  input: RelocationInput,
): Promise<{ id: string }> {
  const shelter = await ownShelter(ctx, actor, shelterId);
  if (!mayRelocate(actor)) throw new Forbidden();
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    const [incident] = await tx
      .select()
      .from(shelterIncidents)
      .where(eq(shelterIncidents.id, input.incidentId));
    if (!incident || incident.shelterId !== shelter.id) throw new Invalid("incidentId", "not_found");
    if (incident.kind !== "location_compromised") throw new Invalid("incidentId", "not_location_compromised");
    const [done] = await tx
      .select({ id: shelterRelocations.id })
      .from(shelterRelocations)
      .where(eq(shelterRelocations.incidentId, incident.id));
    if (done) throw new Conflict("already_relocated");
    const contacts = input.contacts?.trim();
    await tx
      .update(shelters)
      .set({
        address: await ctx.keyring.sealSystem(tx, shelterAddressAt(shelter.id), input.address),
        contacts: contacts ? await ctx.keyring.sealSystem(tx, shelterContactsAt(shelter.id), contacts) : null,
      })
      .where(eq(shelters.id, shelter.id));
    const relocatedAt = ctx.now();
    await tx.insert(shelterRelocations).values({
      id,
      shelterId: shelter.id,
      incidentId: incident.id,
      relocatedBy: actor.userId,
      relocatedAt,
    });
    await recordAudit(tx, auditActor(actor), {
      action: "shelter.relocate",
      entity: "shelter",
      entityId: shelter.id,
      detail: { codeName: shelter.codeName, incidentId: incident.id, relocationId: id },
    });
    return { id };
  });
}

/** Adds an interpreter to the actor's agency's roster; name and phone are sealed at rest. */
export async function addInterpreter(
  ctx: AppContext,
  actor: Actor,
  input: InterpreterInput,
): Promise<{ id: string }> {
  if (!mayManageInterpreters(actor)) throw new Forbidden();
  const id = randomUUID();
  const now = ctx.now();
  const languages = [...new Set(input.languages)];
  return ctx.db.transaction(async (tx) => {
    const phone = input.phone?.trim();
    await tx.insert(interpreters).values({
      id,
      agencyId: actor.agencyId,
      name: await ctx.keyring.sealSystem(tx, interpreterNameAt(id), input.name),
      languages,
      availability: input.availability,
      phone: phone ? await ctx.keyring.sealSystem(tx, interpreterPhoneAt(id), phone) : null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, auditActor(actor), {
      action: "interpreter.create",
      entity: "interpreter",
      entityId: id,
      detail: { languages, availability: input.availability },
    });
    return { id };
  });
}

/** Marks an interpreter available or not; only their own agency's administrator or supervisor. */
export async function setInterpreterAvailability(
  ctx: AppContext,
  actor: Actor,
  interpreterId: string,
  availability: InterpreterAvailability,
): Promise<void> {
  if (!mayManageInterpreters(actor)) throw new Forbidden();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(interpreters)
      .where(eq(interpreters.id, interpreterId))
      .for("update");
    if (!row) throw new NotFound();
    if (row.agencyId !== actor.agencyId) throw new Forbidden();
    await tx
      .update(interpreters)
      .set({ availability, updatedAt: ctx.now() })
      .where(eq(interpreters.id, row.id));
    await recordAudit(tx, auditActor(actor), {
      action: "interpreter.update",
      entity: "interpreter",
      entityId: row.id,
      detail: { availability },
    });
  });
}

/** Books an interpreter for the case's interview, hearing or service; any case team member. */
export async function assignInterpreter(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  input: AssignmentInput,
): Promise<{ id: string }> {
  const found = await visibleCase(ctx, actor, reference);
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    const [interpreter] = await tx
      .select({ id: interpreters.id, availability: interpreters.availability })
      .from(interpreters)
      .where(eq(interpreters.id, input.interpreterId));
    if (!interpreter) throw new Invalid("interpreterId", "not_found");
    if (interpreter.availability !== "available") throw new Conflict("interpreter_unavailable");
    await tx.insert(interpreterAssignments).values({
      id,
      caseId: found.id,
      interpreterId: interpreter.id,
      kind: input.kind,
      on: input.on,
      assignedBy: actor.userId,
      agencyId: actor.agencyId,
      assignedAt: ctx.now(),
    });
    await recordAudit(tx, auditActor(actor), {
      action: "interpreter.assign",
      caseId: found.id,
      entity: "interpreter_assignment",
      entityId: id,
      detail: { reference: found.reference, interpreterId: interpreter.id, kind: input.kind, on: input.on },
    });
    return { id };
  });
}
