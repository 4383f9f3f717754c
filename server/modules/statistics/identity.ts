import { inArray } from "drizzle-orm";
import type { AppContext } from "../../platform/context";
import type { Queryable, Tx } from "../../platform/db/types";
import { identityKeyInput } from "./rules";
import { statisticsPersonIdentities } from "./schema";

export interface IdentityFields {
  givenName: string;
  familyName?: string | null;
  birthDate?: string | null;
}

/**
 * The exact identity key of a person, a keyed hash under the system blind-index key: the names and
 * birth date never reach the database. Null when the record lacks a birth date. Equal keys are one
 * person; the matching engine's decisions can replace this exact rule without changing the counts'
 * queries, which only read `statistics_person_identities`.
 */
export async function identityKey(
  ctx: AppContext,
  fields: IdentityFields,
  db: Queryable = ctx.db,
): Promise<Buffer | null> {
  const input = identityKeyInput(fields.givenName, fields.familyName, fields.birthDate);
  return input === null ? null : ctx.keyring.blindIndex(db, "person-identity", input);
}

/** Stores a registered person's identity key (inside the registration's transaction). */
export async function recordIdentityKey(
  tx: Tx,
  personId: string,
  key: Buffer | null,
  at: Date,
): Promise<void> {
  if (!key) return;
  await tx
    .insert(statisticsPersonIdentities)
    .values({ personId, identityKey: key, derivedAt: at })
    .onConflictDoNothing();
}

/** Which of these keys already belong to a registered person. */
export async function registeredKeys(ctx: AppContext, keys: Buffer[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 1000) {
    const rows = await ctx.db
      .select({ key: statisticsPersonIdentities.identityKey })
      .from(statisticsPersonIdentities)
      .where(inArray(statisticsPersonIdentities.identityKey, keys.slice(i, i + 1000)));
    for (const row of rows) found.add(row.key.toString("hex"));
  }
  return found;
}
