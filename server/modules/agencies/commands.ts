import { and, eq, ne } from "drizzle-orm";
import type { AgencyType, Language, Role } from "../../../shared/roles";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { totpLocation } from "../../platform/auth/login";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "../../platform/auth/passwords";
import { sessions } from "../../platform/auth/schema";
import { endUserSessions } from "../../platform/auth/sessions";
import { newTotpSecret, otpauthUri, verifyTotp } from "../../platform/auth/totp";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import { Conflict, Forbidden, Invalid, NotFound } from "../../platform/errors";
import { mayGrantRoles, mayManageAgencies, mayManageUsersOf } from "./policy";
import { agencies, roleSettings, users } from "./schema";

export interface NewAgency {
  code: string;
  name: string;
  type: AgencyType;
  region: string | null;
}

export async function createAgency(ctx: AppContext, actor: Actor, input: NewAgency) {
  if (!mayManageAgencies(actor)) throw new Forbidden();
  return ctx.db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, input.code));
    if (taken) throw new Invalid("code", "duplicate_code");
    const [agency] = await tx.insert(agencies).values(input).returning();
    if (!agency) throw new Error("agency not stored");
    await recordAudit(tx, auditActor(actor), {
      action: "admin.agency.create",
      entity: "agency",
      entityId: agency.id,
      detail: { code: input.code, type: input.type },
    });
    return agency;
  });
}

export async function updateAgency(
  ctx: AppContext,
  actor: Actor,
  agencyId: string,
  change: { name?: string | undefined; region?: string | null | undefined; active?: boolean | undefined },
) {
  if (!mayManageAgencies(actor)) throw new Forbidden();
  return ctx.db.transaction(async (tx) => {
    // An empty change is no UPDATE at all (SQL has no "SET" without columns): the agency as it is.
    const changed = Object.values(change).some((value) => value !== undefined);
    const [agency] = changed
      ? await tx.update(agencies).set(change).where(eq(agencies.id, agencyId)).returning()
      : await tx.select().from(agencies).where(eq(agencies.id, agencyId));
    if (!agency) throw new NotFound();
    await recordAudit(tx, auditActor(actor), {
      action: "admin.agency.update",
      entity: "agency",
      entityId: agencyId,
      detail: { fields: Object.keys(change) },
    });
    return agency;
  });
}

export interface NewUser {
  username: string;
  displayName: string;
  agencyId: string;
  roles: Role[];
  language: Language;
  password: string;
}

function checkPassword(password: string, field: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new Invalid(field, "password_too_short");
}

export async function createUser(ctx: AppContext, actor: Actor, input: NewUser) {
  if (!mayManageUsersOf(actor, input.agencyId) || !mayGrantRoles(actor, input.roles)) throw new Forbidden();
  checkPassword(input.password, "password");
  const passwordHash = await hashPassword(input.password);
  const username = input.username.trim().toLowerCase();
  return ctx.db.transaction(async (tx) => {
    const [agency] = await tx.select().from(agencies).where(eq(agencies.id, input.agencyId));
    if (!agency) throw new Invalid("agencyId", "invalid_choice");
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (taken) throw new Invalid("username", "duplicate_username");
    const [user] = await tx
      .insert(users)
      .values({
        username,
        displayName: input.displayName,
        agencyId: input.agencyId,
        roles: input.roles,
        language: input.language,
        passwordHash,
        mustChangePassword: true,
      })
      .returning();
    if (!user) throw new Error("user not stored");
    await recordAudit(tx, auditActor(actor), {
      action: "admin.user.create",
      entity: "user",
      entityId: user.id,
      detail: { username, roles: input.roles },
    });
    return { user, agency };
  });
}

async function managedUser(ctx: AppContext, actor: Actor, userId: string) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId));
  // Another agency's users are invisible to an agency administrator: not found, not forbidden.
  if (!user || !mayManageUsersOf(actor, user.agencyId)) throw new NotFound();
  return user;
}

export async function updateUser(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  change: { displayName?: string | undefined; roles?: Role[] | undefined; active?: boolean | undefined },
) {
  const user = await managedUser(ctx, actor, userId);
  if (change.roles && !mayGrantRoles(actor, change.roles)) throw new Forbidden();
  if (change.active === false && userId === actor.userId)
    throw new Invalid("active", "cannot_deactivate_self");
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx.update(users).set(change).where(eq(users.id, user.id)).returning();
    if (!updated) throw new NotFound();
    if (change.active === false || change.roles) await endUserSessions(tx, user.id);
    await recordAudit(tx, auditActor(actor), {
      action: "admin.user.update",
      entity: "user",
      entityId: user.id,
      detail: { fields: Object.keys(change), ...(change.roles ? { roles: change.roles } : {}) },
    });
    const [agency] = await tx.select().from(agencies).where(eq(agencies.id, updated.agencyId));
    if (!agency) throw new NotFound();
    return { user: updated, agency };
  });
}

