import type { agencies, users } from "./schema";

type UserRow = typeof users.$inferSelect;
type AgencyRow = typeof agencies.$inferSelect;

/** What a signed-in user learns about themself. */
export const presentMe = (user: UserRow, agency: AgencyRow) => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  agency: { id: agency.id, name: agency.name, type: agency.type },
  roles: user.roles,
  language: user.language,
  totpEnabled: user.totpEnabled,
  mustChangePassword: user.mustChangePassword,
});

export const presentAgency = (agency: AgencyRow) => ({
  id: agency.id,
  code: agency.code,
  name: agency.name,
  type: agency.type,
  region: agency.region,
  active: agency.active,
});

export const presentAdminUser = (user: UserRow, agency: Pick<AgencyRow, "id" | "name">, now: Date) => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  agency: { id: agency.id, name: agency.name },
  roles: user.roles,
  language: user.language,
  active: user.active,
  totpEnabled: user.totpEnabled,
  locked: !!user.lockedUntil && user.lockedUntil > now,
});
