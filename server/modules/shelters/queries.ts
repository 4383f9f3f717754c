import { asc, eq, isNull } from "drizzle-orm";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import { NotFound } from "../../platform/errors";
import { agencies } from "../agencies/schema";
import { cases } from "../cases/schema";
import { isShelterStaff, maySeeShelters } from "./policy";
import { freeBeds } from "./rules";
import { shelterAddressAt, shelterContactsAt, shelters, shelterStays } from "./schema";

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
    })
    .from(shelterStays)
    .innerJoin(cases, eq(cases.id, shelterStays.caseId))
    .where(isNull(shelterStays.dischargedOn))
    .orderBy(asc(shelterStays.admittedOn), asc(cases.reference));
  return rows.map((shelter) => {
    const here = stays.filter((stay) => stay.shelterId === shelter.id);
    const own = isShelterStaff(actor, shelter);
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
      operator: own ? { id: shelter.agencyId, name: shelter.agencyName } : null,
      residents: own
        ? here.map((stay) => ({
            stayId: stay.id,
            reference: stay.reference,
            type: stay.type,
            admittedOn: stay.admittedOn,
            childOverride: stay.childOverride !== null,
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
  if (!shelter || !isShelterStaff(actor, shelter)) throw new NotFound();
  const address = await ctx.keyring.openSystem(ctx.db, shelterAddressAt(shelter.id), shelter.address);
  const contacts = shelter.contacts
    ? await ctx.keyring.openSystem(ctx.db, shelterContactsAt(shelter.id), shelter.contacts)
    : null;
  await ctx.db.transaction(async (tx) => {
    await recordAudit(tx, auditActor(actor), {
      action: "shelter.address.read",
      entity: "shelter",
      entityId: shelter.id,
      detail: { codeName: shelter.codeName },
    });
  });
  return { id: shelter.id, codeName: shelter.codeName, address, contacts };
}
