import { randomUUID } from "node:crypto";
import { and, count, eq, isNotNull, isNull } from "drizzle-orm";
import type {
  AdmissionInput,
  CriteriaInput,
  DischargeInput,
  EscortInput,
  RiskLevel,
  ShelterInput,
  ShelterUpdateInput,
} from "../../../shared/shelters";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import type { Tx } from "../../platform/db/types";
import { Conflict, Forbidden, Invalid, NotFound } from "../../platform/errors";
import { localDate } from "../../platform/jurisdiction";
import { agencies, users } from "../agencies/schema";
import { visibleCase } from "../cases/queries";
import { sealCaseText } from "../cases/sealing";
import { currentRiskLevel } from "../security/risk";
import { admissionCriteriaCheck, shelterConfigFor } from "./criteria";
import {
  isShelterStaff,
  mayCreateShelter,
  mayManageShelter,
  mayOverrideChildPlacement,
  maySeeShelters,
} from "./policy";
import { placementRefusal } from "./rules";
import {
  overrideReasonAt,
  shelterAddressAt,
  shelterContactsAt,
  shelterEscorts,
  shelterRooms,
  shelters,
  shelterStays,
} from "./schema";

export const today = (ctx: AppContext) => localDate(ctx.now(), ctx.jurisdiction.timeZone);

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
  const rooms = input.rooms ?? [];
  const capacity = rooms.length > 0 ? rooms.reduce((sum, room) => sum + room.beds, 0) : (input.capacity ?? 0);
  return ctx.db.transaction(async (tx) => {
    const contacts = input.contacts?.trim();
    await tx.insert(shelters).values({
      id,
      agencyId,
      codeName: input.codeName,
      kind: input.kind,
      secure: input.secure,
      riskLevels: [...new Set(input.riskLevels)],
      capacity,
      address: await ctx.keyring.sealSystem(tx, shelterAddressAt(id), input.address),
      contacts: contacts ? await ctx.keyring.sealSystem(tx, shelterContactsAt(id), contacts) : null,
      createdBy: actor.userId,
      createdAt: ctx.now(),
    });
    if (rooms.length > 0)
      await tx
        .insert(shelterRooms)
        .values(
          rooms.map((room) => ({ shelterId: id, name: room.name, beds: room.beds, createdAt: ctx.now() })),
        );
    await recordAudit(tx, auditActor(actor), {
      action: "shelter.create",
      entity: "shelter",
      entityId: id,
      detail: {
        codeName: input.codeName,
        kind: input.kind,
        capacity,
        rooms: rooms.length,
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

/** Rooms in use, with the people staying in each. */
async function roomsInUse(tx: Tx, shelterId: string) {
  const rooms = await tx
    .select({ id: shelterRooms.id, name: shelterRooms.name, beds: shelterRooms.beds })
    .from(shelterRooms)
    .where(and(eq(shelterRooms.shelterId, shelterId), isNull(shelterRooms.removedAt)));
  const occupied = await tx
    .select({ roomId: shelterStays.roomId, n: count() })
    .from(shelterStays)
    .where(
      and(
        eq(shelterStays.shelterId, shelterId),
        isNull(shelterStays.dischargedOn),
        isNotNull(shelterStays.roomId),
      ),
    )
    .groupBy(shelterStays.roomId);
  return rooms.map((room) => ({ ...room, occupied: occupied.find((o) => o.roomId === room.id)?.n ?? 0 }));
}

/** The room an admission goes to: required where the shelter is set up by room, and never a full one. */
async function roomForAdmission(
  tx: Tx,
  shelterId: string,
  roomId: string | undefined,
): Promise<string | null> {
  const rooms = await roomsInUse(tx, shelterId);
  if (rooms.length === 0) {
    if (roomId) throw new Invalid("roomId", "invalid_choice");
    return null;
  }
  if (!roomId) throw new Invalid("roomId", "room_required");
  const room = rooms.find((r) => r.id === roomId);
  if (!room) throw new Invalid("roomId", "invalid_choice");
  if (room.occupied >= room.beds) throw new Conflict("room_full");
  return room.id;
}

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
    const roomId = await roomForAdmission(tx, shelter.id, input.roomId);
    const criteria = admissionCriteriaCheck(
      shelterConfigFor(ctx.jurisdiction.code),
      shelter.kind,
      input.type,
      input.criteriaMet ?? [],
    );
    if (criteria.unknownAt !== null) throw new Invalid(`criteriaMet.${criteria.unknownAt}`, "invalid_choice");
    if (criteria.refused) throw new Invalid("criteriaMet", "admission_criteria_unmet");
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
      roomId,
      criteriaMet: [...new Set(input.criteriaMet ?? [])],
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
        roomId,
        criteriaOpen: criteria.open,
      },
    });
    // The person has arrived: the escort duty for this transfer ends, and with it the address.
    await tx
      .update(shelterEscorts)
      .set({ endedAt: ctx.now(), endReason: "admitted" })
      .where(
        and(
          eq(shelterEscorts.caseId, found.id),
          eq(shelterEscorts.toShelterId, shelter.id),
          isNull(shelterEscorts.endedAt),
        ),
      );
    return { id, riskLevel: risk?.level ?? null };
  });
}

