import { Button, Group, NativeSelect, Stack, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ClosureOutcome, closureOutcomes } from "../../../../shared/vocabulary";
import { api } from "../../platform/api";
import { describeError, type FieldProblems, fieldProblemsFrom, problemAt } from "../../platform/errors";
import type { ClosureState } from "./closure";

interface FormProps {
  path: string;
  onDone: (state: ClosureState) => void;
}

const isOutcome = (value: string): value is ClosureOutcome =>
  (closureOutcomes as readonly string[]).includes(value);

/** Proposes closing the case with its outcome; a supervisor other than the proposer decides. */
export function ProposeClosureForm({ path, onDone }: FormProps) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<ClosureOutcome | "">("");
  const [note, setNote] = useState("");
  const [problems, setProblems] = useState<FieldProblems>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      onDone(await api.post<ClosureState>(path, { outcome: outcome || null, note: note.trim() || null }));
      setProblems({});
      notifications.show({ message: t("closure.proposed") });
    } catch (error) {
      setProblems(fieldProblemsFrom(error));
      notifications.show({ color: "red", message: describeError(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} data-testid="closure-propose-form" noValidate>
      <Stack gap="xs">
        <NativeSelect
          label={t("closure.outcome")}
          data-testid="closure-outcome"
          value={outcome}
          error={problemAt(problems, "outcome")}
          data={[
            { value: "", label: t("closure.chooseOutcome") },
            ...closureOutcomes.map((value) => ({ value, label: t(`closure.outcomes.${value}`) })),
          ]}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setOutcome(isOutcome(value) ? value : "");
          }}
        />
        <Textarea
          label={t("closure.note")}
          description={t("closure.noteHint")}
          data-testid="closure-note"
          value={note}
          maxLength={4000}
          autosize
          minRows={2}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <Group>
          <Button type="submit" size="xs" loading={busy} data-testid="closure-propose">
            {t("closure.propose")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A free-text reason, sent to `path`: for rejecting a proposal or for reopening a closed case. */
export function ReasonForm({
  path,
  onDone,
  label,
  action,
  testId,
}: FormProps & { label: string; action: string; testId: string }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      onDone(await api.post<ClosureState>(path, { reason: reason.trim() || null }));
      setReason("");
      notifications.show({ message: t("closure.saved") });
    } catch (error) {
      notifications.show({ color: "red", message: describeError(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} data-testid={testId} noValidate>
      <Stack gap="xs">
        <Textarea
          label={label}
          data-testid={`${testId}-reason`}
          value={reason}
          maxLength={4000}
          autosize
          minRows={2}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        <Group>
          <Button type="submit" size="xs" variant="default" loading={busy} data-testid={`${testId}-submit`}>
            {action}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
