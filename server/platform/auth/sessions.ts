import { createHash, randomBytes } from "node:crypto";
import { eq, lt, or } from "drizzle-orm";
import { agencies, users } from "../../modules/agencies/schema";
import type { Db, Queryable } from "../db/types";
import type { Actor } from "./actor";
import { sessions } from "./schema";

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest();

export interface NewSession {
  token: string;
  csrfToken: string;
}

/** A fresh token at every login (rotation); the user's earlier sessions stay valid until they end. */
export async function startSession(
  db: Queryable,
  userId: string,
  policy: SessionPolicy,
  now: Date,
  enrolmentOnly = false,
): Promise<NewSession> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    csrfToken,
    enrolmentOnly,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + policy.absoluteMs),
  });
  return { token, csrfToken };
}

export interface ResolvedSession {
  actor: Omit<Actor, "ip">;
  csrfToken: string;
  enrolmentOnly: boolean;
  mustChangePassword: boolean;
}

/** The session for a token, if it is alive: not past its absolute end, not idle too long. */
export async function resolveSession(
  db: Db,
  token: string,
  policy: SessionPolicy,
  now: Date,
): Promise<ResolvedSession | null> {
  const [row] = await db
    .select({ session: sessions, user: users, agencyType: agencies.type, agencyActive: agencies.active })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(sessions.tokenHash, hashToken(token)));
  if (!row) return null;
  const { session, user } = row;
  const idle = now.getTime() - session.lastSeenAt.getTime() > policy.idleMs;
  if (idle || session.expiresAt <= now || !user.active || !row.agencyActive) {
    await db.delete(sessions).where(eq(sessions.id, session.id));
    return null;
  }
  // Touch at most once a minute: an idle timeout needs no write on every request.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, session.id));
  }
  return {
    actor: {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      agencyId: user.agencyId,
      agencyType: row.agencyType,
      roles: user.roles,
      language: user.language,
      sessionId: session.id,
    },
    csrfToken: session.csrfToken,
    enrolmentOnly: session.enrolmentOnly,
    mustChangePassword: user.mustChangePassword,
  };
}

export const endSession = (db: Queryable, sessionId: string) =>
  db.delete(sessions).where(eq(sessions.id, sessionId));

export const endUserSessions = (db: Queryable, userId: string) =>
  db.delete(sessions).where(eq(sessions.userId, userId));

export const pruneSessions = (db: Db, policy: SessionPolicy, now: Date) =>
  db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - policy.idleMs))));
