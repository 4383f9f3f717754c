import { randomUUID } from "node:crypto";
import { asc } from "drizzle-orm";
import type { AppContext } from "../../platform/context";
import { newSigningKeyPair } from "./package";
import { handOverSigningKeys } from "./schema";

const at = (id: string) => ({ table: "hand_over_signing_keys", recordId: id, field: "private_key" });

/**
 * The installation's Ed25519 key for hand-over packages, created on first use. Its private half is
 * sealed under the system data key (as a user's TOTP seed is); the oldest key is the one in use, so
 * two first uses at once still agree on one key.
 */
export async function signingKey(
  ctx: AppContext,
): Promise<{ id: string; privateKeyPem: string; publicKeyPem: string }> {
  let [row] = await ctx.db
    .select()
    .from(handOverSigningKeys)
    .orderBy(asc(handOverSigningKeys.createdAt), asc(handOverSigningKeys.id))
    .limit(1);
  if (!row) {
    const pair = newSigningKeyPair();
    const id = randomUUID();
    await ctx.db.insert(handOverSigningKeys).values({
      id,
      publicKey: pair.publicKeyPem,
      privateKey: await ctx.keyring.sealSystem(ctx.db, at(id), pair.privateKeyPem),
      createdAt: ctx.now(),
    });
    [row] = await ctx.db
      .select()
      .from(handOverSigningKeys)
      .orderBy(asc(handOverSigningKeys.createdAt), asc(handOverSigningKeys.id))
      .limit(1);
    if (!row) throw new Error("signing key unavailable");
  }
  return {
    id: row.id,
    publicKeyPem: row.publicKey,
    privateKeyPem: await ctx.keyring.openSystem(ctx.db, at(row.id), row.privateKey),
  };
}

/** What a partner organisation verifies packages with. */
export async function signingPublicKey(ctx: AppContext): Promise<{ id: string; publicKey: string }> {
  const key = await signingKey(ctx);
  return { id: key.id, publicKey: key.publicKeyPem };
}
