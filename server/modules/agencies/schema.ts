import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { AgencyType, Language, Role } from "../../../shared/roles";
import { bytea } from "../../platform/crypto/schema";

export const agencies = pgTable("agencies", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  type: text("type").$type<AgencyType>().notNull(),
  region: text("region"),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    username: text("username").notNull().unique(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    roles: text("roles")
      .array()
      .$type<Role[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    language: text("language").$type<Language>().notNull().default("en"),
    active: boolean("active").notNull().default(true),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    totpSecret: bytea("totp_secret"),
    totpEnabled: boolean("totp_enabled").notNull().default(false),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("users_agency_idx").on(t.agencyId)],
);

/** Per-role security settings an administrator controls (e.g. a second factor for police roles). */
export const roleSettings = pgTable("role_settings", {
  role: text("role").$type<Role>().primaryKey(),
  requireTotp: boolean("require_totp").notNull().default(false),
});
