import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { InterviewInput, InterviewSection } from "../../../shared/interview";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AuditDetail } from "../../platform/audit/schema";
import type { AppContext } from "../../platform/context";
import type { Tx } from "../../platform/db/types";
import { Conflict, Forbidden, Invalid } from "../../platform/errors";
import { localDate } from "../../platform/jurisdiction";
import { visibleCase } from "../cases/queries";
import { sealCaseText } from "../cases/sealing";
import { mayCorrectInterview, mayRecordInterview } from "./policy";
import { interviewIssue } from "./rules";
import {
  firstInterviews,
  type InterviewTextField,
  interviewJourneyEvents,
  interviewTextAt,
  journeyTextAt,
} from "./schema";

function checkInput(ctx: AppContext, input: InterviewInput): Date {
  const now = ctx.now();
  const interviewedAt = new Date(input.interviewedAt);
  const issue = interviewIssue({ ...input, interviewedAt }, now, localDate(now, ctx.jurisdiction.timeZone));
  if (issue) throw new Invalid(issue.field, issue.code);
  return interviewedAt;
}

const filled = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
};

/** The plain columns and sealed accounts of the record, sealed under the person's key. */
async function recordValues(ctx: AppContext, tx: Tx, caseId: string, id: string, input: InterviewInput) {
  const seal = async (field: InterviewTextField, text: string | null | undefined) => {
    const value = filled(text);
    return value === null ? null : sealCaseText(ctx, tx, caseId, interviewTextAt(id, field), value);
  };
  return {
    heldInPrivate: input.heldInPrivate,
    withInterpreter: input.withInterpreter,
    // The language belongs to the interpreter: without one there is none to record.
    interpreterLanguage: input.withInterpreter ? (input.interpreterLanguage ?? null) : null,
    femaleOfficerPresent: input.femaleOfficerPresent,
    statementWillingness: input.statementWillingness,
    circumstances: await seal("circumstances", input.circumstances.account),
    recruitmentMethods: [...new Set(input.recruitment.methods)],
    recruitment: await seal("recruitment", input.recruitment.account),
    controlMethods: [...new Set(input.control.methods)],
    control: await seal("control", input.control.account),
    exploitationTypes: [...new Set(input.exploitation.types)],
    exploitation: await seal("exploitation", input.exploitation.account),
    needCodes: [...new Set(input.needs.codes)],
    needs: await seal("needs", input.needs.account),
    riskLevel: input.risks.level ?? null,
    risks: await seal("risks", input.risks.account),
  };
}

async function writeJourney(
  ctx: AppContext,
  tx: Tx,
  caseId: string,
  interviewId: string,
  input: InterviewInput,
) {
  await tx.delete(interviewJourneyEvents).where(eq(interviewJourneyEvents.interviewId, interviewId));
  for (const [position, event] of input.journey.entries()) {
    const id = randomUUID();
    const place = filled(event.place);
    const note = filled(event.note);
    await tx.insert(interviewJourneyEvents).values({
      id,
      interviewId,
      position,
      type: event.type,
      date: event.date ?? null,
      dateApproximate: event.date ? event.dateApproximate : false,
      country: event.country ?? null,
      place: place === null ? null : await sealCaseText(ctx, tx, caseId, journeyTextAt(id, "place"), place),
      note: note === null ? null : await sealCaseText(ctx, tx, caseId, journeyTextAt(id, "note"), note),
    });
  }
}

/** Which sections hold anything: codes, text or events. Names only, for the audit trail. */
function sectionsGiven(input: InterviewInput): InterviewSection[] {
  const given: [InterviewSection, boolean][] = [
    ["conduct", true],
    ["circumstances", filled(input.circumstances.account) !== null],
    ["recruitment", input.recruitment.methods.length > 0 || filled(input.recruitment.account) !== null],
    ["journey", input.journey.length > 0],
    ["control", input.control.methods.length > 0 || filled(input.control.account) !== null],
    ["exploitation", input.exploitation.types.length > 0 || filled(input.exploitation.account) !== null],
    ["needs", input.needs.codes.length > 0 || filled(input.needs.account) !== null],
    ["risks", !!input.risks.level || filled(input.risks.account) !== null],
  ];
  return given.filter(([, present]) => present).map(([section]) => section);
}

const auditDetail = (reference: string, revision: number, input: InterviewInput): AuditDetail => ({
  reference,
  revision,
  sections: sectionsGiven(input),
  journeyEvents: input.journey.length,
  heldInPrivate: input.heldInPrivate,
  withInterpreter: input.withInterpreter,
  femaleOfficerPresent: input.femaleOfficerPresent,
});

/**
 * Records the first interview. The person is interviewed once (seed 002 rec. 2.3–2.4): a second
 * record for the same case is refused, and the existing one is corrected instead. Who interviewed
 * is the signed-in user and agency, never a field of the form.
 */
export async function recordInterview(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  input: InterviewInput,
): Promise<{ id: string }> {
  const found = await visibleCase(ctx, actor, reference);
  if (!mayRecordInterview(actor, found.scopes)) throw new Forbidden();
  const interviewedAt = checkInput(ctx, input);
  const now = ctx.now();
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: firstInterviews.id })
      .from(firstInterviews)
      .where(eq(firstInterviews.caseId, found.id))
      .for("update");
    if (existing) throw new Conflict("interview_exists");
    await tx.insert(firstInterviews).values({
      id,
      caseId: found.id,
      interviewedAt,
      interviewedBy: actor.userId,
      agencyId: actor.agencyId,
      ...(await recordValues(ctx, tx, found.id, id, input)),
      revision: 1,
      recordedAt: now,
      updatedAt: now,
      updatedBy: actor.userId,
    });
    await writeJourney(ctx, tx, found.id, id, input);
    await recordAudit(tx, auditActor(actor), {
      action: "interview.record",
      caseId: found.id,
      entity: "first_interview",
      entityId: id,
      detail: auditDetail(reference, 1, input),
    });
    return { id };
  });
}

/**
 * Corrects the record in place: the whole record is sent again, the revision counts up, and the
 * correction is audited. The interviewer and agency stay those who held the interview.
 */
export async function correctInterview(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  input: InterviewInput,
): Promise<void> {
  const found = await visibleCase(ctx, actor, reference);
  const interviewedAt = checkInput(ctx, input);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: firstInterviews.id,
        agencyId: firstInterviews.agencyId,
        revision: firstInterviews.revision,
      })
      .from(firstInterviews)
      .where(eq(firstInterviews.caseId, found.id))
      .for("update");
    if (!row) throw new Conflict("interview_missing");
    if (!mayCorrectInterview(actor, found.scopes, row.agencyId)) throw new Forbidden();
    const revision = row.revision + 1;
    await tx
      .update(firstInterviews)
      .set({
        interviewedAt,
        ...(await recordValues(ctx, tx, found.id, row.id, input)),
        revision,
        updatedAt: ctx.now(),
        updatedBy: actor.userId,
      })
      .where(eq(firstInterviews.id, row.id));
    await writeJourney(ctx, tx, found.id, row.id, input);
    await recordAudit(tx, auditActor(actor), {
      action: "interview.correct",
      caseId: found.id,
      entity: "first_interview",
      entityId: row.id,
      detail: auditDetail(reference, revision, input),
    });
  });
}
