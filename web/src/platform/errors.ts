import { errorCodes, errorMessage } from "../../../shared/messages";
import { ApiError } from "./api";
import { currentLanguage } from "./i18n";

/** A problem with one field, kept as a code so that it follows a later language switch. */
export interface Problem {
  code: string;
  /** The server's message, for codes the browser does not know. */
  message?: string;
}

export type FieldProblems = Record<string, Problem>;

const isKnownCode = (code: string) => (errorCodes as readonly string[]).includes(code);

export function describeProblem(problem: Problem): string {
  const language = currentLanguage();
  if (isKnownCode(problem.code)) return errorMessage(language, problem.code);
  return problem.message || errorMessage(language, "invalid_input");
}

/** A message in the interface's language: ours for known codes, else the server's own. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return errorMessage(currentLanguage(), "internal");
  if (!isKnownCode(error.code) && !error.message) {
    return errorMessage(currentLanguage(), error.status >= 500 ? "internal" : "invalid_input");
  }
  return describeProblem({ code: error.code, message: error.message });
}

/** Server answers naming fields (error.field, error.issues), to show beside those fields. */
export function fieldProblemsFrom(error: unknown): FieldProblems {
  if (!(error instanceof ApiError)) return {};
  const problems: FieldProblems = {};
  for (const issue of error.issues) problems[issue.field] = { code: issue.code, message: issue.message };
  if (error.field && !problems[error.field])
    problems[error.field] = { code: error.code, message: error.message };
  return problems;
}

/** The message for one field, or undefined; ready for a Mantine input's `error` prop. */
export function problemAt(problems: FieldProblems, field: string): string | undefined {
  const problem = problems[field];
  return problem ? describeProblem(problem) : undefined;
}
