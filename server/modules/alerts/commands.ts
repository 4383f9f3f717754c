import { and, eq, isNull } from "drizzle-orm";
import type { Role } from "../../../shared/roles";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import type { Queryable, Tx } from "../../platform/db/types";
import { NotFound } from "../../platform/errors";
import { cases } from "../cases/schema";
import { mayReadAlert } from "./policy";
import { alerts } from "./schema";

export interface AlertToRaise {
  /** Null for an alert about no case (places short for a planned operation). */
  caseId: string | null;
  agencyId: string;
  role?: Role | null;
  kind: string;
  subject: string;
  level?: number;
  /** Codes, numbers and dates only: an alert is read by agencies outside the case team. */
  params?: Record<string, string | number | boolean>;
  dueAt?: Date | null;
}

/**
 * Raises an alert unless the same one is already open; true when it was raised now. Safe to call
 * on every scheduler run: the partial unique index keeps one open alert per subject and recipient.
 */
export async function raiseAlert(db: Queryable, alert: AlertToRaise, now: Date): Promise<boolean> {
  const inserted = await db
    .insert(alerts)
    .values({
      caseId: alert.caseId,
      agencyId: alert.agencyId,
      role: alert.role ?? null,
      kind: alert.kind,
      subject: alert.subject,
      level: alert.level ?? 0,
      params: alert.params ?? {},
      dueAt: alert.dueAt ?? null,
      raisedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: alerts.id });
  return inserted.length > 0;
}

/** Ends the open alerts of a kind about a case (and subject): the condition is over. */
export async function resolveAlerts(
  db: Queryable,
  which: { caseId: string | null; kind: string; subject?: string },
  now: Date,
): Promise<number> {
  const resolved = await db
    .update(alerts)
    .set({ resolvedAt: now })
    .where(
      and(
        which.caseId === null ? isNull(alerts.caseId) : eq(alerts.caseId, which.caseId),
        eq(alerts.kind, which.kind),
        which.subject === undefined ? undefined : eq(alerts.subject, which.subject),
        isNull(alerts.resolvedAt),
      ),
    )
    .returning({ id: alerts.id });
  return resolved.length;
}

/** Someone of the agency has seen the alert and is on it; it stays listed until it is resolved. */
export async function acknowledgeAlert(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction(async (tx: Tx) => {
    const [row] = await tx
      .select({ alert: alerts, reference: cases.reference })
      .from(alerts)
      .leftJoin(cases, eq(cases.id, alerts.caseId))
      .where(eq(alerts.id, id))
      .for("update", { of: alerts });
    if (!row || !mayReadAlert(actor, row.alert)) throw new NotFound();
    if (row.alert.acknowledgedAt !== null) return;
    await tx
      .update(alerts)
      .set({ acknowledgedAt: now, acknowledgedBy: actor.userId })
      .where(eq(alerts.id, id));
    await recordAudit(tx, auditActor(actor), {
      action: "alert.acknowledge",
      caseId: row.alert.caseId,
      entity: "alert",
      entityId: id,
      detail: { reference: row.reference, kind: row.alert.kind, level: row.alert.level },
    });
  });
}
