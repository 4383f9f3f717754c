import { inArray } from "drizzle-orm";
import type { Queryable } from "../../platform/db/types";
import { agencies, users } from "./schema";

export interface Named {
  id: string;
  name: string;
}

/**
 * Display names of the users and agencies a list mentions, one query each whatever the list's
 * length. An id not found (never expected: both are foreign keys) shows with an empty name.
 */
export async function namesOf(
  db: Queryable,
  userIds: readonly (string | null)[],
  agencyIds: readonly (string | null)[],
) {
  const wantedUsers = [...new Set(userIds.filter((id) => id !== null))];
  const wantedAgencies = [...new Set(agencyIds.filter((id) => id !== null))];
  const people =
    wantedUsers.length === 0
      ? []
      : await db
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(inArray(users.id, wantedUsers));
  const offices =
    wantedAgencies.length === 0
      ? []
      : await db
          .select({ id: agencies.id, name: agencies.name })
          .from(agencies)
          .where(inArray(agencies.id, wantedAgencies));
  const userMap = new Map(people.map((p) => [p.id, p]));
  const agencyMap = new Map(offices.map((a) => [a.id, a]));
  const agency = (id: string): Named => agencyMap.get(id) ?? { id, name: "" };
  return {
    user: (id: string): Named => userMap.get(id) ?? { id, name: "" },
    agency,
    /** For an optional reference (a provider agency that may not be given). */
    maybeAgency: (id: string | null): Named | null => (id === null ? null : agency(id)),
  };
}
