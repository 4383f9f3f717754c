import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { CaseStatus } from "../../../shared/vocabulary";
import type { ErasureReason } from "../../../shared/retention";
import { configRoot } from "../../platform/jurisdiction";

const basis = z.string().min(1);

/**
 * How long each kind of record keeps its identity (config/jurisdictions/<code>/retention.json).
 * Every period carries its basis, so that the file says why, not only how long.
 */
const policySchema = z.strictObject({
  closedCase: z.strictObject({ yearsAfterClosure: z.number().int().min(0).max(100), basis }),
  childCase: z.strictObject({ yearsAfterMajority: z.number().int().min(0).max(100), basis }),
  hotlineContactAnonymous: z.strictObject({ monthsAfterContact: z.number().int().min(0).max(1200), basis }),
  hotlineContactIdentified: z.strictObject({ monthsAfterContact: z.number().int().min(0).max(1200), basis }),
  proceeding: z.strictObject({ yearsAfterVerdict: z.number().int().min(0).max(100), basis }),
  sessions: z.strictObject({ daysAfterEnd: z.number().int().min(0).max(3650), basis }),
  auditLog: z.strictObject({ kept: z.literal(true), basis }),
  statisticsFacts: z.strictObject({ kept: z.literal(true), basis }),
  alertDaysBefore: z.number().int().min(0).max(365),
  alertBasis: basis,
});
export type RetentionPolicy = z.infer<typeof policySchema>;

/** Validates parsed JSON; `source` names the file in the message. */
export function parsePolicy(json: unknown, source: string): RetentionPolicy {
  const result = policySchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues
      .map((i) => `  ${i.path.join(".") || "(root)"}: ${i.message}`)
      .join("\n");
    throw new Error(`Invalid retention configuration in ${source}:\n${problems}`);
  }
  return result.data;
}

export function loadPolicy(jurisdictionCode: string, root = configRoot): RetentionPolicy {
  const file = path.join(root, jurisdictionCode, "retention.json");
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(
      `Cannot read the retention policy in ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return parsePolicy(json, file);
}

const loaded = new Map<string, RetentionPolicy>();

/** The jurisdiction's retention policy, loaded and validated once per process. */
export function policyFor(jurisdictionCode: string): RetentionPolicy {
  const known = loaded.get(jurisdictionCode);
  if (known) return known;
  const policy = loadPolicy(jurisdictionCode);
  loaded.set(jurisdictionCode, policy);
  return policy;
}

/** A calendar date (YYYY-MM-DD) moved by whole months; the 29th of February becomes the 28th. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export const addYears = (date: string, years: number) => addMonths(date, years * 12);

const later = (a: string, b: string) => (a > b ? a : b);

const closedStatuses: readonly CaseStatus[] = ["Closed", "ClosedReferred"];
export const isClosed = (status: CaseStatus) => closedStatuses.includes(status);

/**
 * When a closed case's person falls due for erasure: N years after closure, and for a child (or a
 * person of unknown age, who follows the child pathway) not before N years after turning 18.
 * An open case is never due: the person is still being helped.
 */
export function caseDueOn(
  c: {
    status: CaseStatus;
    closedOn: string | null;
    identificationDate: string;
    ageAtIdentification: number | null;
  },
  policy: RetentionPolicy,
): string | null {
  if (!isClosed(c.status) || c.closedOn === null) return null;
  const afterClosure = addYears(c.closedOn, policy.closedCase.yearsAfterClosure);
  if (c.ageAtIdentification !== null && c.ageAtIdentification >= 18) return afterClosure;
  // Unknown age counts as a child identified at birth: the longest period, never a shorter one.
  const yearsToMajority = 18 - (c.ageAtIdentification ?? 0);
  const majority = addYears(c.identificationDate, yearsToMajority);
  return later(afterClosure, addYears(majority, policy.childCase.yearsAfterMajority));
}

/** A hotline contact with no case: the caller's identity goes first, an anonymous summary later. */
export function hotlineContactDueOn(
  contact: { receivedOn: string; identified: boolean; linkedToCase: boolean },
  policy: RetentionPolicy,
): string | null {
  // A contact that became a case is erased with the case's person.
  if (contact.linkedToCase) return null;
  const months = contact.identified
    ? policy.hotlineContactIdentified.monthsAfterContact
    : policy.hotlineContactAnonymous.monthsAfterContact;
  return addMonths(contact.receivedOn, months);
}

/** A proceeding's defendants' names: N years after its last verdict; none while no verdict. */
export function proceedingDueOn(lastVerdictOn: string | null, policy: RetentionPolicy): string | null {
  return lastVerdictOn === null ? null : addYears(lastVerdictOn, policy.proceeding.yearsAfterVerdict);
}

/** The first day on which an alert announces a due date. */
export const alertFrom = (dueOn: string, policy: RetentionPolicy) =>
  shiftDays(dueOn, -policy.alertDaysBefore);

export function shiftDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export type ErasureRefusal = "already_erased" | "legal_hold" | "case_not_closed" | "retention_not_due";

/**
 * Whether a case's identity may be erased now. A legal hold always wins; early erasure (the
 * person asked, or the data should never have been kept) needs the case closed, not the period over.
 */
export function erasureRefusal(c: {
  status: CaseStatus;
  erased: boolean;
  held: boolean;
  reason: ErasureReason;
  dueOn: string | null;
  today: string;
}): ErasureRefusal | null {
  if (c.erased) return "already_erased";
  if (c.held) return "legal_hold";
  if (!isClosed(c.status)) return "case_not_closed";
  if (c.reason === "retention_expired" && (c.dueOn === null || c.dueOn > c.today)) return "retention_not_due";
  return null;
}
