import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { type Actor, auditActor } from "../../platform/auth/actor";
import { recordAudit } from "../../platform/audit/audit";
import type { AppContext } from "../../platform/context";
import { NotFound } from "../../platform/errors";
import { agencies, users } from "../agencies/schema";
import { cases } from "../cases/schema";
import { visibleCase } from "../cases/queries";
import { openCaseText } from "../cases/sealing";
import { currentDecision } from "./facts";
import {
  mayHandOver,
  mayLinkReTrafficking,
  mayRecordDecision,
  mayRecordFollowUp,
  mayRecordReturn,
  mayRecordRiskAssessment,
  maySeeFutureText,
} from "./policy";
import { caseReturns, followUps, handOvers, reTraffickingLinks, riskAssessments } from "./schema";

/**
 * Everything the case's "future" tab shows, for the case team (anyone else: 404). Sealed texts are
 * opened only for identity roles on a team with the identity scope, and the opening is audited.
 */
export async function futureView(ctx: AppContext, actor: Actor, reference: string) {
  const found = await visibleCase(ctx, actor, reference);
  const seeText = maySeeFutureText(actor, found.scopes);
  let opened = 0;
  const open = async (table: string, recordId: string, field: string, sealed: Buffer | null) => {
    if (!seeText || !sealed) return null;
    opened++;
    return openCaseText(ctx, ctx.db, found.id, { table, recordId, field }, sealed);
  };

  const risks = await ctx.db
    .select({
      row: riskAssessments,
      user: { id: users.id, name: users.displayName },
      agency: { id: agencies.id, name: agencies.name },
    })
    .from(riskAssessments)
    .innerJoin(users, eq(users.id, riskAssessments.recordedBy))
    .innerJoin(agencies, eq(agencies.id, riskAssessments.agencyId))
    .where(eq(riskAssessments.caseId, found.id))
    .orderBy(desc(riskAssessments.recordedAt));
  const riskList = [];
  for (const { row, user, agency } of risks) {
    riskList.push({
      id: row.id,
      assessedOn: row.assessedOn,
      level: row.level,
      factors: row.factors,
      recommendation: row.recommendation,
      hasAssessment: row.assessment !== null,
      assessment: await open("risk_assessments", row.id, "assessment", row.assessment),
      recordedBy: user,
      agency,
      recordedAt: row.recordedAt.toISOString(),
    });
  }

  const decisionRow = await currentDecision(ctx.db, found.id);
  const people = async (ids: (string | null)[]) => {
    const wanted = ids.filter((id): id is string => id !== null);
    if (wanted.length === 0) return new Map<string, { id: string; name: string }>();
    const rows = await ctx.db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(inArray(users.id, wanted));
    return new Map(rows.map((u) => [u.id, u]));
  };
  const agencyNames = async (ids: (string | null)[]) => {
    const wanted = ids.filter((id): id is string => id !== null);
    if (wanted.length === 0) return new Map<string, { id: string; name: string }>();
    const rows = await ctx.db
      .select({ id: agencies.id, name: agencies.name })
      .from(agencies)
      .where(inArray(agencies.id, wanted));
    return new Map(rows.map((a) => [a.id, a]));
  };

  const [returnRow] = await ctx.db
    .select()
    .from(caseReturns)
    .where(eq(caseReturns.caseId, found.id))
    .orderBy(desc(caseReturns.recordedAt))
    .limit(1);
  const handOverRows = await ctx.db
    .select()
    .from(handOvers)
    .where(eq(handOvers.caseId, found.id))
    .orderBy(desc(handOvers.createdAt));
  const followUpRows = await ctx.db
    .select()
    .from(followUps)
    .where(and(eq(followUps.caseId, found.id), inArray(followUps.status, ["scheduled", "held"])))
    .orderBy(asc(followUps.dueAt));

  const names = await people([
    decisionRow?.recordedBy ?? null,
    returnRow?.recordedBy ?? null,
    ...handOverRows.map((h) => h.createdBy),
    ...followUpRows.map((f) => f.heldBy),
  ]);
  const agencyMap = await agencyNames([
    decisionRow?.agencyId ?? null,
    returnRow?.agencyId ?? null,
    returnRow?.escortAgencyId ?? null,
    ...handOverRows.map((h) => h.agencyId),
    ...followUpRows.flatMap((f) => [f.agencyId, f.resultAgencyId]),
  ]);
  const person = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const agencyOf = (id: string | null) => (id ? (agencyMap.get(id) ?? null) : null);

  const decision = decisionRow
    ? {
        id: decisionRow.id,
        option: decisionRow.option,
        decidedOn: decisionRow.decidedOn,
        plannedDepartureOn: decisionRow.plannedDepartureOn,
        hasNote: decisionRow.note !== null,
        note: await open("future_decisions", decisionRow.id, "note", decisionRow.note),
        recordedBy: person(decisionRow.recordedBy),
        agency: agencyOf(decisionRow.agencyId),
        recordedAt: decisionRow.recordedAt.toISOString(),
      }
    : null;
  const returnDetails = returnRow
    ? {
        id: returnRow.id,
        travelDocumentStatus: returnRow.travelDocumentStatus,
        travelDocumentOn: returnRow.travelDocumentOn,
        hasTravelDocumentNumber: returnRow.travelDocumentNumber !== null,
        travelDocumentNumber: await open(
          "case_returns",
          returnRow.id,
          "travel_document_number",
          returnRow.travelDocumentNumber,
        ),
        escorted: returnRow.escorted,
        escortAgency: agencyOf(returnRow.escortAgencyId),
        departureOn: returnRow.departureOn,
        destinationCountry: returnRow.destinationCountry,
        partnerName: returnRow.partnerName,
        partnerCountry: returnRow.partnerCountry,
        recordedBy: person(returnRow.recordedBy),
        agency: agencyOf(returnRow.agencyId),
        recordedAt: returnRow.recordedAt.toISOString(),
      }
    : null;
  const now = ctx.now();
  const followUpList = [];
  for (const f of followUpRows) {
    followUpList.push({
      id: f.id,
      months: f.months,
      dueOn: f.dueOn,
      status: f.status,
      overdue: f.status === "scheduled" && now.getTime() >= f.dueAt.getTime(),
      agency: agencyOf(f.agencyId),
      heldOn: f.heldOn,
      heldBy: person(f.heldBy),
      resultAgency: agencyOf(f.resultAgencyId),
      outcomes: f.outcomes ?? [],
      hasNotes: f.notes !== null,
      notes: await open("follow_ups", f.id, "notes", f.notes),
    });
  }

  const earlier = await ctx.db
    .select({ reference: cases.reference, recordedAt: reTraffickingLinks.recordedAt })
    .from(reTraffickingLinks)
    .innerJoin(cases, eq(cases.id, reTraffickingLinks.earlierCaseId))
    .where(eq(reTraffickingLinks.laterCaseId, found.id))
    .orderBy(asc(reTraffickingLinks.recordedAt));
  const later = await ctx.db
    .select({ reference: cases.reference, recordedAt: reTraffickingLinks.recordedAt })
    .from(reTraffickingLinks)
    .innerJoin(cases, eq(cases.id, reTraffickingLinks.laterCaseId))
    .where(eq(reTraffickingLinks.earlierCaseId, found.id))
    .orderBy(asc(reTraffickingLinks.recordedAt));

  if (opened > 0) {
    await ctx.db.transaction((tx) =>
      recordAudit(tx, auditActor(actor), {
        action: "future.text.read",
        caseId: found.id,
        entity: "case",
        entityId: reference,
        detail: { reference, fields: opened },
      }),
    );
  }

  return {
    reference,
    pathway: found.pathway,
    riskAssessments: riskList,
    decision,
    returnDetails,
    handOvers: handOverRows.map((h) => ({
      id: h.id,
      sections: h.sections,
      language: h.language,
      createdBy: person(h.createdBy),
      agency: agencyOf(h.agencyId),
      createdAt: h.createdAt.toISOString(),
    })),
    followUps: followUpList,
    reTrafficking: {
      earlier: earlier.map((e) => ({ reference: e.reference, recordedAt: e.recordedAt.toISOString() })),
      later: later.map((e) => ({ reference: e.reference, recordedAt: e.recordedAt.toISOString() })),
    },
    permissions: {
      canAssessRisk: mayRecordRiskAssessment(actor),
      canDecide: mayRecordDecision(actor),
      canRecordReturn: mayRecordReturn(actor),
      canHandOver: mayHandOver(actor, found.scopes),
      canRecordFollowUp: mayRecordFollowUp(actor),
      canLinkReTrafficking: mayLinkReTrafficking(actor),
      canSeeText: maySeeFutureText(actor, found.scopes),
    },
  };
}

