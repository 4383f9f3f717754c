import { eq } from "drizzle-orm";
import type { AppContext } from "../../platform/context";
import type { AlertCheck } from "../alerts/scheduler";
import { recheckPlaces } from "./commands";
import { openNotices } from "./queries";
import { operationNotices } from "./schema";

/**
 * Places change as people are admitted and discharged: every open notice is compared again with
 * the free places. A shortage is noted on the notice, in the audit trail, and as an alert to the
 * national coordinator (an alert without a case: the notice has none yet, and names no target).
 */
export const operationPlacesCheck: AlertCheck = {
  name: "places_short",
  async run(ctx: AppContext, now: Date) {
    let noted = 0;
    for (const notice of await openNotices(ctx.db)) {
      const changed = await ctx.db.transaction(async (tx) => {
        // Read again under a lock: a concurrent run or filing must not note the same change twice.
        const [locked] = await tx
          .select()
          .from(operationNotices)
          .where(eq(operationNotices.id, notice.id))
          .for("update");
        return locked ? recheckPlaces(tx, { userId: null, agencyId: null, ip: null }, locked, now) : false;
      });
      if (changed) noted++;
    }
    return noted;
  },
};
