import { randomUUID } from "node:crypto";
import { and, count, eq, isNull } from "drizzle-orm";
import type { AdmissionInput, DischargeInput, RiskLevel, ShelterInput } from "../../../shared/shelters";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import type { Tx } from "../../platform/db/types";
import { Conflict, Forbidden, Invalid, NotFound } from "../../platform/errors";
import { localDate } from "../../platform/jurisdiction";
import { agencies } from "../agencies/schema";
import { visibleCase } from "../cases/queries";
import { sealCaseText } from "../cases/sealing";
import { currentRiskLevel } from "../security/risk";
import { isShelterStaff, mayCreateShelter, mayOverrideChildPlacement } from "./policy";
import { placementRefusal } from "./rules";
import { overrideReasonAt, shelterAddressAt, shelterContactsAt, shelters, shelterStays } from "./schema";

const today = (ctx: AppContext) => localDate(ctx.now(), ctx.jurisdiction.timeZone);

/**
 * Sets up a shelter. Its address and contacts are sealed before they reach the database, and the
 * audit row names the shelter by code only.
 */
export async function createShelter(
  ctx: AppContext,
  actor: Actor,
  input: ShelterInput,
): Promise<{ id: string }> {
  if (!mayCreateShelter(actor)) throw new Forbidden();
  const isSystemAdmin = actor.roles.includes("system_admin");
  const agencyId = isSystemAdmin ? input.agencyId : actor.agencyId;
  if (!agencyId) throw new Invalid("agencyId", "required");
  if (!isSystemAdmin && input.agencyId && input.agencyId !== actor.agencyId) throw new Forbidden();
  const [agency] = await ctx.db
    .select({ type: agencies.type })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  if (agency?.type !== "shelter_operator") throw new Invalid("agencyId", "not_a_shelter_operator");
  const [taken] = await ctx.db
    .select({ id: shelters.id })
    .from(shelters)
    .where(eq(shelters.codeName, input.codeName));
  if (taken) throw new Invalid("codeName", "duplicate_code");
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    const contacts = input.contacts?.trim();
    await tx.insert(shelters).values({
      id,
      agencyId,
      codeName: input.codeName,
      kind: input.kind,
      secure: input.secure,
      riskLevels: [...new Set(input.riskLevels)],
      capacity: input.capacity,
      address: await ctx.keyring.sealSystem(tx, shelterAddressAt(id), input.address),
      contacts: contacts ? await ctx.keyring.sealSystem(tx, shelterContactsAt(id), contacts) : null,
      createdBy: actor.userId,
      createdAt: ctx.now(),
    });
    await recordAudit(tx, auditActor(actor), {
      action: "shelter.create",
      entity: "shelter",
      entityId: id,
      detail: {
        codeName: input.codeName,
        kind: input.kind,
        capacity: input.capacity,
        operatorAgencyId: agencyId,
      },
    });
    return { id };
  });
}

/** The shelter, locked until the transaction ends: two admissions cannot both take the last bed. */
async function lockedShelter(tx: Tx, shelterId: string) {
  const [row] = await tx.select().from(shelters).where(eq(shelters.id, shelterId)).for("update");
  return row;
}

const occupiedBeds = async (tx: Tx, shelterId: string) => {
  const [row] = await tx
    .select({ n: count() })
    .from(shelterStays)
    .where(and(eq(shelterStays.shelterId, shelterId), isNull(shelterStays.dischargedOn)));
  return row?.n ?? 0;
};

/**
 * Admits a case's person to a shelter. The shelter's own staff admit, and only for a case their
 * agency works on (else 404, as for any hidden case). A full shelter refuses (no overbooking). A
 * person already staying somewhere is discharged first, or transferred: the receiving shelter's
 * admission then ends the former stay in the same transaction. A child goes to a
 * children's shelter unless a supervisor overrides with a reason, sealed under the person's key.
 */
