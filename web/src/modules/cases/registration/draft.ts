import {
  ageAtIdentification,
  derivePathway,
  type FieldIssue,
  type RegistrationInput,
  registrationInput,
  registrationIssues,
} from "../../../../../shared/registration";
import type { Pathway } from "../../../../../shared/vocabulary";
import type { FieldProblems } from "../../../platform/errors";
import type { Jurisdiction } from "../../../platform/types";

/** The form as typed: every box holds text (or a list) until the shared schema reads it. */
export interface RegistrationDraft {
  givenName: string;
  familyName: string;
  otherNames: string;
  birthDate: string;
  estimatedAge: string;
  gender: string;
  citizenship: string[];
  primaryLanguage: string;
  otherLanguages: string[];
  maritalStatus: string;
  numberOfChildren: string;
  education: string;
  identityNumber: string;
  phone: string;
  address: string;
  identificationDate: string;
  identificationRegion: string;
  identificationPlace: string;
  source: string;
  traffickingStatus: string;
  exploitationTypes: string[];
  controlMethods: string[];
  circumstances: string;
}

export type DraftUpdate = (patch: Partial<RegistrationDraft>) => void;

export function emptyDraft(today: string): RegistrationDraft {
  return {
    givenName: "",
    familyName: "",
    otherNames: "",
    birthDate: "",
    estimatedAge: "",
    gender: "",
    citizenship: [],
    primaryLanguage: "",
    otherLanguages: [],
    maritalStatus: "",
    numberOfChildren: "",
    education: "",
    identityNumber: "",
    phone: "",
    address: "",
    identificationDate: today,
    identificationRegion: "",
    identificationPlace: "",
    source: "",
    traffickingStatus: "PossibleVictimOfTrafficking",
    exploitationTypes: [],
    controlMethods: [],
    circumstances: "",
  };
}

const optionalText = (value: string) => (value.trim() === "" ? null : value);
const optionalChoice = (value: string) => (value === "" ? null : value);
const optionalNumber = (value: string) => (value.trim() === "" ? null : Number(value));

/** What the form sends, before the schema has judged it. */
function candidate(draft: RegistrationDraft): unknown {
  return {
    person: {
      givenName: draft.givenName,
      familyName: optionalText(draft.familyName),
      otherNames: optionalText(draft.otherNames),
      birthDate: optionalChoice(draft.birthDate),
      estimatedAge: optionalNumber(draft.estimatedAge),
      gender: optionalChoice(draft.gender) ?? undefined,
      citizenship: draft.citizenship,
      primaryLanguage: optionalChoice(draft.primaryLanguage),
      otherLanguages: draft.otherLanguages,
      maritalStatus: optionalChoice(draft.maritalStatus),
      numberOfChildren: optionalNumber(draft.numberOfChildren),
      education: optionalChoice(draft.education),
      identityNumber: optionalText(draft.identityNumber),
      phone: optionalText(draft.phone),
      address: optionalText(draft.address),
    },
    identificationDate: draft.identificationDate,
    identificationRegion: draft.identificationRegion,
    identificationPlace: optionalText(draft.identificationPlace),
    source: optionalChoice(draft.source) ?? undefined,
    traffickingStatus: draft.traffickingStatus,
    exploitationTypes: draft.exploitationTypes,
    controlMethods: draft.controlMethods,
    circumstances: optionalText(draft.circumstances),
  };
}

/** Fields that must be filled in: an empty one is "required", whatever the schema calls it. */
const requiredFields: Record<string, (draft: RegistrationDraft) => string> = {
  "person.givenName": (draft) => draft.givenName.trim(),
  "person.gender": (draft) => draft.gender,
  identificationDate: (draft) => draft.identificationDate,
  identificationRegion: (draft) => draft.identificationRegion,
  source: (draft) => draft.source,
};

export type Verdict = { ok: true; input: RegistrationInput } | { ok: false; problems: FieldProblems };

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The rules across fields, also while other fields are still refused, so that every problem shows
 * at once. Only the dates and the region matter to them; the rest of the probe is filler.
 */
function crossFieldIssues(draft: RegistrationDraft, jurisdiction: Jurisdiction): FieldIssue[] {
  if (!isoDate.test(draft.identificationDate)) return [];
  const probe: RegistrationInput = {
    person: {
      givenName: "-",
      gender: "NonSpecifiedUnknown",
      citizenship: [],
      otherLanguages: [],
      birthDate: isoDate.test(draft.birthDate) ? draft.birthDate : null,
    },
    identificationDate: draft.identificationDate,
    identificationRegion: draft.identificationRegion,
    source: "other",
    traffickingStatus: "PossibleVictimOfTrafficking",
    exploitationTypes: [],
    controlMethods: [],
  };
  return registrationIssues(
    probe,
    jurisdiction.today,
    jurisdiction.regions.map((region) => region.code),
  );
}

/** The same schema and cross-field rules as the server, so both refuse the same input alike. */
export function judge(draft: RegistrationDraft, jurisdiction: Jurisdiction): Verdict {
  const parsed = registrationInput.safeParse(candidate(draft));
  const issues: FieldIssue[] = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((issue) => ({
          field: issue.path.map(String).join("."),
          code: issue.message,
        }))),
    ...crossFieldIssues(draft, jurisdiction),
  ];
  if (parsed.success && issues.length === 0) return { ok: true, input: parsed.data };
  const problems: FieldProblems = {};
  for (const issue of issues) {
    const isEmpty = requiredFields[issue.field]?.(draft) === "";
    // The first problem of a field wins: the schema's comes before the cross-field rules'.
    if (!problems[issue.field]) problems[issue.field] = { code: isEmpty ? "required" : issue.code };
  }
  return { ok: false, problems };
}

/** The pathway the server will derive, shown while the form is filled in. */
export function previewPathway(
  draft: RegistrationDraft,
  homeCountries: readonly string[],
): { pathway: Pathway; age: number | null } {
  const estimate = optionalNumber(draft.estimatedAge);
  const birthDate =
    isoDate.test(draft.birthDate) && isoDate.test(draft.identificationDate) ? draft.birthDate : null;
  const age = ageAtIdentification({
    identificationDate: draft.identificationDate,
    person: {
      birthDate,
      estimatedAge: estimate !== null && Number.isInteger(estimate) && estimate >= 0 ? estimate : null,
    },
  });
  return { pathway: derivePathway(age, draft.citizenship, homeCountries), age };
}
