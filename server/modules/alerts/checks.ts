import { assistanceReminderCheck } from "../assistance/reminders";
import { childAtPoliceStationCheck, guardianMissingCheck } from "../children/alerts";
import { followUpDueCheck } from "../future/follow-up-alerts";
import { operationPlacesCheck } from "../operations/places-check";
import { closureEndedCheck } from "../intelligence/closure-check";
import { handoverAcknowledgementCheck } from "../hotline/handover-alerts";
import { breakGlassAlertCheck } from "../breakglass/alert-check";
import { overdueTaskCheck } from "../pathway/task-alerts";
import { retentionDueCheck } from "../retention/alerts";
import { scheduledBackupCheck } from "../../platform/backup/schedule";
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
  retentionDueCheck,
  breakGlassAlertCheck,
  scheduledBackupCheck,
];