/**
 * A hand-over's package or PDF, for those who may make hand-overs on the case. Both carry the
 * person's data out of the system, so each download is audited.
 */
export async function handOverDownload(
  ctx: AppContext,
  actor: Actor,
  reference: string,
  id: string,
  kind: "package" | "pdf",
): Promise<{ body: Buffer; fileName: string }> {
  const found = await visibleCase(ctx, actor, reference);
  const [row] = await ctx.db
    .select()
    .from(handOvers)
    .where(and(eq(handOvers.id, id), eq(handOvers.caseId, found.id)));
  if (!row || !mayHandOver(actor, found.scopes)) throw new NotFound();
  const body =
    kind === "package"
      ? row.package
      : Buffer.from(
          await openCaseText(
            ctx,
            ctx.db,
            found.id,
            { table: "hand_overs", recordId: row.id, field: "pdf" },
            row.pdf,
          ),
          "base64",
        );
  await ctx.db.transaction((tx) =>
    recordAudit(tx, auditActor(actor), {
      action: "hand_over.download",
      caseId: found.id,
      entity: "hand_over",
      entityId: row.id,
      // The one purpose a hand-over is made for: the person's return to a partner abroad.
      reason: "return_hand_over",
      detail: { reference, kind, sections: row.sections },
    }),
  );
  const stem = `hand-over-${reference}-${row.createdAt.toISOString().slice(0, 10)}`;
  return { body, fileName: kind === "package" ? `${stem}.onrm` : `${stem}.pdf` };
}
