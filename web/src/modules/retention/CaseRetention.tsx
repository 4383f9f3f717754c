import { Alert, Badge, Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../platform/api";
import { problemAt } from "../../platform/errors";
import { FormFailure } from "../../platform/FormFailure";
import { useNames } from "../../platform/labels";
import { useResource } from "../../platform/useResource";
import { casePath, useSubmit } from "../../platform/useSubmit";
import { Facts, Section } from "../cases/Facts";
import {
  type CaseRetention as Retention,
  type ErasureReason,
  erasureReasons,
  type HoldReason,
  holdReasons,
} from "./types";

/**
 * Retention on the case page: an erased case says so plainly; the identifying agency's supervisor
 * erases a closed case's identity (the reference typed again), and a prosecutor or supervisor on
 * the team places or lifts a legal hold. Nothing is shown to those who can do neither.
 */
export function CaseRetention({ reference, onChanged }: { reference: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const state = useResource<Retention>(casePath(reference, "retention"));
  const retention = state.data;
  if (!retention) return null;
  const standing = retention.holds.filter((hold) => hold.liftedAt === null);
  const { canErase, canPlaceHold } = retention.permissions;
  if (!retention.erased && !canErase && !canPlaceHold && standing.length === 0) return null;
  const changed = (next: Retention) => {
    state.replace(next);
    onChanged();
  };
  return (
    <Section title={t("retention.title")} testId="case-retention">
      {retention.erased && (
        <Alert color="gray" variant="filled" data-testid="retention-erased">
          {t("retention.erasedNotice", {
            date: retention.erased.at.slice(0, 10),
            reason: t(`retention.erasureReason.${retention.erased.reason}`),
          })}
        </Alert>
      )}
      <Facts
        facts={[
          { label: t("retention.closedOn"), value: retention.closedOn },
          {
            label: t("retention.dueOn"),
            value: retention.dueOn ?? (retention.erased ? null : t("retention.notDueWhileOpen")),
          },
        ]}
      />
      <HoldList reference={reference} retention={retention} onChanged={changed} />
      {canPlaceHold && <PlaceHoldForm reference={reference} onChanged={changed} />}
      {canErase && <EraseForm reference={reference} held={standing.length > 0} onChanged={changed} />}
    </Section>
  );
}

function HoldList({
  reference,
  retention,
  onChanged,
}: {
  reference: string;
  retention: Retention;
  onChanged: (next: Retention) => void;
}) {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const submit = useSubmit();
  if (retention.holds.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="retention-no-holds">
        {t("retention.noHolds")}
      </Text>
    );
  return (
    <Stack gap="xs">
      {retention.holds.map((hold) => (
        <Group key={hold.id} justify="space-between" wrap="wrap" data-testid="retention-hold">
          <Stack gap={0}>
            <Group gap="xs">
              <Badge color={hold.liftedAt ? "gray" : "orange"}>
                {hold.liftedAt ? t("retention.holdLifted") : t("retention.holdStanding")}
              </Badge>
              <Text size="sm" fw={600}>
                {t(`retention.holdReason.${hold.reason}`)}
              </Text>
              {hold.proceedingReference && <Text size="sm">{hold.proceedingReference}</Text>}
            </Group>
            <Text size="xs" c="dimmed">
              {t("retention.placedBy", {
                name: hold.placedBy.name,
                agency: hold.agency.name,
                at: dateTime(hold.placedAt),
              })}
            </Text>
          </Stack>
          {hold.canLift && (
            <Button
              size="xs"
              variant="default"
              loading={submit.busy}
              data-testid="retention-lift-hold"
              onClick={() =>
                void submit.run(
                  async () =>
                    onChanged(
                      await api.post<Retention>(casePath(reference, `retention/holds/${hold.id}/lift`)),
                    ),
                  t("retention.holdLiftedDone"),
                )
              }
            >
              {t("retention.liftHold")}
            </Button>
          )}
        </Group>
      ))}
      <FormFailure failure={submit.failure} testId="retention-lift-failure" />
    </Stack>
  );
}

function PlaceHoldForm({
  reference,
  onChanged,
}: {
  reference: string;
  onChanged: (next: Retention) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<HoldReason | "">("");
  const [proceedingReference, setProceedingReference] = useState("");
  const submit = useSubmit();
  const send = (event: FormEvent) => {
    event.preventDefault();
    void submit.run(async () => {
      onChanged(
        await api.post<Retention>(casePath(reference, "retention/holds"), {
          reason,
          ...(proceedingReference.trim() ? { proceedingReference } : {}),
        }),
      );
      setReason("");
      setProceedingReference("");
    }, t("retention.holdPlaced"));
  };
  return (
    <form onSubmit={send} data-testid="retention-hold-form">
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t("retention.holdReasonLabel")}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value as HoldReason | "")}
            data={[
              { value: "", label: t("retention.choose") },
              ...holdReasons.map((value) => ({ value, label: t(`retention.holdReason.${value}`) })),
            ]}
            error={problemAt(submit.problems, "reason")}
            data-testid="retention-hold-reason"
          />
          <TextInput
            label={t("retention.proceedingReference")}
            value={proceedingReference}
            onChange={(event) => setProceedingReference(event.currentTarget.value)}
            error={problemAt(submit.problems, "proceedingReference")}
            maxLength={60}
            data-testid="retention-hold-proceeding"
          />
          <Button type="submit" mt={{ sm: 24 }} loading={submit.busy} data-testid="retention-place-hold">
            {t("retention.placeHold")}
          </Button>
        </SimpleGrid>
        <FormFailure failure={submit.failure} testId="retention-hold-failure" />
      </Stack>
    </form>
  );
}

function EraseForm({
  reference,
  held,
  onChanged,
}: {
  reference: string;
  held: boolean;
  onChanged: (next: Retention) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<ErasureReason | "">("");
  const [confirmReference, setConfirmReference] = useState("");
  const submit = useSubmit();
  const send = (event: FormEvent) => {
    event.preventDefault();
    void submit.run(
      async () =>
        onChanged(
          await api.post<Retention>(casePath(reference, "retention/erase"), { reason, confirmReference }),
        ),
      t("retention.erasedDone"),
    );
  };
  return (
    <form onSubmit={send} data-testid="retention-erase-form">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t("retention.eraseTitle")}
        </Text>
        <Text size="sm" c="dimmed">
          {held ? t("retention.eraseHeld") : t("retention.eraseWarning")}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t("retention.erasureReasonLabel")}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value as ErasureReason | "")}
            data={[
              { value: "", label: t("retention.choose") },
              ...erasureReasons.map((value) => ({ value, label: t(`retention.erasureReason.${value}`) })),
            ]}
            error={problemAt(submit.problems, "reason")}
            data-testid="retention-erase-reason"
          />
          <TextInput
            label={t("retention.confirmLabel", { reference })}
            value={confirmReference}
            onChange={(event) => setConfirmReference(event.currentTarget.value)}
            error={problemAt(submit.problems, "confirmReference")}
            autoComplete="off"
            data-testid="retention-erase-confirm"
          />
          <Button
            type="submit"
            color="red"
            mt={{ sm: 24 }}
            loading={submit.busy}
            disabled={confirmReference.trim() !== reference}
            data-testid="retention-erase"
          >
            {t("retention.erase")}
          </Button>
        </SimpleGrid>
        <FormFailure failure={submit.failure} testId="retention-erase-failure" />
      </Stack>
    </form>
  );
}
