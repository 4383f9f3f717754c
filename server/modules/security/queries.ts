import { asc, desc, eq } from "drizzle-orm";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import { NotFound } from "../../platform/errors";
import { agencies, users } from "../agencies/schema";
import { visibleCase } from "../cases/queries";
import { openCaseText } from "../cases/sealing";
import { isShelterStaff } from "../shelters/policy";
import { shelters } from "../shelters/schema";
import { mayReadRiskReason, maySeeInterpreters } from "./policy";
import { currentRiskLevel } from "./risk";
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

/**
 * The person's current risk level and its history (latest first), for the case team. The reasons
 * are opened only for those who see the person's data, and that reading is audited.
 */
export async function riskLevelOf(ctx: AppContext, actor: Actor, reference: string) {
  const found = await visibleCase(ctx, actor, reference);
  const current = await currentRiskLevel(ctx.db, found.id);
  const rows = await ctx.db
    .select({
      record: caseRiskLevels,
      user: { id: users.id, name: users.displayName },
      agency: { id: agencies.id, name: agencies.name },
    })
    .from(caseRiskLevels)
    .innerJoin(users, eq(users.id, caseRiskLevels.setBy))
    .innerJoin(agencies, eq(agencies.id, caseRiskLevels.agencyId))
    .where(eq(caseRiskLevels.caseId, found.id))
    .orderBy(desc(caseRiskLevels.setAt), desc(caseRiskLevels.id));
  const withReasons = rows.length > 0 && mayReadRiskReason(actor, found.scopes);
  const history = await Promise.all(
    rows.map(async ({ record, user, agency }) => ({
      id: record.id,
      level: record.level,
      reason: withReasons
        ? await openCaseText(ctx, ctx.db, found.id, riskReasonAt(record.id), record.reason)
        : null,
      setBy: user,
      agency,
      setAt: record.setAt.toISOString(),
    })),
  );
  if (withReasons) {
    await ctx.db.transaction(async (tx) => {
      await recordAudit(tx, auditActor(actor), {
        action: "risk_level.read",
        caseId: found.id,
        entity: "case",
        entityId: found.id,
        detail: { reference: found.reference, records: rows.length },
      });
    });
  }
  return {
    current: current ? { level: current.level, source: current.source, at: current.at.toISOString() } : null,
    history,
  };
}

/** The shelter's incidents, latest first, with their relocation if any: its own staff only (else 404). */
export async function listIncidents(ctx: AppContext, actor: Actor, shelterId: string) {
  const [shelter] = await ctx.db.select().from(shelters).where(eq(shelters.id, shelterId));
  if (!shelter || !isShelterStaff(actor, shelter)) throw new NotFound();
  const rows = await ctx.db
    .select({
      incident: shelterIncidents,
      recordedBy: { id: users.id, name: users.displayName },
      relocatedAt: shelterRelocations.relocatedAt,
    })
    .from(shelterIncidents)
    .innerJoin(users, eq(users.id, shelterIncidents.recordedBy))
    .leftJoin(shelterRelocations, eq(shelterRelocations.incidentId, shelterIncidents.id))
    .where(eq(shelterIncidents.shelterId, shelter.id))
    .orderBy(desc(shelterIncidents.occurredAt), desc(shelterIncidents.recordedAt));
  const incidents = await Promise.all(
    rows.map(async ({ incident, recordedBy, relocatedAt }) => ({
      id: incident.id,
      kind: incident.kind,
      occurredAt: incident.occurredAt.toISOString(),
      description: await ctx.keyring.openSystem(
        ctx.db,
        incidentDescriptionAt(incident.id),
        incident.description,
      ),
      recordedBy,
      recordedAt: incident.recordedAt.toISOString(),
      relocatedAt: relocatedAt ? relocatedAt.toISOString() : null,
    })),
  );
  if (rows.length > 0) {
    await ctx.db.transaction(async (tx) => {
      await recordAudit(tx, auditActor(actor), {
        action: "shelter_incident.read",
        entity: "shelter",
        entityId: shelter.id,
        detail: { codeName: shelter.codeName, records: rows.length },
      });
    });
  }
  return incidents;
}

/** The roster of every agency's interpreters, for anyone who works on cases. */
export async function listInterpreters(ctx: AppContext, actor: Actor) {
  if (!maySeeInterpreters(actor)) throw new NotFound();
  const rows = await ctx.db
    .select({ interpreter: interpreters, agency: { id: agencies.id, name: agencies.name } })
    .from(interpreters)
    .innerJoin(agencies, eq(agencies.id, interpreters.agencyId))
    .orderBy(asc(agencies.name), asc(interpreters.createdAt));
  const list = await Promise.all(
    rows.map(async ({ interpreter, agency }) => ({
      id: interpreter.id,
      name: await ctx.keyring.openSystem(ctx.db, interpreterNameAt(interpreter.id), interpreter.name),
      languages: interpreter.languages,
      availability: interpreter.availability,
      phone: interpreter.phone
        ? await ctx.keyring.openSystem(ctx.db, interpreterPhoneAt(interpreter.id), interpreter.phone)
        : null,
      agency,
      own: interpreter.agencyId === actor.agencyId,
    })),
  );
  return list.sort((a, b) => a.agency.name.localeCompare(b.agency.name) || a.name.localeCompare(b.name));
}

/** The interpreters booked for the case, by date; the case team only. */
export async function listAssignments(ctx: AppContext, actor: Actor, reference: string) {
  const found = await visibleCase(ctx, actor, reference);
  const rows = await ctx.db
    .select({
      assignment: interpreterAssignments,
      interpreter: { id: interpreters.id, name: interpreters.name, languages: interpreters.languages },
      assignedBy: { id: users.id, name: users.displayName },
      agency: { id: agencies.id, name: agencies.name },
    })
    .from(interpreterAssignments)
    .innerJoin(interpreters, eq(interpreters.id, interpreterAssignments.interpreterId))
    .innerJoin(users, eq(users.id, interpreterAssignments.assignedBy))
    .innerJoin(agencies, eq(agencies.id, interpreterAssignments.agencyId))
    .where(eq(interpreterAssignments.caseId, found.id))
    .orderBy(asc(interpreterAssignments.on), asc(interpreterAssignments.assignedAt));
  return Promise.all(
    rows.map(async ({ assignment, interpreter, assignedBy, agency }) => ({
      id: assignment.id,
      kind: assignment.kind,
      on: assignment.on,
      interpreter: {
        id: interpreter.id,
        name: await ctx.keyring.openSystem(ctx.db, interpreterNameAt(interpreter.id), interpreter.name),
        languages: interpreter.languages,
      },
      assignedBy,
      agency,
      assignedAt: assignment.assignedAt.toISOString(),
    })),
  );
}
