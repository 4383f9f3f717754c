import { and, asc, desc, eq, gte, isNull, or } from "drizzle-orm";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import { NotFound } from "../../platform/errors";
import type { Language } from "../../../shared/roles";
import { addDaysToDate } from "../pathway/calendar";
import { agencies, users } from "../agencies/schema";
import { cases } from "../cases/schema";
import { visibleCase } from "../cases/queries";
import { today } from "./commands";
import { criteriaFor, shelterConfigFor } from "./criteria";
import { isShelterStaff, mayManageShelter, maySeeShelters } from "./policy";
import { freeBeds } from "./rules";
import {
  shelterAddressAt,
  shelterContactsAt,
  shelterEscorts,
  shelterRooms,
  shelters,
  shelterStays,
} from "./schema";

/** An escort duty holds on its day and the night after: transfers run late. */
const escortDaysFrom = (ctx: AppContext) => addDaysToDate(today(ctx), -1);

/**
 * The occupancy board: every shelter by code name with its beds, occupied and free, never who is
 * there or where it is. The operator's own staff also see their residents, by case reference.
 */
export async function occupancyBoard(ctx: AppContext, actor: Actor) {
  if (!maySeeShelters(actor)) throw new NotFound();
  const rows = await ctx.db
    .select({
      id: shelters.id,
      agencyId: shelters.agencyId,
      agencyName: agencies.name,
      codeName: shelters.codeName,
      kind: shelters.kind,
      secure: shelters.secure,
      riskLevels: shelters.riskLevels,
      capacity: shelters.capacity,
    })
    .from(shelters)
    .innerJoin(agencies, eq(agencies.id, shelters.agencyId))
    .orderBy(asc(shelters.codeName));
  const stays = await ctx.db
    .select({
      id: shelterStays.id,
      shelterId: shelterStays.shelterId,
      reference: cases.reference,
      type: shelterStays.admissionType,
      admittedOn: shelterStays.admittedOn,
      childOverride: shelterStays.overrideBy,
      roomId: shelterStays.roomId,
      criteriaMet: shelterStays.criteriaMet,
    })
    .from(shelterStays)
    .innerJoin(cases, eq(cases.id, shelterStays.caseId))
    .where(isNull(shelterStays.dischargedOn))
    .orderBy(asc(shelterStays.admittedOn), asc(cases.reference));
  const rooms = await ctx.db
    .select({
      id: shelterRooms.id,
      shelterId: shelterRooms.shelterId,
      name: shelterRooms.name,
      beds: shelterRooms.beds,
    })
    .from(shelterRooms)
    .where(isNull(shelterRooms.removedAt))
    .orderBy(asc(shelterRooms.name));
  const escorts = await ctx.db
    .select({
      id: shelterEscorts.id,
      shelterId: shelterEscorts.toShelterId,
      reference: cases.reference,
      escort: users.displayName,
      onDate: shelterEscorts.onDate,
      endedAt: shelterEscorts.endedAt,
      endReason: shelterEscorts.endReason,
    })
    .from(shelterEscorts)
    .innerJoin(cases, eq(cases.id, shelterEscorts.caseId))
    .innerJoin(users, eq(users.id, shelterEscorts.escortUserId))
    .where(gte(shelterEscorts.onDate, escortDaysFrom(ctx)))
    .orderBy(asc(shelterEscorts.onDate));
  const config = shelterConfigFor(ctx.jurisdiction.code);
  return rows.map((shelter) => {
    const here = stays.filter((stay) => stay.shelterId === shelter.id);
    const own = isShelterStaff(actor, shelter);
    const criteria = criteriaFor(config, shelter.kind).map((c) => c.code);
    return {
      id: shelter.id,
      codeName: shelter.codeName,
      kind: shelter.kind,
      secure: shelter.secure,
      riskLevels: shelter.riskLevels,
      capacity: shelter.capacity,
      occupied: here.length,
      free: freeBeds(shelter.capacity, here.length),
      // The operator's name would point to the place: only its own staff see it.
      own,
      manages: mayManageShelter(actor, shelter),
      operator: own ? { id: shelter.agencyId, name: shelter.agencyName } : null,
      // Rooms are the layout of the house, shown to those who run it.
      rooms:
        own || mayManageShelter(actor, shelter)
          ? rooms
              .filter((room) => room.shelterId === shelter.id)
              .map((room) => {
                const occupied = here.filter((stay) => stay.roomId === room.id).length;
                return {
                  id: room.id,
                  name: room.name,
                  beds: room.beds,
                  occupied,
                  free: freeBeds(room.beds, occupied),
                };
              })
          : null,
      residents: own
        ? here.map((stay) => ({
            stayId: stay.id,
            reference: stay.reference,
            type: stay.type,
            admittedOn: stay.admittedOn,
            childOverride: stay.childOverride !== null,
            roomId: stay.roomId,
            criteriaOpen: criteria.filter((code) => !stay.criteriaMet.includes(code)),
          }))
        : null,
      escorts: own
        ? escorts
            .filter((escort) => escort.shelterId === shelter.id)
            .map((escort) => ({
              id: escort.id,
              reference: escort.reference,
              escort: escort.escort,
              onDate: escort.onDate,
              ended: escort.endReason ?? null,
            }))
        : null,
    };
  });
}

/**
 * The shelter's secret address and contacts, for its own staff only; anyone else is told nothing
 * (404). Every opening is audited, as for a person's identifying data.
 */
