import { and, eq, inArray, sql } from "drizzle-orm";
import type { Role } from "../../../shared/roles";
import { roleSettings, users } from "../../modules/agencies/schema";
import { recordAudit } from "../audit/audit";
import type { AppContext } from "../context";
import { TooManyRequests, Unauthorized } from "../errors";
import { decoyHash, verifyPassword } from "./passwords";
import { startSession, type NewSession } from "./sessions";
import { LOCKOUT_MS, MAX_FAILED_LOGINS, type LoginThrottle } from "./throttle";
import { verifyTotp } from "./totp";

export interface LoginInput {
  username: string;
  password: string;
  totp?: string | undefined;
  ip: string;
}

export type LoginResult =
  { status: "ok"; userId: string; session: NewSession; enrolmentOnly: boolean } | { status: "totp_required" };

/**
 * Signs a user in. Wrong user name and wrong password answer alike (and take alike long); five
 * wrong passwords lock the account for fifteen minutes; every attempt is audited.
 */
export async function login(
  ctx: AppContext,
  throttle: LoginThrottle,
  input: LoginInput,
): Promise<LoginResult> {
  const now = ctx.now();
  if (!throttle.allow(input.ip, now.getTime())) throw new TooManyRequests("too_many_attempts");
  const username = input.username.trim().toLowerCase();
  const [user] = await ctx.db.select().from(users).where(eq(users.username, username));
  const failed = (reason: string, userId: string | null, agencyId: string | null) =>
    ctx.db.transaction((tx) =>
      recordAudit(
        tx,
        { userId, agencyId, ip: input.ip },
        { action: "auth.login_failed", detail: { username, reason } },
      ),
    );

  if (!user || !user.active) {
    await verifyPassword(await decoyHash(), input.password);
    await failed(user ? "inactive" : "unknown_user", user?.id ?? null, user?.agencyId ?? null);
    throw new Unauthorized("invalid_credentials");
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await failed("locked", user.id, user.agencyId);
    throw new TooManyRequests("account_locked");
  }
  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  const secondFactorMissing = passwordOk && user.totpEnabled && !input.totp;
  const secondFactorOk =
    !user.totpEnabled ||
    (!!input.totp &&
      !!user.totpSecret &&
      verifyTotp(
        await ctx.keyring.openSystem(ctx.db, totpLocation(user.id), user.totpSecret),
        input.totp,
        now.getTime(),
      ));

  if (secondFactorMissing) return { status: "totp_required" };
  if (!passwordOk || !secondFactorOk) {
    const attempts = user.failedLogins + 1;
    const lock = attempts >= MAX_FAILED_LOGINS;
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(users)
        .set(
          lock
            ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MS) }
            : { failedLogins: attempts },
        )
        .where(eq(users.id, user.id));
      await recordAudit(
        tx,
        { userId: user.id, agencyId: user.agencyId, ip: input.ip },
        {
          action: "auth.login_failed",
          detail: { username, reason: passwordOk ? "totp" : "password", locked: lock },
        },
      );
    });
    if (lock) throw new TooManyRequests("account_locked");
    throw new Unauthorized(passwordOk ? "totp_invalid" : "invalid_credentials");
  }

  const enrolmentOnly = !user.totpEnabled && (await totpRequiredFor(ctx, user.roles));
  const session = await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    const started = await startSession(tx, user.id, ctx.sessionPolicy, now, enrolmentOnly);
    await recordAudit(
      tx,
      { userId: user.id, agencyId: user.agencyId, ip: input.ip },
      { action: "auth.login", detail: { enrolmentOnly } },
    );
    return started;
  });
  return { status: "ok", userId: user.id, session, enrolmentOnly };
}

export const totpLocation = (userId: string) => ({ table: "users", recordId: userId, field: "totp_secret" });

async function totpRequiredFor(ctx: AppContext, roles: Role[]): Promise<boolean> {
  if (roles.length === 0) return false;
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(roleSettings)
    .where(and(inArray(roleSettings.role, roles), eq(roleSettings.requireTotp, true)));
  return (row?.n ?? 0) > 0;
}
