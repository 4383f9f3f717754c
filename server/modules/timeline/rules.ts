import type { TimelineKind } from "../../../shared/timeline";
import type { AuditDetail } from "../../platform/audit/schema";

export { type TimelineKind, timelineKinds } from "../../../shared/timeline";

/**
 * Audit actions by prefix, longest first wins. Modules name their actions "<module>.<verb>", so an
 * action added later falls under its module's kind without a change here; what no prefix names is
 * "other", still shown.
 */
const kindsByPrefix: readonly (readonly [string, TimelineKind])[] = [
  ["case.register", "registration"],
  ["case.team", "team"],
  ["case.stage", "pathway"],
  ["case.status", "pathway"],
  ["pathway", "pathway"],
  ["stage", "pathway"],
  // The reflection period and temporary residence run alongside the stages (DOMAIN.md step 5).
  ["reflection_period", "pathway"],
  ["residence", "pathway"],
  ["temporary_residence", "pathway"],
  ["referral", "referral"],
  ["rights_information", "rights"],
  ["rights", "rights"],
  ["leaflet", "rights"],
  ["interview", "interview"],
  ["task", "task"],
  ["closure", "closure"],
  ["reopening", "closure"],
  ["assistance", "assistance"],
  ["service", "assistance"],
  ["support_plan", "assistance"],
  ["shelter", "assistance"],
  ["child", "child"],
  ["children", "child"],
  ["guardian", "child"],
  ["best_interests", "child"],
  ["placement", "child"],
  ["parent", "child"],
  ["decision", "future"],
  ["future", "future"],
  ["return", "future"],
  ["risk_assessment", "future"],
  ["handover", "future"],
  ["hand_over", "future"],
  ["follow_up", "future"],
  ["retrafficking", "future"],
  ["re_trafficking", "future"],
  ["alert", "alert"],
  // Decisions of the coordination groups on the case (seed 000; issue 4).
  ["coordination", "coordination"],
];

const startsWithPrefix = (action: string, prefix: string) =>
  action === prefix || action.startsWith(`${prefix}.`);

export function kindOfAction(action: string): TimelineKind {
  let best: readonly [string, TimelineKind] | undefined;
  for (const entry of kindsByPrefix) {
    if (startsWithPrefix(action, entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  }
  return best?.[1] ?? "other";
}

/**
 * Reads of identifying data or sealed text ("case.identity.read", "referral.note.read",
 * "closure.text.read", "interview.read") and searches belong to the audit page, not to the case's
 * history: the timeline tells what happened to the case, not who looked at it.
 */
export function isReadAction(action: string): boolean {
  return action
    .split(".")
    .some(
      (part) =>
        part === "read" ||
        part === "view" ||
        part === "search" ||
        part.endsWith("_read") ||
        part.endsWith("_view"),
    );
}

const maxDetailText = 80;

/**
 * The audit detail is written without identifying data (codes, dates, ids, counts); the timeline
 * still passes on only scalars and lists of short codes, so that nothing longer can ever appear.
 */
export function timelineDetail(detail: AuditDetail): Record<string, string | number | boolean | string[]> {
  const safe: Record<string, string | number | boolean | string[]> = {};
  for (const [key, value] of Object.entries(detail)) {
    if (key === "reference" || value === null) continue;
    if (typeof value === "number" || typeof value === "boolean") safe[key] = value;
    else if (typeof value === "string") {
      if (value.length <= maxDetailText) safe[key] = value;
    } else if (Array.isArray(value) && value.every((item) => item.length <= maxDetailText)) {
      safe[key] = value;
    }
  }
  return safe;
}