/** A stay still under way in one of the actor's own shelters, locked; anyone else is told nothing. */
async function openStayOfOwnShelter(tx: Tx, actor: Actor, stayId: string) {
  const [stay] = await tx.select().from(shelterStays).where(eq(shelterStays.id, stayId)).for("update");
  if (!stay) throw new NotFound();
  const [shelter] = await tx.select().from(shelters).where(eq(shelters.id, stay.shelterId));
  if (!shelter || !isShelterStaff(actor, shelter)) throw new NotFound();
  if (stay.dischargedOn) throw new Conflict("already_discharged");
  return { stay, shelter };
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
    const { stay, shelter } = await openStayOfOwnShelter(tx, actor, stayId);
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

/**
 * Changes a shelter: who it takes, its security, its contacts, and its rooms and beds. A room
 * with someone in it is never removed, and no room gets fewer beds than people staying in it.
 */
export async function updateShelter(
  ctx: AppContext,
  actor: Actor,
  shelterId: string,
  input: ShelterUpdateInput,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const shelter = await lockedShelter(tx, shelterId);
    if (!shelter || !maySeeShelters(actor)) throw new NotFound();
    if (!mayManageShelter(actor, shelter)) throw new Forbidden();
    const now = ctx.now();
    let capacity = input.capacity ?? shelter.capacity;
    if (input.rooms) {
      const current = await roomsInUse(tx, shelter.id);
      for (const [index, room] of input.rooms.entries())
        if (room.id) {
          const existing = current.find((r) => r.id === room.id);
          if (!existing) throw new Invalid(`rooms.${index}.id`, "invalid_choice");
          if (room.beds < existing.occupied) throw new Invalid(`rooms.${index}.beds`, "beds_below_occupancy");
        }
      for (const existing of current)
        if (!input.rooms.some((room) => room.id === existing.id)) {
          if (existing.occupied > 0) throw new Conflict("room_occupied");
          await tx.update(shelterRooms).set({ removedAt: now }).where(eq(shelterRooms.id, existing.id));
        }
      for (const room of input.rooms)
        if (room.id)
          await tx
            .update(shelterRooms)
            .set({ name: room.name, beds: room.beds })
            .where(eq(shelterRooms.id, room.id));
      // Renaming a room to another's former name: the new rows are written after the renames.
      for (const room of input.rooms.filter((r) => !r.id))
        await tx
          .insert(shelterRooms)
          .values({ shelterId: shelter.id, name: room.name, beds: room.beds, createdAt: now });
      if (input.rooms.length > 0) capacity = input.rooms.reduce((sum, room) => sum + room.beds, 0);
    }
    if (capacity < (await occupiedBeds(tx, shelter.id)))
      throw new Invalid(input.rooms?.length ? "rooms" : "capacity", "beds_below_occupancy");
    const contacts = input.contacts?.trim();
    await tx
      .update(shelters)
      .set({
        kind: input.kind ?? shelter.kind,
        secure: input.secure ?? shelter.secure,
        riskLevels: input.riskLevels ? [...new Set(input.riskLevels)] : shelter.riskLevels,
        capacity,
        ...(input.contacts === undefined
          ? {}
          : {
              contacts: contacts
                ? await ctx.keyring.sealSystem(tx, shelterContactsAt(shelter.id), contacts)
                : null,
            }),
      })
      .where(eq(shelters.id, shelter.id));
    await recordAudit(tx, auditActor(actor), {
      action: "shelter.update",
      entity: "shelter",
      entityId: shelter.id,
      detail: { codeName: shelter.codeName, changed: Object.keys(input).sort(), capacity },
    });
  });
}

