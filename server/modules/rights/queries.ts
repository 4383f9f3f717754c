import { desc, eq } from "drizzle-orm";
import type { Actor } from "../../platform/auth/actor";
import type { AppContext } from "../../platform/context";
import type { Queryable } from "../../platform/db/types";
import { agencies, users } from "../agencies/schema";
import { visibleCase } from "../cases/queries";
import { rightsInformation } from "./schema";

/** The case's rights-information records, latest first, for its team (anyone else: 404). */
export async function listRightsInformation(ctx: AppContext, actor: Actor, reference: string) {
  const found = await visibleCase(ctx, actor, reference);
  const rows = await ctx.db
    .select({
      record: rightsInformation,
      user: { id: users.id, name: users.displayName },
      agency: { id: agencies.id, name: agencies.name },
    })
    .from(rightsInformation)
    .innerJoin(users, eq(users.id, rightsInformation.informedBy))
    .innerJoin(agencies, eq(agencies.id, rightsInformation.agencyId))
    .where(eq(rightsInformation.caseId, found.id))
    .orderBy(desc(rightsInformation.informedAt), desc(rightsInformation.recordedAt));
  return rows.map(({ record, user, agency }) => ({
    id: record.id,
    rights: record.rights,
    language: record.language,
    withInterpreter: record.withInterpreter,
    understood: record.understood,
    informedAt: record.informedAt.toISOString(),
    informedBy: user,
    agency,
    recordedAt: record.recordedAt.toISOString(),
  }));
}

/** Whether the person has been informed of their rights (the fact the pathway's SOP names). */
export async function hasRightsInformation(db: Queryable, caseId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: rightsInformation.id })
    .from(rightsInformation)
    .where(eq(rightsInformation.caseId, caseId))
    .limit(1);
  return !!row;
}
