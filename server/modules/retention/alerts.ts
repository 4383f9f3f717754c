import { localDate } from "../../platform/jurisdiction";
import type { AppContext } from "../../platform/context";
import { raiseAlert } from "../alerts/commands";
import type { AlertCheck } from "../alerts/scheduler";
import { retentionAlertKind } from "./commands";
import { dueRecords } from "./queries";
import { alertFrom, policyFor, shiftDays } from "./rules";

/**
 * Records whose retention period ends (within the announced days) alert the supervisors of the
 * agency that answers for them: the identifying agency for a case, the hotline for a contact, the prosecution's prosecutors for a proceeding.
 * Erasure itself is their decision, not the scheduler's: it cannot be undone, and a proceeding or
 * claim the system does not know of may still need the record (a legal hold then keeps it).
 * Params are codes and dates only: `dueOn` (YYYY-MM-DD), `record` (person, hotline_contact or proceeding).
 */
export const retentionDueCheck: AlertCheck = {
  name: retentionAlertKind,
  async run(ctx: AppContext, now: Date) {
    const policy = policyFor(ctx.jurisdiction.code);
    const today = localDate(now, ctx.jurisdiction.timeZone);
    const due = await dueRecords(ctx, null, shiftDays(today, policy.alertDaysBefore));
    let raised = 0;
    await ctx.db.transaction(async (tx) => {
      for (const c of due.cases) {
        if (c.held || alertFrom(c.dueOn, policy) > today) continue;
        const subject = `person:${c.caseId}`;
        if (
          await raiseAlert(
            tx,
            {
              caseId: c.caseId,
              agencyId: c.agencyId,
              role: "supervisor",
              kind: retentionAlertKind,
              subject,
              params: { record: "person", dueOn: c.dueOn },
              dueAt: new Date(`${c.dueOn}T00:00:00Z`),
            },
            now,
          )
        )
          raised += 1;
      }
      for (const contact of due.contacts) {
        if (alertFrom(contact.dueOn, policy) > today) continue;
        if (
          await raiseAlert(
            tx,
            {
              caseId: null,
              agencyId: contact.agencyId,
              role: "supervisor",
              kind: retentionAlertKind,
              subject: `hotline_contact:${contact.contactId}`,
              params: { record: "hotline_contact", dueOn: contact.dueOn },
              dueAt: new Date(`${contact.dueOn}T00:00:00Z`),
            },
            now,
          )
        )
          raised += 1;
      }
      for (const proceeding of due.proceedings) {
        if (alertFrom(proceeding.dueOn, policy) > today) continue;
        if (
          await raiseAlert(
            tx,
            {
              caseId: null,
              agencyId: proceeding.agencyId,
              role: "prosecutor",
              kind: retentionAlertKind,
              subject: `proceeding:${proceeding.proceedingId}`,
              params: { record: "proceeding", dueOn: proceeding.dueOn },
              dueAt: new Date(`${proceeding.dueOn}T00:00:00Z`),
            },
            now,
          )
        )
          raised += 1;
      }
    });
    return raised;
  },
};
