import { and, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { type Actor, auditActor, hasRole } from "../../platform/auth/actor";
import { recordAudit, verifyAuditChain } from "../../platform/audit/audit";
import { auditEvents } from "../../platform/audit/schema";
import type { AppContext } from "../../platform/context";
import { Forbidden } from "../../platform/errors";
import { agencies, users } from "../agencies/schema";
import { cases } from "../cases/schema";

export interface AuditFilters {
  action?: string | undefined;
  reference?: string | undefined;
  username?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

const mayAudit = (actor: Actor) => hasRole(actor, "auditor");

/** The trail for auditors: references and user names, never a person's identifying data. */
export async function listAuditEvents(ctx: AppContext, actor: Actor, filters: AuditFilters) {
  if (!mayAudit(actor)) throw new Forbidden();
  const conditions: SQL[] = [];
  if (filters.action) conditions.push(eq(auditEvents.action, filters.action));
  if (filters.reference) conditions.push(eq(cases.reference, filters.reference));
  if (filters.username) conditions.push(eq(users.username, filters.username.trim().toLowerCase()));
  if (filters.from) conditions.push(gte(auditEvents.at, new Date(`${filters.from}T00:00:00Z`)));
  if (filters.to)
    conditions.push(lt(auditEvents.at, new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + 86_400_000)));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const base = () =>
    ctx.db
      .select({
        event: auditEvents,
        username: users.username,
        agencyName: agencies.name,
        reference: cases.reference,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorUserId))
      .leftJoin(agencies, eq(agencies.id, auditEvents.actorAgencyId))
      .leftJoin(cases, eq(cases.id, auditEvents.caseId));
  const [totalRow] = await ctx.db
    .select({ n: count() })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(cases, eq(cases.id, auditEvents.caseId))
    .where(where);
  const rows = await base()
    .where(where)
    .orderBy(desc(auditEvents.seq))
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize);
  return {
    items: rows.map(({ event, username, agencyName, reference }) => ({
      seq: event.seq,
      at: event.at.toISOString(),
      actor: username ? { username, agencyName: agencyName ?? "" } : null,
      action: event.action,
      reference,
      entity: event.entity,
      entityId: event.entityId,
      detail: event.detail,
      ip: event.ip,
      reason: event.reason,
    })),
    total: totalRow?.n ?? 0,
    page: filters.page,
    pageSize: filters.pageSize,
  };
}

/** Verifies the whole chain; the verification itself is recorded. */
export async function verifyTrail(ctx: AppContext, actor: Actor) {
  if (!mayAudit(actor)) throw new Forbidden();
  const verdict = await verifyAuditChain(ctx.db);
  await ctx.db.transaction((tx) =>
    recordAudit(tx, auditActor(actor), {
      action: "audit.verify",
      detail: { ok: verdict.ok, checked: verdict.checked },
    }),
  );
  return verdict;
}
