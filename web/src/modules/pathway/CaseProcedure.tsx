import { Badge, Button, Group, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Requirement, Stage } from "../../../../shared/pathway";
import type { AgencyType, Role } from "../../../../shared/roles";
import { api } from "../../platform/api";
import { describeError } from "../../platform/errors";
import { useNames } from "../../platform/labels";
import { useResource } from "../../platform/useResource";
import { Section } from "../cases/Facts";
import type { CaseDetail } from "../cases/types";
import { ClosurePanel } from "./ClosurePanel";
import { ProcedureTasks } from "./ProcedureTasks";
import type { CaseTask } from "./tasks";

export interface PathwayStep {
  to: Stage;
  allowed: boolean;
  permitted: boolean;
  missing: Requirement[];
  roles: Role[];
  agencyTypes: AgencyType[];
}

export interface PathwayState {
  sopVersion: string;
  stage: Stage;
  stageEnteredAt: string;
  stages: Stage[];
  next: PathwayStep[];
  tasks: CaseTask[];
}

/** Where the case stands in its procedure, and each next step: who takes it and what it still needs. */
export function CaseProcedure({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const path = `/api/cases/${encodeURIComponent(detail.reference)}/pathway`;
  const state = useResource<PathwayState>(path);
  const [moving, setMoving] = useState<string | null>(null);
  if (!state.data) return null;
  const current = state.data;

  const move = async (to: Stage) => {
    setMoving(to);
    try {
      state.replace(await api.post<PathwayState>(`${path}/stage`, { to }));
      notifications.show({ message: t("procedure.moved", { stage: t(`procedure.stage.${to}`) }) });
    } catch (error) {
      notifications.show({ color: "red", message: describeError(error) });
    } finally {
      setMoving(null);
    }
  };

  return (
    <Section title={t("procedure.title")} testId="case-procedure">
      <Group gap="xs">
        <Text size="sm">{t("procedure.current")}</Text>
        <Badge data-testid="procedure-stage" data-stage={current.stage} variant="light">
          {t(`procedure.stage.${current.stage}`)}
        </Badge>
        <Text size="xs" c="dimmed">
          {t("procedure.since", { date: dateTime(current.stageEnteredAt), version: current.sopVersion })}
        </Text>
      </Group>
      <Stack gap="xs" mt="sm">
        <Text size="sm" fw={600}>
          {t("procedure.next")}
        </Text>
        {current.next.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("procedure.noNext")}
          </Text>
        )}
        {current.next.map((step) => (
          <Stack
            key={step.to}
            gap={2}
            data-testid="procedure-step"
            data-to={step.to}
            data-allowed={String(step.allowed)}
          >
            <Group gap="xs">
              <Button
                size="xs"
                variant={step.allowed ? "filled" : "default"}
                disabled={!step.allowed}
                loading={moving === step.to}
                onClick={() => void move(step.to)}
              >
                {t(`procedure.stage.${step.to}`)}
              </Button>
              {!step.permitted && (
                <Text size="xs" c="dimmed">
                  {t("procedure.takenBy", {
                    agencies: step.agencyTypes.map((type) => t(`agencyType.${type}`)).join(", "),
                  })}
                </Text>
              )}
            </Group>
            {step.missing.length > 0 && (
              <Text size="xs" c="orange.8">
                {t("procedure.missing", {
                  records: step.missing.map((r) => t(`procedure.requirement.${r}`)).join(", "),
                })}
              </Text>
            )}
          </Stack>
        ))}
      </Stack>
      <ProcedureTasks tasks={current.tasks} />
      {/* Remounted on each move, since what may be done about closure depends on the stage. */}
      <ClosurePanel key={current.stage} reference={detail.reference} onChange={state.reload} />
    </Section>
  );
}
