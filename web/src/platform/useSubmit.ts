import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { type FieldProblems, fieldProblemsFrom } from "./errors";

/**
 * A form's sending state: busy, the last failure, and the problems the server named by field.
 * `run` sends, shows `done` (when given) and calls `after` on success; on failure it keeps the
 * error for the form, to show with `FormFailure`.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [problems, setProblems] = useState<FieldProblems>({});
  async function run(send: () => Promise<unknown>, done?: string, after?: () => void): Promise<boolean> {
    setBusy(true);
    setFailure(null);
    setProblems({});
    try {
      await send();
      if (done) notifications.show({ color: "green", message: done });
      after?.();
      setBusy(false);
      return true;
    } catch (error) {
      setProblems(fieldProblemsFrom(error));
      setFailure(error);
      setBusy(false);
      return false;
    }
  }
  return { busy, failure, problems, run };
}

/** A path under a case, the reference encoded. */
export const casePath = (reference: string, rest: string) =>
  `/api/cases/${encodeURIComponent(reference)}/${rest}`;
