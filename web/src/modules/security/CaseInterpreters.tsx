import { Alert, Button, NativeSelect, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type AssignmentKind, assignmentKinds } from "../../../../shared/security";
import { api } from "../../platform/api";
import { describeError, type FieldProblems, fieldProblemsFrom, problemAt } from "../../platform/errors";
import { useNames } from "../../platform/labels";
import { useResource } from "../../platform/useResource";
import { Section } from "../cases/Facts";
import type { CaseDetail } from "../cases/types";
import type { Interpreter, InterpreterAssignment } from "./types";

/** The interpreters booked for the case's interview, hearings and services, and the form to book one. */
export function CaseInterpreters({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { spokenLanguage } = useNames();
  const path = `/api/cases/${encodeURIComponent(detail.reference)}/interpreter-assignments`;
  const assignments = useResource<InterpreterAssignment[]>(path);
  const rows = assignments.data ?? [];
  return (
    <Section title={t("security.assignments.title")} testId="case-interpreters">
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("security.assignments.none")}
        </Text>
      )}
      <Stack gap={4}>
        {rows.map((row) => (
          <Text key={row.id} size="sm" data-testid="interpreter-assignment-row">
            {row.on} · {t(`security.assignments.kind.${row.kind}`)} · {row.interpreter.name} (
            {row.interpreter.languages.map(spokenLanguage).join(", ")}) · {t("security.assignments.by")}{" "}
            {row.assignedBy.name}, {row.agency.name}
          </Text>
        ))}
      </Stack>
      <AssignForm path={path} onAssigned={assignments.reload} />
    </Section>
  );
}

function AssignForm({ path, onAssigned }: { path: string; onAssigned: () => void }) {
  const { t } = useTranslation();
  const { spokenLanguage } = useNames();
  const roster = useResource<Interpreter[]>("/api/interpreters");
  const [interpreterId, setInterpreterId] = useState("");
  const [kind, setKind] = useState<AssignmentKind | "">("");
  const [on, setOn] = useState("");
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const available = (roster.data ?? []).filter((interpreter) => interpreter.availability === "available");

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setProblems({});
    setBusy(true);
    try {
      await api.post(path, { interpreterId, kind, on });
      notifications.show({ color: "green", message: t("security.assignments.assigned") });
      setInterpreterId("");
      setKind("");
      setOn("");
      onAssigned();
    } catch (error) {
      setProblems(fieldProblemsFrom(error));
      setFailure(error);
    }
    setBusy(false);
  }

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="interpreter-assign-form" noValidate>
      <Stack gap="xs" mt="sm">
        {failure !== null && (
          <Alert color="red" role="alert">
            {describeError(failure)}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t("security.assignments.interpreter")}
            data={[
              { value: "", label: t("common.choose") },
              ...available.map((interpreter) => ({
                value: interpreter.id,
                label: `${interpreter.name} (${interpreter.languages.map(spokenLanguage).join(", ")})`,
              })),
            ]}
            value={interpreterId}
            onChange={(event) => setInterpreterId(event.currentTarget.value)}
            error={problemAt(problems, "interpreterId")}
            data-testid="interpreter-assign-interpreter"
          />
          <NativeSelect
            label={t("security.assignments.kindLabel")}
            data={[
              { value: "", label: t("common.choose") },
              ...assignmentKinds.map((value) => ({ value, label: t(`security.assignments.kind.${value}`) })),
            ]}
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as AssignmentKind | "")}
            error={problemAt(problems, "kind")}
            data-testid="interpreter-assign-kind"
          />
          <TextInput
            type="date"
            label={t("security.assignments.on")}
            value={on}
            onChange={(event) => setOn(event.currentTarget.value)}
            error={problemAt(problems, "on")}
            data-testid="interpreter-assign-date"
          />
        </SimpleGrid>
        <Button type="submit" loading={busy} w="fit-content" data-testid="interpreter-assign-submit">
          {t("security.assignments.submit")}
        </Button>
      </Stack>
    </form>
  );
}
