import type { InterviewSection } from "../../../shared/interview";
import { interviewSections } from "../../../shared/interview";
import type { ErrorCode } from "../../../shared/messages";
import type { Role } from "../../../shared/roles";
import type { CaseScope } from "../cases/schema";

/**
 * Who sees which part of the first interview (DOMAIN.md "Confidentiality": each agency sees only
 * the part of a case that its role needs; seed 002 rec. 2.3: later agencies reuse the record
 * instead of interviewing again).
 *
 * - How the interview was held (conduct) tells every case role on the team that the person has
 *   been interviewed already and how, so that nobody asks again. It holds no free text.
 * - Needs and risks are what every agency that works with the person must know to help and to keep
 *   them safe (the shelter's security, seed 002), whether or not it may hear the account of the crime.
 * - The account of the crime (circumstances, recruitment, journey, means of control, exploitation)
 *   names traffickers and places: only roles that need it (investigator, prosecutor, case worker,
 *   supervisor), and only on a team the referral granted the "circumstances" scope. Details about
 *   traffickers must not reach those who decide on assistance unless the person agreed (002 ch. 4).
 *
 * An agency administrator runs the agency, not the person's case: conduct only.
 */
interface SectionRule {
  roles: readonly Role[];
  scope: CaseScope | null;
}

const workingWithPerson: readonly Role[] = ["case_worker", "supervisor", "police_investigator", "prosecutor"];
const caseRolesAll: readonly Role[] = [...workingWithPerson, "agency_admin"];

const account: SectionRule = { roles: workingWithPerson, scope: "circumstances" };

export const sectionRules: Record<InterviewSection, SectionRule> = {
  conduct: { roles: caseRolesAll, scope: null },
  circumstances: account,
  recruitment: account,
  journey: account,
  control: account,
  exploitation: account,
  needs: { roles: workingWithPerson, scope: null },
  risks: { roles: workingWithPerson, scope: null },
};

export function maySeeSection(
  section: InterviewSection,
  roles: readonly Role[],
  scopes: readonly CaseScope[],
): boolean {
  const rule = sectionRules[section];
  return (
    roles.some((role) => rule.roles.includes(role)) && (rule.scope === null || scopes.includes(rule.scope))
  );
}

/** The sections shown and withheld for these roles and team scopes, in the record's order. */
export function visibleSections(roles: readonly Role[], scopes: readonly CaseScope[]) {
  const shown = interviewSections.filter((section) => maySeeSection(section, roles, scopes));
  const withheld = interviewSections.filter((section) => !shown.includes(section));
  return { shown, withheld };
}

export interface Issue {
  field: string;
  code: ErrorCode;
}

export interface InterviewDraft {
  interviewedAt: Date;
  withInterpreter: boolean;
  interpreterLanguage?: string | null | undefined;
  journey: readonly { date?: string | null | undefined }[];
}

/**
 * Why a first-interview record may not be stored, or null. An interview in the future has not been
 * held; an interpreter is recorded with the language they interpreted, so the next agency knows
 * which one to call.
 */
export function interviewIssue(draft: InterviewDraft, now: Date, today: string): Issue | null {
  if (draft.interviewedAt.getTime() > now.getTime())
    return { field: "interviewedAt", code: "date_in_future" };
  if (draft.withInterpreter && !draft.interpreterLanguage)
    return { field: "interpreterLanguage", code: "required" };
  for (const [index, event] of draft.journey.entries()) {
    if (event.date && event.date > today) return { field: `journey.${index}.date`, code: "date_in_future" };
  }
  return null;
}
