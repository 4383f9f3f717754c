import { assistanceReminderCheck } from "../assistance/reminders";
import { childAtPoliceStationCheck, guardianMissingCheck } from "../children/alerts";
import { followUpDueCheck } from "../future/follow-up-alerts";
import { operationPlacesCheck } from "../operations/places-check";
import { closureEndedCheck } from "../intelligence/closure-check";
import { handoverAcknowledgementCheck } from "../hotline/handover-alerts";
import { overdueTaskCheck } from "../pathway/task-alerts";
import type { AlertCheck } from "./scheduler";

/** Every check the server's scheduler runs, one line a check; each module owns its own. */
export const alertChecks: readonly AlertCheck[] = [
  overdueTaskCheck,
  assistanceReminderCheck,
  childAtPoliceStationCheck,
  guardianMissingCheck,
  followUpDueCheck,
  operationPlacesCheck,
  closureEndedCheck,
  handoverAcknowledgementCheck,
];