/** An administrator sets a temporary password; the user must change it, and their sessions end. */
export async function resetPassword(ctx: AppContext, actor: Actor, userId: string, password: string) {
  const user = await managedUser(ctx, actor, userId);
  checkPassword(password, "password");
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null })
      .where(eq(users.id, user.id));
    await endUserSessions(tx, user.id);
    await recordAudit(tx, auditActor(actor), {
      action: "admin.user.password_reset",
      entity: "user",
      entityId: user.id,
    });
  });
}

export async function resetTotp(ctx: AppContext, actor: Actor, userId: string) {
  const user = await managedUser(ctx, actor, userId);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ totpEnabled: false, totpSecret: null }).where(eq(users.id, user.id));
    await endUserSessions(tx, user.id);
    await recordAudit(tx, auditActor(actor), {
      action: "admin.user.totp_reset",
      entity: "user",
      entityId: user.id,
    });
  });
}

export async function setRoleSetting(ctx: AppContext, actor: Actor, role: Role, requireTotp: boolean) {
  if (!mayManageAgencies(actor)) throw new Forbidden();
  return ctx.db.transaction(async (tx) => {
    await tx
      .insert(roleSettings)
      .values({ role, requireTotp })
      .onConflictDoUpdate({ target: roleSettings.role, set: { requireTotp } });
    await recordAudit(tx, auditActor(actor), {
      action: "admin.role_settings.update",
      entity: "role",
      entityId: role,
      detail: { requireTotp },
    });
    return { role, requireTotp };
  });
}

export async function changeLanguage(ctx: AppContext, actor: Actor, language: Language) {
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ language }).where(eq(users.id, actor.userId));
    await recordAudit(tx, auditActor(actor), {
      action: "user.language",
      entity: "user",
      entityId: actor.userId,
      detail: { language },
    });
  });
}

/** Changing one's own password ends one's other sessions. */
export async function changePassword(ctx: AppContext, actor: Actor, current: string, next: string) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new NotFound();
  if (!(await verifyPassword(user.passwordHash, current)))
    throw new Invalid("currentPassword", "password_wrong");
  checkPassword(next, "newPassword");
  const passwordHash = await hashPassword(next);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, user.id));
    // Other sessions end; this one stays.
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, actor.sessionId)));
    await recordAudit(tx, auditActor(actor), { action: "user.password", entity: "user", entityId: user.id });
  });
}

/** Starts second-factor enrolment: a new secret, sealed, not yet active. */
export async function setupTotp(ctx: AppContext, actor: Actor, issuer: string) {
  const secret = newTotpSecret();
  const sealed = await ctx.keyring.sealSystem(ctx.db, totpLocation(actor.userId), secret);
  await ctx.db
    .update(users)
    .set({ totpSecret: sealed, totpEnabled: false })
    .where(and(eq(users.id, actor.userId), ne(users.totpEnabled, true)));
  const [user] = await ctx.db
    .select({ enabled: users.totpEnabled })
    .from(users)
    .where(eq(users.id, actor.userId));
  if (user?.enabled) throw new Conflict("totp_already_enabled");
  return { secret, uri: otpauthUri(issuer, actor.username, secret) };
}

/** Completes enrolment with a code from the app; an enrolment-only session becomes a full one. */
export async function enableTotp(ctx: AppContext, actor: Actor, code: string) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user?.totpSecret) throw new Invalid("code", "totp_invalid");
  const secret = await ctx.keyring.openSystem(ctx.db, totpLocation(user.id), user.totpSecret);
  if (!verifyTotp(secret, code, ctx.now().getTime())) throw new Invalid("code", "totp_invalid");
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ totpEnabled: true }).where(eq(users.id, user.id));
    await tx.update(sessions).set({ enrolmentOnly: false }).where(eq(sessions.id, actor.sessionId));
    await recordAudit(tx, auditActor(actor), {
      action: "user.totp.enable",
      entity: "user",
      entityId: user.id,
    });
  });
}
