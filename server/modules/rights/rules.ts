import type { ErrorCode } from "../../../shared/messages";
import { type PersonRight, personRights } from "../../../shared/vocabulary";

export interface RightsInformationDraft {
  rights: readonly PersonRight[];
  /** When the person was told; absent means now. */
  informedAt?: Date | null | undefined;
}

export interface Issue {
  field: string;
  code: ErrorCode;
}

/**
 * Why a rights-information record may not be stored, or null. A record of no rights informs of
 * nothing; a time after now would record something that has not happened yet.
 */
export function rightsInformationIssue(draft: RightsInformationDraft, now: Date): Issue | null {
  if (draft.rights.length === 0) return { field: "rights", code: "required" };
  if (draft.informedAt && draft.informedAt.getTime() > now.getTime())
    return { field: "informedAt", code: "date_in_future" };
  return null;
}

/** The rights once each, in the order of the vocabulary, however they were sent. */
export const normalisedRights = (rights: readonly PersonRight[]): PersonRight[] =>
  personRights.filter((right) => rights.includes(right));
