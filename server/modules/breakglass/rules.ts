import { type BreakGlassReason, breakGlassReasonTextMax, reasonNeedsText } from "../../../shared/breakglass";
import type { ErrorCode } from "../../../shared/messages";
import type { CaseScope } from "../cases/schema";

export interface Issue {
  field: string;
  code: ErrorCode;
}

/**
 * What emergency access shows: who the person is (to recognise them, find their guardian, tell a
 * hospital or a patrol whom they are looking for), never the circumstances. The testimony is the
 * team's, on need to know (DOMAIN.md "Confidentiality": each agency sees only the part of a case
 * its role needs; seed 002, testimonies stolen and children's details leaked).
 */
export const breakGlassScopes: readonly CaseScope[] = ["identity"];

export interface BreakGlassDraft {
  reasonCode: BreakGlassReason;
  reasonText?: string | null | undefined;
}

/** Why a request may not be granted as written, or null. "Other" alone says nothing. */
export function breakGlassIssue(draft: BreakGlassDraft): Issue | null {
  const text = draft.reasonText?.trim() ?? "";
  if (reasonNeedsText(draft.reasonCode) && text.length === 0)
    return { field: "reasonText", code: "breakglass_reason_text_required" };
  if (text.length > breakGlassReasonTextMax) return { field: "reasonText", code: "too_long" };
  return null;
}

/** The end of an access granted now: a fixed span, never open-ended. */
export const breakGlassExpiry = (now: Date, durationHours: number) =>
  new Date(now.getTime() + Math.round(durationHours * 3_600_000));

export type BreakGlassState = "active" | "expired" | "ended";

export function breakGlassState(
  grant: { expiresAt: Date; endedAt: Date | null },
  now: Date,
): BreakGlassState {
  if (grant.endedAt !== null && grant.endedAt.getTime() <= grant.expiresAt.getTime()) return "ended";
  return grant.expiresAt.getTime() > now.getTime() ? "active" : "expired";
}
