import { asc, eq } from "drizzle-orm";
import type { Actor } from "../../platform/auth/actor";
import type { AppContext } from "../../platform/context";
import { Forbidden, NotFound } from "../../platform/errors";
import { mayListUsers, mayManageAgencies } from "./policy";
import { presentAdminUser, presentAgency, presentMe } from "./presenter";
import { agencies, roleSettings, users } from "./schema";
import { roles } from "../../../shared/roles";

export async function me(ctx: AppContext, userId: string) {
  const [row] = await ctx.db
    .select()
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(users.id, userId));
  if (!row) throw new NotFound();
  return presentMe(row.users, row.agencies);
}

/** The directory of agencies: names and kinds are not confidential, every user may see them. */
export async function listAgencies(ctx: AppContext) {
  const rows = await ctx.db.select().from(agencies).orderBy(asc(agencies.name));
  return rows.map(presentAgency);
}

export async function listAgenciesToManage(ctx: AppContext, actor: Actor) {
  if (!mayManageAgencies(actor)) throw new Forbidden();
  return listAgencies(ctx);
}

export async function listUsers(ctx: AppContext, actor: Actor) {
  if (!mayListUsers(actor)) throw new Forbidden();
  const query = ctx.db.select().from(users).innerJoin(agencies, eq(agencies.id, users.agencyId));
  const rows = mayManageAgencies(actor)
    ? await query.orderBy(asc(agencies.name), asc(users.username))
    : await query.where(eq(users.agencyId, actor.agencyId)).orderBy(asc(users.username));
  const now = ctx.now();
  return rows.map((row) => presentAdminUser(row.users, row.agencies, now));
}

export async function listRoleSettings(ctx: AppContext, actor: Actor) {
  if (!mayManageAgencies(actor)) throw new Forbidden();
  const stored = new Map((await ctx.db.select().from(roleSettings)).map((r) => [r.role, r.requireTotp]));
  return roles.map((role) => ({ role, requireTotp: stored.get(role) ?? false }));
}
