import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { supportPlanTypes } from "../../../../shared/assistance";
import { api } from "../../platform/api";
import { describeError, problemAt } from "../../platform/errors";
import { useJurisdiction } from "../../platform/jurisdiction";
import { useResource } from "../../platform/useResource";
import { Section } from "../cases/Facts";
import { NoteText } from "./NeedsSection";
import type { PlanList, ServiceList } from "./types";
import { casePath, useSubmit } from "../../platform/useSubmit";

/** Support plans (HTCDS "Support Plan"): type, goals, review date, linked services, status. */
export function PlansSection({ reference }: { reference: string }) {
  const { t } = useTranslation();
  const list = useResource<PlanList>(casePath(reference, "support-plans"));
  const services = useResource<ServiceList>(casePath(reference, "services"));
  const items = list.data?.items ?? [];
  const mayRecord = list.data?.mayRecord ?? false;
  const serviceLabel = (id: string) => {
    const found = services.data?.items.find((s) => s.id === id);
    return found ? `${t(`referrals.serviceValue.${found.service}`)} (${found.startDate})` : id;
  };

  async function setStatus(id: string, status: string) {
    try {
      await api.patch(casePath(reference, `support-plans/${id}`), { status });
      notifications.show({ color: "green", message: t("assistance.plans.changed") });
      list.reload();
    } catch (error) {
      notifications.show({ color: "red", message: describeError(error) });
    }
  }

  return (
    <Section title={t("assistance.plans.title")} testId="assistance-plans">
      {items.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="plans-none">
          {t("assistance.plans.none")}
        </Text>
      )}
      {items.map((plan) => (
        <Stack
          key={plan.id}
          gap={4}
          p="sm"
          style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: 4 }}
          data-testid="plan-row"
          data-type={plan.type}
          data-status={plan.status}
        >
          <Group justify="space-between" wrap="wrap">
            <Text fw={600}>{t(`assistance.planType.${plan.type}`)}</Text>
            <Text size="sm">{t(`assistance.planStatus.${plan.status}`)}</Text>
          </Group>
          <Text size="sm">
            {t("assistance.plans.start")}: {plan.startDate} · {t("assistance.plans.review")}:{" "}
            {plan.reviewDate}
            {plan.plannedEndDate && ` · ${t("assistance.plans.plannedEnd")}: ${plan.plannedEndDate}`}
            {plan.actualEndDate && ` · ${t("assistance.plans.actualEnd")}: ${plan.actualEndDate}`}
          </Text>
          <Text size="sm" fw={500}>
            {t("assistance.plans.objectives")}
          </Text>
          <NoteText note={plan.objectives} hasNote />
          {(plan.actionPlan !== null || !list.data?.mayReadNotes) && (
            <>
              <Text size="sm" fw={500}>
                {t("assistance.plans.actionPlan")}
              </Text>
              <NoteText note={plan.actionPlan} hasNote={!list.data?.mayReadNotes} />
            </>
          )}
          {plan.serviceIds.length > 0 && (
            <Text size="sm">
              {t("assistance.plans.services")}: {plan.serviceIds.map(serviceLabel).join("; ")}
            </Text>
          )}
          {mayRecord && plan.status === "active" && (
            <Group gap="xs">
              <Button
                size="xs"
                variant="light"
                onClick={() => void setStatus(plan.id, "completed")}
                data-testid="plan-complete"
              >
                {t("assistance.plans.complete")}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                color="gray"
                onClick={() => void setStatus(plan.id, "cancelled")}
                data-testid="plan-cancel"
              >
                {t("assistance.plans.cancel")}
              </Button>
            </Group>
          )}
        </Stack>
      ))}
      {mayRecord && (
        <PlanForm
          reference={reference}
          services={(services.data?.items ?? []).map((s) => ({ value: s.id, label: serviceLabel(s.id) }))}
          onRecorded={list.reload}
        />
      )}
    </Section>
  );
}

function PlanForm({
  reference,
  services,
  onRecorded,
}: {
  reference: string;
  services: { value: string; label: string }[];
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const today = useJurisdiction().jurisdiction?.today ?? "";
  const [type, setType] = useState("");
  const [objectives, setObjectives] = useState("");
  const [actionPlan, setActionPlan] = useState("");
  const [chosenStart, setStart] = useState("");
  const startDate = chosenStart || today;
  const [reviewDate, setReviewDate] = useState("");
  const [plannedEndDate, setPlannedEndDate] = useState("");
  const [serviceIds, setServiceIds] = useState<string[]>([]);
  const { busy, failure, problems, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(
      () =>
        api.post(casePath(reference, "support-plans"), {
          type,
          objectives,
          actionPlan: actionPlan.trim() || null,
          startDate,
          reviewDate,
          plannedEndDate: plannedEndDate || null,
          serviceIds,
        }),
      t("assistance.plans.recorded"),
      () => {
        setType("");
        setObjectives("");
        setActionPlan("");
        setStart("");
        setReviewDate("");
        setPlannedEndDate("");
        setServiceIds([]);
        onRecorded();
      },
    );
  }

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="plan-form" noValidate>
      <Stack gap="sm" mt="sm">
        <Text fw={600}>{t("assistance.plans.add")}</Text>
        {failure !== null && (
          <Alert color="red" role="alert" data-testid="plan-error">
            {describeError(failure)}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t("assistance.plans.type")}
            data={[
              { value: "", label: t("common.choose") },
              ...supportPlanTypes.map((p) => ({ value: p, label: t(`assistance.planType.${p}`) })),
            ]}
            value={type}
            onChange={(event) => setType(event.currentTarget.value)}
            error={problemAt(problems, "type")}
            data-testid="plan-type"
          />
          <MultiSelect
            label={t("assistance.plans.services")}
            data={services}
            value={serviceIds}
            onChange={setServiceIds}
            error={problemAt(problems, "serviceIds")}
            data-testid="plan-services"
          />
          <TextInput
            type="date"
            label={t("assistance.plans.start")}
            value={startDate}
            onChange={(event) => setStart(event.currentTarget.value)}
            error={problemAt(problems, "startDate")}
            data-testid="plan-start"
          />
          <TextInput
            type="date"
            label={t("assistance.plans.review")}
            value={reviewDate}
            onChange={(event) => setReviewDate(event.currentTarget.value)}
            error={problemAt(problems, "reviewDate")}
            data-testid="plan-review"
          />
          <TextInput
            type="date"
            label={t("assistance.plans.plannedEnd")}
            value={plannedEndDate}
            onChange={(event) => setPlannedEndDate(event.currentTarget.value)}
            error={problemAt(problems, "plannedEndDate")}
            data-testid="plan-planned-end"
          />
        </SimpleGrid>
        <Textarea
          label={t("assistance.plans.objectives")}
          description={t("assistance.sealedHint")}
          value={objectives}
          onChange={(event) => setObjectives(event.currentTarget.value)}
          error={problemAt(problems, "objectives")}
          autosize
          minRows={2}
          data-testid="plan-objectives"
        />
        <Textarea
          label={t("assistance.plans.actionPlan")}
          value={actionPlan}
          onChange={(event) => setActionPlan(event.currentTarget.value)}
          error={problemAt(problems, "actionPlan")}
          autosize
          minRows={2}
          data-testid="plan-action"
        />
        <Button type="submit" loading={busy} w="fit-content" data-testid="plan-submit">
          {t("assistance.plans.submit")}
        </Button>
      </Stack>
    </form>
  );
}
