import { useJurisdiction } from "../../platform/jurisdiction";

/** Today in the jurisdiction, as the server counts it; the device's date until the configuration is loaded. */
export function useToday(): string {
  const { jurisdiction } = useJurisdiction();
  return jurisdiction?.today ?? new Date().toISOString().slice(0, 10);
}
