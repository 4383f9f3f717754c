import { eq } from "drizzle-orm";
import type { AppContext } from "../../platform/context";
import type { AlertCheck } from "../alerts/scheduler";
import { recheckPlaces } from "./commands";
import { openNotices } from "./queries";
import { operationNotices } from "./schema";

/**
 * Places change as people are admitted and discharged: every open notice is compared again with
 * the free places. Alerts belong to cases, and a notice has none yet, so a shortage is noted on the
 * notice itself (shown to the coordinators) and in the audit trail, not as an alert row.
 */
export const operationPlacesCheck: AlertCheck = {
  name: "places_short",
  async run(ctx: AppContext) {
    let noted = 0;
    for (const notice of await openNotices(ctx.db)) {
      const changed = await ctx.db.transaction(async (tx) => {
        // Read again under a lock: a concurrent run or filing must not note the same change twice.
        const [locked] = await tx
          .select()
          .from(operationNotices)
          .where(eq(operationNotices.id, notice.id))
          .for("update");
        return locked ? recheckPlaces(tx, { userId: null, agencyId: null, ip: null }, locked) : false;
      });
      if (changed) noted++;
    }
    return noted;
  },
};
