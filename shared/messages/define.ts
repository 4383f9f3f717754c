import type { Language } from "../roles";

/** A module's error codes with their messages in every UI language; a missing one fails the type check. */
export function defineMessages<const Code extends string>(
  codes: readonly Code[],
  messages: Record<Language, Record<Code, string>>,
): { codes: readonly Code[]; messages: Record<Language, Record<Code, string>> } {
  return { codes, messages };
}
