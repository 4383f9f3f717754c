import { useTranslation } from "react-i18next";
import { api } from "../../platform/api";
import { casePath, useSubmit } from "../../platform/useSubmit";
import type { ChildRecords } from "./types";

/** A local date-time from the browser's picker as an instant; empty means "now", set by the server. */
export function instantOf(local: string): string | null {
  if (local === "") return null;
  const date = new Date(local);
  // An unreadable value goes to the server as it is, so that it refuses it with the field named.
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

/**
 * One write of the child tab: posts under /api/cases/:reference/child, shows the tab the server
 * answers with, and keeps the field problems and the failure to show beside the form.
 */
export function useChildWrite(reference: string, onSaved: (records: ChildRecords) => void) {
  const { t } = useTranslation();
  const { busy, problems, failure, run } = useSubmit();
  let saved: ChildRecords | null = null;
  const submit = (path: string, body: object): Promise<boolean> =>
    run(
      async () => {
        saved = await api.post<ChildRecords>(casePath(reference, `child${path}`), body);
      },
      t("children.saved"),
      () => {
        if (saved) onSaved(saved);
      },
    );
  return { busy, problems, failure, submit };
}
