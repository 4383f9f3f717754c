import type { cases, persons } from "./schema";

type CaseRow = typeof cases.$inferSelect;
type PersonRow = Pick<typeof persons.$inferSelect, "gender" | "citizenship">;

/** A case in a list: no identifying field, ever. */
export const presentCaseSummary = (
  row: CaseRow,
  person: PersonRow,
  identifyingAgency: { id: string; name: string },
) => ({
  reference: row.reference,
  pathway: row.pathway,
  status: row.status,
  source: row.source,
  identificationDate: row.identificationDate,
  identificationRegion: row.identificationRegion,
  identifyingAgency,
  gender: person.gender,
  ageAtIdentification: row.ageAtIdentification,
  citizenship: person.citizenship,
  createdAt: row.createdAt.toISOString(),
});
