import { asc, eq, inArray } from "drizzle-orm";
import type { InterviewSection } from "../../../shared/interview";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import type { Queryable } from "../../platform/db/types";
import { agencies, users } from "../agencies/schema";
import { visibleCase } from "../cases/queries";
import { openCaseText } from "../cases/sealing";
import { mayCorrectInterview, mayRecordInterview } from "./policy";
import { visibleSections } from "./rules";
import {
  firstInterviews,
  type InterviewTextField,
  interviewJourneyEvents,
  interviewTextAt,
  journeyTextAt,
} from "./schema";

/**
 * The case's first interview as the actor may see it: each section whole or withheld (rules.ts),
 * with the list of those withheld so the page can say they are not shared with this role. Opening
 * sealed text is audited with the sections shown, before anything is returned.
 */
export async function getInterview(ctx: AppContext, actor: Actor, reference: string) {
  const found = await visibleCase(ctx, actor, reference);
  const [row] = await ctx.db.select().from(firstInterviews).where(eq(firstInterviews.caseId, found.id));
  if (!row) return { record: null, mayRecord: mayRecordInterview(actor, found.scopes), mayCorrect: false };

  const { shown, withheld } = visibleSections(actor.roles, found.scopes);
  const sees = (section: InterviewSection) => shown.includes(section);
  const open = async (field: InterviewTextField, sealed: Buffer | null) =>
    sealed ? openCaseText(ctx, ctx.db, found.id, interviewTextAt(row.id, field), sealed) : null;

  const journey = sees("journey")
    ? await Promise.all(
        (
          await ctx.db
            .select()
            .from(interviewJourneyEvents)
            .where(eq(interviewJourneyEvents.interviewId, row.id))
            .orderBy(asc(interviewJourneyEvents.position))
        ).map(async (event) => ({
          type: event.type,
          date: event.date,
          dateApproximate: event.dateApproximate,
          country: event.country,
          place: event.place
            ? await openCaseText(ctx, ctx.db, found.id, journeyTextAt(event.id, "place"), event.place)
            : null,
          note: event.note
            ? await openCaseText(ctx, ctx.db, found.id, journeyTextAt(event.id, "note"), event.note)
            : null,
        })),
      )
    : null;

  const people = await ctx.db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [row.interviewedBy, row.updatedBy]));
  const [agency] = await ctx.db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.id, row.agencyId));
  const person = (id: string) => people.find((p) => p.id === id) ?? { id, name: "" };

  const record = {
    id: row.id,
    revision: row.revision,
    interviewedAt: row.interviewedAt.toISOString(),
    interviewedBy: person(row.interviewedBy),
    agency: agency ?? { id: row.agencyId, name: "" },
    recordedAt: row.recordedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: person(row.updatedBy),
    conduct: sees("conduct")
      ? {
          heldInPrivate: row.heldInPrivate,
          withInterpreter: row.withInterpreter,
          interpreterLanguage: row.interpreterLanguage,
          femaleOfficerPresent: row.femaleOfficerPresent,
          statementWillingness: row.statementWillingness,
        }
      : null,
    circumstances: sees("circumstances") ? { account: await open("circumstances", row.circumstances) } : null,
    recruitment: sees("recruitment")
      ? { methods: row.recruitmentMethods, account: await open("recruitment", row.recruitment) }
      : null,
    journey,
    control: sees("control")
      ? { methods: row.controlMethods, account: await open("control", row.control) }
      : null,
    exploitation: sees("exploitation")
      ? { types: row.exploitationTypes, account: await open("exploitation", row.exploitation) }
      : null,
    needs: sees("needs") ? { codes: row.needCodes, account: await open("needs", row.needs) } : null,
    risks: sees("risks") ? { level: row.riskLevel, account: await open("risks", row.risks) } : null,
    withheld,
  };

  // Conduct holds no sealed text; any other section shown is a read of the person's account.
  const read = shown.filter((section) => section !== "conduct");
  if (read.length > 0) {
    await ctx.db.transaction((tx) =>
      recordAudit(tx, auditActor(actor), {
        action: "interview.read",
        caseId: found.id,
        entity: "first_interview",
        entityId: row.id,
        detail: { reference, sections: shown },
      }),
    );
  }
  return {
    record,
    mayRecord: false,
    mayCorrect: mayCorrectInterview(actor, found.scopes, row.agencyId),
  };
}

/** Whether the case's first interview is recorded (the fact the pathway's SOP names). */
export async function hasFirstInterview(db: Queryable, caseId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: firstInterviews.id })
    .from(firstInterviews)
    .where(eq(firstInterviews.caseId, caseId))
    .limit(1);
  return !!row;
}