export async function admit(
  ctx: AppContext,
  actor: Actor,
  shelterId: string,
  input: AdmissionInput,
): Promise<{ id: string; riskLevel: RiskLevel | null }> {
  const found = await visibleCase(ctx, actor, input.reference);
  if (input.admittedOn > today(ctx)) throw new Invalid("admittedOn", "date_in_future");
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    const shelter = await lockedShelter(tx, shelterId);
    if (!shelter) throw new NotFound();
    if (!isShelterStaff(actor, shelter)) throw new Forbidden();
    const refusal = placementRefusal(
      found.pathway,
      shelter.kind,
      input.override ? { bySupervisor: mayOverrideChildPlacement(actor) } : null,
    );
    if (refusal === "forbidden") throw new Forbidden();
    if (refusal) throw new Conflict(refusal);
    // A shelter states the risk levels it can protect (issue 4): a person at a higher risk goes
    // elsewhere unless a supervisor overrides, with the reason recorded as for a child.
    const risk = await currentRiskLevel(tx, found.id);
    const riskMismatch = !!risk && !shelter.riskLevels.includes(risk.level);
    if (riskMismatch && !input.override) throw new Conflict("risk_level_not_accepted");
    if (riskMismatch && !mayOverrideChildPlacement(actor)) throw new Forbidden();
    const [staying] = await tx
      .select({ id: shelterStays.id, shelterId: shelterStays.shelterId, admittedOn: shelterStays.admittedOn })
      .from(shelterStays)
      .where(and(eq(shelterStays.caseId, found.id), isNull(shelterStays.dischargedOn)))
      .for("update");
    if (staying && (!input.transfer || staying.shelterId === shelter.id))
      throw new Conflict("already_in_shelter");
    if ((await occupiedBeds(tx, shelter.id)) >= shelter.capacity) throw new Conflict("shelter_full");
    if (staying) {
      // A transfer: the stay in the former shelter ends the day the new one begins, in the same step.
      if (input.admittedOn < staying.admittedOn)
        throw new Invalid("admittedOn", "discharge_before_admission");
      await tx
        .update(shelterStays)
        .set({ dischargedOn: input.admittedOn, dischargeReason: "transferred", dischargedBy: actor.userId })
        .where(eq(shelterStays.id, staying.id));
      await recordAudit(tx, auditActor(actor), {
        action: "shelter.discharge",
        caseId: found.id,
        entity: "shelter_stay",
        entityId: staying.id,
        detail: {
          reference: found.reference,
          shelterId: staying.shelterId,
          reason: "transferred",
          dischargedOn: input.admittedOn,
          toShelterId: shelter.id,
        },
      });
    }
    const childOverride = found.pathway === "child" && shelter.kind !== "children" && !!input.override;
    const overridden = childOverride || (riskMismatch && !!input.override);
    await tx.insert(shelterStays).values({
      id,
      shelterId: shelter.id,
      caseId: found.id,
      admissionType: input.type,
      admittedOn: input.admittedOn,
      admittedBy: actor.userId,
      overrideReason:
        overridden && input.override
          ? await sealCaseText(ctx, tx, found.id, overrideReasonAt(id), input.override.reason)
          : null,
      overrideBy: overridden ? actor.userId : null,
      recordedAt: ctx.now(),
    });
    await recordAudit(tx, auditActor(actor), {
      action: "shelter.admit",
      caseId: found.id,
      entity: "shelter_stay",
      entityId: id,
      detail: {
        reference: found.reference,
        shelterId: shelter.id,
        codeName: shelter.codeName,
        type: input.type,
        admittedOn: input.admittedOn,
        childOverride,
        riskLevel: risk?.level ?? null,
        riskOverride: riskMismatch,
        transferFrom: staying?.shelterId ?? null,
      },
    });
    return { id, riskLevel: risk?.level ?? null };
  });
}

/** Ends a stay; the bed is free again. Only the shelter's own staff discharge. */
export async function discharge(
  ctx: AppContext,
  actor: Actor,
  stayId: string,
  input: DischargeInput,
): Promise<void> {
  if (input.dischargedOn > today(ctx)) throw new Invalid("dischargedOn", "date_in_future");
  await ctx.db.transaction(async (tx) => {
    const [stay] = await tx.select().from(shelterStays).where(eq(shelterStays.id, stayId)).for("update");
    if (!stay) throw new NotFound();
    const [shelter] = await tx.select().from(shelters).where(eq(shelters.id, stay.shelterId));
    if (!shelter || !isShelterStaff(actor, shelter)) throw new NotFound();
    if (stay.dischargedOn) throw new Conflict("already_discharged");
    if (input.dischargedOn < stay.admittedOn) throw new Invalid("dischargedOn", "discharge_before_admission");
    await tx
      .update(shelterStays)
      .set({ dischargedOn: input.dischargedOn, dischargeReason: input.reason, dischargedBy: actor.userId })
      .where(eq(shelterStays.id, stay.id));
    await recordAudit(tx, auditActor(actor), {
      action: "shelter.discharge",
      caseId: stay.caseId,
      entity: "shelter_stay",
      entityId: stay.id,
      detail: {
        shelterId: shelter.id,
        codeName: shelter.codeName,
        reason: input.reason,
        dischargedOn: input.dischargedOn,
      },
    });
  });
}
