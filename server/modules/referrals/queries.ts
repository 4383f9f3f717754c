import { and, desc, eq, inArray } from "drizzle-orm";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import type { Queryable } from "../../platform/db/types";
import { Forbidden, NotFound } from "../../platform/errors";
import { agencies } from "../agencies/schema";
import { caseLabels, visibleCase } from "../cases/queries";
import { openCaseText } from "../cases/sealing";
import {
  mayAnswerReferral,
  mayReadInbox,
  mayRevokeReferral,
  maySeeReferral,
  maySeeReferralNote,
} from "./policy";
import { type AgencyName, presentReferral } from "./presenter";
import { nextStatus } from "./rules";
import { declineReasonAt, noteAt, referralReads, referrals } from "./schema";

type ReferralRow = typeof referrals.$inferSelect;

/** Referral rows with their case labels and agency names, ready to present. */
async function presentAll(db: Queryable, rows: ReferralRow[]) {
  const labels = await caseLabels(db, [...new Set(rows.map((r) => r.caseId))]);
  const ids = [...new Set(rows.flatMap((r) => [r.fromAgencyId, r.toAgencyId]))];
  const names = new Map<string, AgencyName>();
  if (ids.length > 0) {
    for (const a of await db
      .select({ id: agencies.id, name: agencies.name })
      .from(agencies)
      .where(inArray(agencies.id, ids)))
      names.set(a.id, a);
  }
  const nameOf = (id: string) => names.get(id) ?? { id, name: "" };
  return rows.flatMap((row) => {
    const label = labels.get(row.caseId);
    return label ? [{ row, referral: presentReferral(row, label, nameOf) }] : [];
  });
}

/** The referrals of a case, for its team. */
export async function listCaseReferrals(ctx: AppContext, actor: Actor, reference: string) {
  const found = await visibleCase(ctx, actor, reference);
  const rows = await ctx.db
    .select()
    .from(referrals)
    .where(eq(referrals.caseId, found.id))
    .orderBy(desc(referrals.referredAt));
  return (await presentAll(ctx.db, rows)).map((r) => r.referral);
}

/**
 * The agency's inbox: referrals to it, newest first. `pending` counts what awaits an answer from
 * the agency; `unread` what nobody has opened yet as this user.
 */
export async function referralInbox(ctx: AppContext, actor: Actor) {
  if (!mayReadInbox(actor)) throw new Forbidden();
  const rows = await ctx.db
    .select({ referral: referrals, readAt: referralReads.readAt })
    .from(referrals)
    .leftJoin(
      referralReads,
      and(eq(referralReads.referralId, referrals.id), eq(referralReads.userId, actor.userId)),
    )
    .where(eq(referrals.toAgencyId, actor.agencyId))
    .orderBy(desc(referrals.referredAt))
    .limit(200);
  const readIds = new Set(rows.filter((r) => r.readAt !== null).map((r) => r.referral.id));
  const items = (
    await presentAll(
      ctx.db,
      rows.map((r) => r.referral),
    )
  ).map(({ row, referral }) => ({ ...referral, unread: !readIds.has(row.id) }));
  const pending = items.filter((item) => item.status === "pending");
  return { items, pending: pending.length, unread: pending.filter((item) => item.unread).length };
}

/**
 * One referral, for the two agencies it connects (anyone else: 404). Opening it marks it read for
 * the recipient's user; opening its sealed note is audited like any read of identifying data.
 */
export async function getReferral(ctx: AppContext, actor: Actor, id: string) {
  const [row] = await ctx.db.select().from(referrals).where(eq(referrals.id, id));
  if (!row || !maySeeReferral(actor, row)) throw new NotFound();
  const [presented] = await presentAll(ctx.db, [row]);
  if (!presented) throw new NotFound();
  const mayOpen = maySeeReferralNote(actor, row);
  const note =
    row.note && mayOpen ? await openCaseText(ctx, ctx.db, row.caseId, noteAt(row.id), row.note) : null;
  const declineReason =
    row.declineReason && mayOpen
      ? await openCaseText(ctx, ctx.db, row.caseId, declineReasonAt(row.id), row.declineReason)
      : null;
  await ctx.db.transaction(async (tx) => {
    if (actor.agencyId === row.toAgencyId) {
      await tx
        .insert(referralReads)
        .values({ referralId: row.id, userId: actor.userId, readAt: ctx.now() })
        .onConflictDoNothing();
    }
    if (note !== null || declineReason !== null) {
      await recordAudit(tx, auditActor(actor), {
        action: "referral.note.read",
        caseId: row.caseId,
        entity: "referral",
        entityId: row.id,
        detail: {
          reference: presented.referral.case.reference,
          fields: [...(note !== null ? ["note"] : []), ...(declineReason !== null ? ["decline_reason"] : [])],
        },
      });
    }
  });
  return {
    ...presented.referral,
    note,
    declineReason,
    permissions: {
      canAnswer: mayAnswerReferral(actor, row) && row.status === "pending",
      canRevoke: mayRevokeReferral(actor, row) && nextStatus(row.status, "revoke") !== null,
    },
  };
}

/** Whether some agency has taken the case on through a referral (a fact the pathway needs). */
export async function hasAcceptedReferral(db: Queryable, caseId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: referrals.id })
    .from(referrals)
    .where(and(eq(referrals.caseId, caseId), eq(referrals.status, "accepted")))
    .limit(1);
  return !!row;
}
