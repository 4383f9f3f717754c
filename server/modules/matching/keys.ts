/**
 * From a registration's identity fields to what the matching engine compares, and the keyed
 * blocking keys stored for it. Only HMACs of the blocking keys reach the database.
 */
import type { Gender } from "../../../shared/vocabulary";
import type { AppContext } from "../../platform/context";
import { blockingKeys } from "./blocking";
import { birthDateFromAge, parseBirthDate, unknownBirthDate } from "./dates";
import { preparePerson, type PreparedPerson, type Sex } from "./score";

export interface IdentityFields {
  givenName: string;
  familyName?: string | null;
  birthDate?: string | null;
  estimatedAge?: number | null;
  gender?: Gender | null;
  citizenship?: readonly string[];
}

export function sexOf(gender: Gender | null | undefined): Sex | null {
  if (gender === "Feminine" || gender === "TransgenderFeminine") return "F";
  if (gender === "Masculine" || gender === "TransgenderMasculine") return "M";
  return null;
}

/** `at` is the day an estimated age was given (the identification date, or now). */
export function preparedIdentity(id: string, fields: IdentityFields, at: Date): PreparedPerson {
  const birthDate = fields.birthDate
    ? parseBirthDate(fields.birthDate)
    : fields.estimatedAge != null
      ? birthDateFromAge(fields.estimatedAge, at)
      : unknownBirthDate;
  return preparePerson({
    id,
    givenName: fields.givenName,
    familyName: fields.familyName ?? "",
    birthDate,
    sex: sexOf(fields.gender),
    citizenship: fields.citizenship?.[0] ?? null,
  });
}

/** The HMACs of a person's blocking keys under the system blind-index key. */
export async function keyedBlockingKeys(ctx: AppContext, person: PreparedPerson): Promise<Buffer[]> {
  return Promise.all(blockingKeys(person).map((key) => ctx.keyring.blindIndex(ctx.db, "match", key)));
}
