import { Alert, Badge, Button, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type RiskLevel, riskLevels } from "../../../../shared/security";
import { api } from "../../platform/api";
import { useMe } from "../../platform/auth";
import { describeError, type FieldProblems, fieldProblemsFrom, problemAt } from "../../platform/errors";
import { useNames } from "../../platform/labels";
import { useResource } from "../../platform/useResource";
import { Section } from "../cases/Facts";
import type { CaseDetail } from "../cases/types";
import { maySetRiskLevel, type RiskAnswer } from "./types";

const riskColor: Record<RiskLevel, string> = { low: "green", medium: "orange", high: "red" };

/** The person's current risk level, its history, and the form for the police and the shelter. */
export function CaseRiskLevel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const me = useMe();
  const path = `/api/cases/${encodeURIComponent(detail.reference)}/risk-level`;
  const risk = useResource<RiskAnswer>(path);
  const current = risk.data?.current ?? null;
  return (
    <Section title={t("security.risk.title")} testId="case-risk-level">
      <Group gap="xs" data-testid="risk-level-current" data-level={current?.level ?? "none"}>
        {current ? (
          <>
            <Text size="sm">{t("security.risk.current")}:</Text>
            <Badge color={riskColor[current.level]}>{t(`security.risk.level.${current.level}`)}</Badge>
            <Text size="xs" c="dimmed">
              {t(`security.risk.source.${current.source}`)} · {dateTime(current.at)}
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t("security.risk.none")}
          </Text>
        )}
      </Group>
      {(risk.data?.history ?? []).length > 0 && (
        <Stack gap={4} mt="xs">
          <Text size="sm" fw={600}>
            {t("security.risk.history")}
          </Text>
          {risk.data?.history.map((entry) => (
            <Text key={entry.id} size="sm" data-testid="risk-level-history">
              {dateTime(entry.setAt)} · {t(`security.risk.level.${entry.level}`)} · {entry.setBy.name},{" "}
              {entry.agency.name}
              {entry.reason !== null ? ` — ${entry.reason}` : ""}
            </Text>
          ))}
        </Stack>
      )}
      {maySetRiskLevel(me) && <RiskLevelForm path={path} onSaved={risk.replace} />}
    </Section>
  );
}

function RiskLevelForm({ path, onSaved }: { path: string; onSaved: (answer: RiskAnswer) => void }) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<RiskLevel | "">("");
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setProblems({});
    setBusy(true);
    try {
      onSaved(await api.post<RiskAnswer>(path, { level, reason }));
      notifications.show({ color: "green", message: t("security.risk.saved") });
      setLevel("");
      setReason("");
    } catch (error) {
      setProblems(fieldProblemsFrom(error));
      setFailure(error);
    }
    setBusy(false);
  }

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="risk-level-form" noValidate>
      <Stack gap="xs" mt="sm">
        {failure !== null && (
          <Alert color="red" role="alert">
            {describeError(failure)}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t("security.risk.levelLabel")}
            data={[
              { value: "", label: t("common.choose") },
              ...riskLevels.map((value) => ({ value, label: t(`security.risk.level.${value}`) })),
            ]}
            value={level}
            onChange={(event) => setLevel(event.currentTarget.value as RiskLevel | "")}
            error={problemAt(problems, "level")}
            data-testid="risk-level-select"
          />
          <Textarea
            label={t("security.risk.reason")}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={problemAt(problems, "reason")}
            autosize
            minRows={1}
            data-testid="risk-level-reason"
          />
        </SimpleGrid>
        <Button type="submit" loading={busy} w="fit-content" data-testid="risk-level-submit">
          {t("security.risk.submit")}
        </Button>
      </Stack>
    </form>
  );
}

/**
 * At admission: the case's current risk level next to the levels the shelter accepts, so that a
 * mismatch is seen before the server refuses it.
 */
export function AdmissionRisk({
  reference,
  accepted,
}: {
  reference: string;
  accepted: readonly RiskLevel[];
}) {
  const { t } = useTranslation();
  const risk = useResource<RiskAnswer>(
    reference === "" ? null : `/api/cases/${encodeURIComponent(reference)}/risk-level`,
  );
  if (reference === "" || !risk.data) return null;
  const current = risk.data.current;
  if (!current)
    return (
      <Text size="sm" c="dimmed" data-testid="admission-risk" data-level="none">
        {t("security.risk.unknown")}
      </Text>
    );
  const refused = !accepted.includes(current.level);
  return (
    <Stack gap={4} data-testid="admission-risk" data-level={current.level}>
      <Group gap="xs">
        <Text size="sm">{t("security.risk.atAdmission")}:</Text>
        <Badge color={riskColor[current.level]}>{t(`security.risk.level.${current.level}`)}</Badge>
      </Group>
      {refused && (
        <Alert color="orange" data-testid="admission-risk-warning">
          {t("security.risk.notAccepted")}
        </Alert>
      )}
    </Stack>
  );
}
