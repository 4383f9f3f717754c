import {
  type CallbackOutcome,
  type ContactIndicator,
  contactIndicators,
  identifierFields,
} from "../../../shared/hotline";
import type { ErrorCode } from "../../../shared/messages";
import type { ControlMethod, ExploitationType } from "../../../shared/vocabulary";
import { fromWallTime } from "../pathway/calendar";

export interface Issue {
  field: string;
  code: ErrorCode;
}

/**
 * The first identifier given without the caller's recorded consent, or null. Nothing that
 * identifies the caller is stored unless they agreed (seed 003: an anonymous hotline).
 */
export function identifierIssue(draft: {
  identifierConsent: boolean;
  callerName?: string | null | undefined;
  phone?: string | null | undefined;
}): Issue | null {
  if (draft.identifierConsent) return null;
  const given = identifierFields.find((field) => (draft[field] ?? "").trim() !== "");
  return given ? { field: given, code: "hotline_identifier_without_consent" } : null;
}

/** A hand-over to the police rests on the caller's consent or on a recorded exception. */
export function handoverIssue(draft: {
  callerConsent: boolean;
  exception?: string | null | undefined;
}): Issue | null {
  return !draft.callerConsent && !draft.exception
    ? { field: "exception", code: "hotline_handover_basis" }
    : null;
}

/** The indicators once each, in the order of the checklist. */
export const normalisedIndicators = (indicators: readonly ContactIndicator[]): ContactIndicator[] =>
  contactIndicators.filter((indicator) => indicators.includes(indicator));

const exploitationOf: Partial<Record<ContactIndicator, ExploitationType>> = {
  forced_sexual_services: "SexualExploitation",
  forced_labour: "ForcedLabour",
  forced_begging: "ForcedBegging",
};
const controlOf: Partial<Record<ContactIndicator, ControlMethod>> = {
  documents_taken: "WithholdsDocuments",
  debt_bondage: "DebtBondage",
  violence_or_threats: "PhysicalThreats",
  deceived_about_work: "FalsePromises",
  no_or_little_pay: "TakesEarnings",
};

/** What the caller reported, carried into the registration's HTCDS fields so nobody types it twice. */
export function registrationFacts(indicators: readonly ContactIndicator[]): {
  exploitationTypes: ExploitationType[];
  controlMethods: ControlMethod[];
} {
  const unique = <T>(values: (T | undefined)[]) => [
    ...new Set(values.filter((v): v is T => v !== undefined)),
  ];
  return {
    exploitationTypes: unique(indicators.map((i) => exploitationOf[i])),
    controlMethods: unique(indicators.map((i) => controlOf[i])),
  };
}

/** A callback attempt that reached the caller, or that can never reach them, ends the callback. */
export const endsCallback = (outcome: CallbackOutcome) =>
  outcome === "reached" || outcome === "declined" || outcome === "wrong_number";

/** The instant a local calendar day (YYYY-MM-DD) begins in the time zone. */
export function startOfDay(date: string, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number);
  return fromWallTime(
    { year: year ?? 0, month: month ?? 1, day: day ?? 1, hour: 0, minute: 0, second: 0, millisecond: 0 },
    timeZone,
  );
}

/** Counts per value, every value of the vocabulary listed (a zero is a figure too). */
export function countBy<T extends string>(vocabulary: readonly T[], values: readonly T[]): Record<T, number> {
  const counts = Object.fromEntries(vocabulary.map((v) => [v, 0])) as Record<T, number>;
  for (const value of values) if (value in counts) counts[value] += 1;
  return counts;
}
