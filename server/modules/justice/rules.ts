import type { CustodyStatus, LawSection, LawTable, RangeCheck, VerdictInput } from "../../../shared/justice";
import type { Pathway } from "../../../shared/vocabulary";

/** The section of the law table a charge names, or null when the table has none such. */
export const lawSection = (law: LawTable, section: string): LawSection | null =>
  law.sections.find((s) => s.section === section) ?? null;

export interface StatutoryRange {
  minimumMonths: number;
  /** Null: the statute sets no maximum. */
  maximumMonths: number | null;
}

/**
 * The range a court must keep to for a charge. When the victim is a minor the maximum rises where
 * the statute says so (Reg. 2001/4: trafficking up to 15 years, using the services up to 10).
 */
export function statutoryRange(section: LawSection, minorVictim: boolean): StatutoryRange {
  return {
    minimumMonths: section.minimumMonths,
    maximumMonths:
      minorVictim && section.minorMaximumMonths !== null ? section.minorMaximumMonths : section.maximumMonths,
  };
}

/**
 * How a sentence stands against the range: seed 002 found sentences "often under the statutory
 * minimum", and the system shows every such one. A conviction with no imprisonment (a fine only)
 * is below any minimum above zero. A suspended sentence is checked on its term: the suspension is
 * recorded beside it, as are mitigating grounds, but neither changes what the statute requires.
 */
export function sentenceCheck(range: StatutoryRange, imprisonmentMonths: number | null): RangeCheck {
  const months = imprisonmentMonths ?? 0;
  if (months < range.minimumMonths) return "below_minimum";
  if (range.maximumMonths !== null && months > range.maximumMonths) return "above_maximum";
  return "within";
}

/** Whether a verdict's sentence is out of range: the flag shown on the proceeding and in reports. */
export const isOutOfRange = (check: RangeCheck | null) => check !== null && check !== "within";

/** A defendant back among the public: the victims must be told and their risk reassessed (seed 002). */
export const releaseStatuses: readonly CustodyStatus[] = ["released_pending_appeal", "acquitted", "escaped"];
/** The alert kind raised on a release; a risk reassessment of the victim ends it. */
export const releaseAlertKind = "defendant_released";
export const isRelease = (status: CustodyStatus) => releaseStatuses.includes(status);

/** A victim is treated as a minor when on the child pathway (age unknown counts as a child). */
export const isMinorVictim = (victimCase: { pathway: Pathway }) => victimCase.pathway === "child";

/** What is wrong with a verdict's sentence fields, as the field and code to refuse it with. */
export function verdictIssue(
  input: Pick<
    VerdictInput,
    "outcome" | "imprisonmentMonths" | "fineEuros" | "suspended" | "mitigatingGrounds"
  >,
): { field: string; code: string } | null {
  const hasSentence =
    (input.imprisonmentMonths ?? null) !== null ||
    (input.fineEuros ?? null) !== null ||
    input.suspended ||
    input.mitigatingGrounds.length > 0;
  if (input.outcome !== "convicted") {
    return hasSentence ? { field: "imprisonmentMonths", code: "sentence_without_conviction" } : null;
  }
  if ((input.imprisonmentMonths ?? null) === null && (input.fineEuros ?? null) === null)
    return { field: "imprisonmentMonths", code: "sentence_required" };
  if (input.suspended && !input.imprisonmentMonths)
    return { field: "suspended", code: "suspended_without_term" };
  return null;
}