export async function shelterAddress(ctx: AppContext, actor: Actor, shelterId: string) {
  const [shelter] = await ctx.db.select().from(shelters).where(eq(shelters.id, shelterId));
  if (!shelter) throw new NotFound();
  const escort = isShelterStaff(actor, shelter) ? null : await activeEscort(ctx, actor, shelter.id);
  if (!isShelterStaff(actor, shelter) && !escort) throw new NotFound();
  const address = await ctx.keyring.openSystem(ctx.db, shelterAddressAt(shelter.id), shelter.address);
  const contacts = shelter.contacts
    ? await ctx.keyring.openSystem(ctx.db, shelterContactsAt(shelter.id), shelter.contacts)
    : null;
  await ctx.db.transaction(async (tx) => {
    await recordAudit(tx, auditActor(actor), {
      action: "shelter.address.read",
      entity: "shelter",
      entityId: shelter.id,
      caseId: escort?.caseId ?? null,
      detail: { codeName: shelter.codeName, escortId: escort?.id ?? null },
    });
  });
  return { id: shelter.id, codeName: shelter.codeName, address, contacts };
}

/** The actor's escort duty that opens this shelter's address now, if any. */
async function activeEscort(ctx: AppContext, actor: Actor, shelterId: string) {
  const [duty] = await ctx.db
    .select({ id: shelterEscorts.id, caseId: shelterEscorts.caseId, onDate: shelterEscorts.onDate })
    .from(shelterEscorts)
    .where(
      and(
        eq(shelterEscorts.escortUserId, actor.userId),
        isNull(shelterEscorts.endedAt),
        or(eq(shelterEscorts.toShelterId, shelterId), eq(shelterEscorts.fromShelterId, shelterId)),
        gte(shelterEscorts.onDate, escortDaysFrom(ctx)),
      ),
    );
  // Not before its day: the escort learns the address when the transfer is due, not earlier.
  return duty && duty.onDate <= today(ctx) ? duty : null;
}

/** The escort duties given to the actor, still to come or under way: the transfer, by code names. */
export async function myEscorts(ctx: AppContext, actor: Actor) {
  const rows = await ctx.db
    .select({
      id: shelterEscorts.id,
      reference: cases.reference,
      toShelterId: shelterEscorts.toShelterId,
      fromShelterId: shelterEscorts.fromShelterId,
      onDate: shelterEscorts.onDate,
    })
    .from(shelterEscorts)
    .innerJoin(cases, eq(cases.id, shelterEscorts.caseId))
    .where(
      and(
        eq(shelterEscorts.escortUserId, actor.userId),
        isNull(shelterEscorts.endedAt),
        gte(shelterEscorts.onDate, escortDaysFrom(ctx)),
      ),
    )
    .orderBy(asc(shelterEscorts.onDate));
  const names = await ctx.db.select({ id: shelters.id, codeName: shelters.codeName }).from(shelters);
  const nameOf = (id: string | null) => (id ? (names.find((n) => n.id === id)?.codeName ?? null) : null);
  return rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    onDate: row.onDate,
    due: row.onDate <= today(ctx),
    to: { id: row.toShelterId, codeName: nameOf(row.toShelterId) ?? "" },
    from: row.fromShelterId ? { id: row.fromShelterId, codeName: nameOf(row.fromShelterId) ?? "" } : null,
  }));
}

/**
 * Where a case's person has stayed, for the case team: shelters by code name only. The shelter's
 * own staff also see the room and the admission criteria still open.
 */
export async function caseStays(ctx: AppContext, actor: Actor, reference: string) {
  const found = await visibleCase(ctx, actor, reference);
  const rows = await ctx.db
    .select({
      id: shelterStays.id,
      shelterId: shelters.id,
      agencyId: shelters.agencyId,
      codeName: shelters.codeName,
      kind: shelters.kind,
      type: shelterStays.admissionType,
      admittedOn: shelterStays.admittedOn,
      dischargedOn: shelterStays.dischargedOn,
      dischargeReason: shelterStays.dischargeReason,
      roomName: shelterRooms.name,
      criteriaMet: shelterStays.criteriaMet,
    })
    .from(shelterStays)
    .innerJoin(shelters, eq(shelters.id, shelterStays.shelterId))
    .leftJoin(shelterRooms, eq(shelterRooms.id, shelterStays.roomId))
    .where(eq(shelterStays.caseId, found.id))
    .orderBy(desc(shelterStays.admittedOn), desc(shelterStays.recordedAt));
  const config = shelterConfigFor(ctx.jurisdiction.code);
  return rows.map((row) => {
    const own = isShelterStaff(actor, { agencyId: row.agencyId });
    return {
      id: row.id,
      shelter: { id: row.shelterId, codeName: row.codeName, kind: row.kind },
      type: row.type,
      admittedOn: row.admittedOn,
      dischargedOn: row.dischargedOn,
      dischargeReason: row.dischargeReason,
      own,
      room: own ? row.roomName : null,
      criteriaOpen: own
        ? criteriaFor(config, row.kind)
            .map((c) => c.code)
            .filter((code) => !row.criteriaMet.includes(code))
        : null,
    };
  });
}

/** The jurisdiction's admission criteria with their labels in the user's language. */
export function admissionCriteria(ctx: AppContext, language: Language) {
  return shelterConfigFor(ctx.jurisdiction.code).admissionCriteria.map((c) => ({
    code: c.code,
    kinds: c.kinds,
    label: c.label[language],
  }));
}