/**
 * Confirms admission criteria after an emergency admission: the stay's open criteria close one by
 * one as the staff check them (the medical check the next morning, say).
 */
export async function confirmCriteria(
  ctx: AppContext,
  actor: Actor,
  stayId: string,
  input: CriteriaInput,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { stay, shelter } = await openStayOfOwnShelter(tx, actor, stayId);
    const check = admissionCriteriaCheck(
      shelterConfigFor(ctx.jurisdiction.code),
      shelter.kind,
      stay.admissionType,
      input.criteriaMet,
    );
    if (check.unknownAt !== null) throw new Invalid(`criteriaMet.${check.unknownAt}`, "invalid_choice");
    const criteriaMet = [...new Set([...stay.criteriaMet, ...input.criteriaMet])];
    await tx.update(shelterStays).set({ criteriaMet }).where(eq(shelterStays.id, stay.id));
    await recordAudit(tx, auditActor(actor), {
      action: "shelter.criteria",
      caseId: stay.caseId,
      entity: "shelter_stay",
      entityId: stay.id,
      detail: { shelterId: shelter.id, confirmed: input.criteriaMet },
    });
  });
}

/**
 * Gives one user escort duty for a person's transfer to this shelter on a day: the receiving
 * shelter's staff name the escort (a police officer, another shelter's worker) by user name. The
 * shelter the person leaves, if any, is the one they stay in now.
 */
export async function grantEscort(
  ctx: AppContext,
  actor: Actor,
  shelterId: string,
  input: EscortInput,
): Promise<{ id: string }> {
  const found = await visibleCase(ctx, actor, input.reference);
  if (input.onDate < today(ctx)) throw new Invalid("onDate", "date_in_past");
  return ctx.db.transaction(async (tx) => {
    const [shelter] = await tx.select().from(shelters).where(eq(shelters.id, shelterId));
    if (!shelter || !isShelterStaff(actor, shelter)) throw new NotFound();
    const [escort] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.username, input.escortUsername), eq(users.active, true)));
    if (!escort) throw new Invalid("escortUsername", "unknown_user");
    const [staying] = await tx
      .select({ shelterId: shelterStays.shelterId })
      .from(shelterStays)
      .where(and(eq(shelterStays.caseId, found.id), isNull(shelterStays.dischargedOn)));
    const fromShelterId = staying && staying.shelterId !== shelter.id ? staying.shelterId : null;
    const id = randomUUID();
    await tx.insert(shelterEscorts).values({
      id,
      caseId: found.id,
      toShelterId: shelter.id,
      fromShelterId,
      escortUserId: escort.id,
      onDate: input.onDate,
      grantedBy: actor.userId,
      grantedAt: ctx.now(),
    });
    await recordAudit(tx, auditActor(actor), {
      action: "shelter.escort.grant",
      caseId: found.id,
      entity: "shelter_escort",
      entityId: id,
      detail: {
        reference: found.reference,
        toShelterId: shelter.id,
        fromShelterId,
        escortUserId: escort.id,
        onDate: input.onDate,
      },
    });
    return { id };
  });
}

/** The receiving shelter's staff end an escort duty before its time (the transfer is called off). */
export async function revokeEscort(ctx: AppContext, actor: Actor, escortId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [duty] = await tx
      .select()
      .from(shelterEscorts)
      .where(eq(shelterEscorts.id, escortId))
      .for("update");
    if (!duty) throw new NotFound();
    const [shelter] = await tx.select().from(shelters).where(eq(shelters.id, duty.toShelterId));
    if (!shelter || !isShelterStaff(actor, shelter)) throw new NotFound();
    if (duty.endedAt) throw new Conflict("escort_ended");
    await tx
      .update(shelterEscorts)
      .set({ endedAt: ctx.now(), endReason: "revoked" })
      .where(eq(shelterEscorts.id, duty.id));
    await recordAudit(tx, auditActor(actor), {
      action: "shelter.escort.revoke",
      caseId: duty.caseId,
      entity: "shelter_escort",
      entityId: duty.id,
      detail: { toShelterId: shelter.id, escortUserId: duty.escortUserId },
    });
  });
}
