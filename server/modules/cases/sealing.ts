import type { AppContext } from "../../platform/context";
import type { FieldLocation } from "../../platform/crypto/keyring";
import type { Queryable } from "../../platform/db/types";
import { orErased, unlessErased } from "../retention/erased";
import { personKeyOfCase } from "./queries";

/**
 * Free text about a case (a note, a reason) may name people: other modules seal it under the
 * person's own data key, bound to its row and column, so erasing the person erases it too.
 */
export async function sealCaseText(
  ctx: AppContext,
  db: Queryable,
  caseId: string,
  at: FieldLocation,
  text: string,
): Promise<Buffer> {
  return unlessErased(ctx.keyring.sealText(db, await personKeyOfCase(db, caseId), at, text));
}

/** Opens text sealed by sealCaseText (ERASED once the person is erased); the caller audits the read. */
export async function openCaseText(
  ctx: AppContext,
  db: Queryable,
  caseId: string,
  at: FieldLocation,
  sealed: Buffer,
): Promise<string> {
  return orErased(ctx.keyring.openText(db, await personKeyOfCase(db, caseId), at, sealed));
}
