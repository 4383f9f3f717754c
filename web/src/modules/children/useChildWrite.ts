import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../platform/api";
import { type FieldProblems, fieldProblemsFrom } from "../../platform/errors";
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
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<unknown>(null);

  async function submit(path: string, body: object): Promise<boolean> {
    setBusy(true);
    setProblems({});
    setFailure(null);
    try {
      const records = await api.post<ChildRecords>(
        `/api/cases/${encodeURIComponent(reference)}/child${path}`,
        body,
      );
      notifications.show({ color: "green", message: t("children.saved") });
      onSaved(records);
      setBusy(false);
      return true;
    } catch (error) {
      setProblems(fieldProblemsFrom(error));
      setFailure(error);
      setBusy(false);
      return false;
    }
  }
  return { busy, problems, failure, submit };
}
