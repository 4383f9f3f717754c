import { customType, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
  toDriver: (value) => value,
});

/**
 * Data keys, each wrapped (AES-256-GCM) by the master key. A person's identifying fields are
 * sealed under that person's own key, so destroying one key erases one person, backups included.
 */
export const dataKeys = pgTable("data_keys", {
  id: uuid("id").primaryKey().defaultRandom(),
  purpose: text("purpose").notNull(),
  wrappedKey: bytea("wrapped_key"),
  masterKeyId: text("master_key_id").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  destroyedAt: timestamp("destroyed_at", { withTimezone: true }),
});
