import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { alerts } from "../alerts/schema";
import type { AlertCheck } from "../alerts/scheduler";
import { breakGlassAlertKind } from "./commands";
import { breakGlassGrants } from "./schema";

/**
 * A supervisor told of an emergency access keeps the alert until the access is over and someone of
 * their agency has acknowledged it: an access that ended at night is still seen in the morning.
 */
export const breakGlassAlertCheck: AlertCheck = {
  name: "break-glass",
  async run(ctx, now) {
    await ctx.db
      .update(alerts)
      .set({ resolvedAt: now })
      .where(
        and(
          eq(alerts.kind, breakGlassAlertKind),
          isNull(alerts.resolvedAt),
          isNotNull(alerts.acknowledgedAt),
          sql`exists (select 1 from ${breakGlassGrants} where ${breakGlassGrants.id}::text = ${alerts.subject}
            and (${breakGlassGrants.endedAt} is not null or ${breakGlassGrants.expiresAt} <= ${now.toISOString()}::timestamptz))`,
        ),
      );
    // It raises nothing: the alert is raised when the access is granted.
    return 0;
  },
};
