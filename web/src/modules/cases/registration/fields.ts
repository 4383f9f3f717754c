import type { ChangeEvent } from "react";
import { type FieldProblems, problemAt } from "../../../platform/errors";
import type { DraftUpdate, RegistrationDraft } from "./draft";

type TextKey = {
  [K in keyof RegistrationDraft]: RegistrationDraft[K] extends string ? K : never;
}[keyof RegistrationDraft];

export interface SectionProps {
  draft: RegistrationDraft;
  update: DraftUpdate;
  problems: FieldProblems;
}

/** Binds a text box or native select to the draft; `path` is the field's name in the schema. */
export function bindText({ draft, update, problems }: SectionProps, key: TextKey, path: string = key) {
  return {
    name: path,
    value: draft[key],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      update({ [key]: event.currentTarget.value }),
    error: problemAt(problems, path),
  };
}
