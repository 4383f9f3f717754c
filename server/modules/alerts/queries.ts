import { and, asc, desc, eq, isNull, or } from "drizzle-orm";
import type { Role } from "../../../shared/roles";
import type { Pathway } from "../../../shared/vocabulary";
import type { Actor } from "../../platform/auth/actor";
import type { AppContext } from "../../platform/context";
import { Forbidden } from "../../platform/errors";
import { cases } from "../cases/schema";
import { mayReadAlerts } from "./policy";
import { alerts } from "./schema";

export const alertColumns = {
  id: alerts.id,
  kind: alerts.kind,
  level: alerts.level,
  role: alerts.role,
  params: alerts.params,
  dueAt: alerts.dueAt,
  raisedAt: alerts.raisedAt,
  acknowledgedAt: alerts.acknowledgedAt,
  reference: cases.reference,
  pathway: cases.pathway,
};

interface AlertRow {
  id: string;
  kind: string;
  level: number;
  role: Role | null;
  params: Record<string, string | number | boolean>;
  dueAt: Date | null;
  raisedAt: Date;
  acknowledgedAt: Date | null;
  reference: string | null;
  pathway: Pathway | null;
}

export const presentAlert = (row: AlertRow) => ({
  id: row.id,
  case:
    row.reference !== null && row.pathway !== null
      ? { reference: row.reference, pathway: row.pathway }
      : null,
  kind: row.kind,
  level: row.level,
  role: row.role,
  params: row.params,
  dueAt: row.dueAt?.toISOString() ?? null,
  raisedAt: row.raisedAt.toISOString(),
  acknowledged: row.acknowledgedAt !== null,
});

/**
 * The open alerts of the actor's agency for the actor's roles, escalations and the unacknowledged
 * first. The case appears by reference only: a coordinator alerted about a child is told that the
 * chain failed, not who the child is.
 */
export async function myAlerts(ctx: AppContext, actor: Actor) {
  if (!mayReadAlerts(actor)) throw new Forbidden();
  const rows = await ctx.db
    .select(alertColumns)
    .from(alerts)
    .leftJoin(cases, eq(cases.id, alerts.caseId))
    .where(
      and(
        eq(alerts.agencyId, actor.agencyId),
        isNull(alerts.resolvedAt),
        or(isNull(alerts.role), ...actor.roles.map((role) => eq(alerts.role, role))),
      ),
    )
    .orderBy(asc(alerts.acknowledgedAt), desc(alerts.level), asc(alerts.raisedAt))
    .limit(500);
  const items = rows.map(presentAlert);
  return { items, open: items.length, unacknowledged: items.filter((a) => !a.acknowledged).length };
}

/** One alert as the lists show it, for the answer to acknowledging it. */
export async function oneAlert(ctx: AppContext, id: string) {
  const [row] = await ctx.db
    .select(alertColumns)
    .from(alerts)
    .leftJoin(cases, eq(cases.id, alerts.caseId))
    .where(eq(alerts.id, id));
  return row ? presentAlert(row) : null;
}
