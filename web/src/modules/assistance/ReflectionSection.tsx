import { Alert, Badge, Button, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ResidenceAction } from "../../../../shared/assistance";
import { api } from "../../platform/api";
import { describeError, problemAt } from "../../platform/errors";
import { useJurisdiction } from "../../platform/jurisdiction";
import { useResource } from "../../platform/useResource";
import { Facts, Section } from "../cases/Facts";
import { NoteText } from "./NeedsSection";
import type { ReflectionView } from "./types";
import { casePath, useSubmit } from "../../platform/useSubmit";

/** The reflection period (start, end, days left, extensions) and a foreign victim's temporary residence. */
export function ReflectionSection({ reference }: { reference: string }) {
  const { t } = useTranslation();
  const view = useResource<ReflectionView>(casePath(reference, "reflection"));
  const data = view.data;
  if (!data) return null;
  const { reflection, residence } = data;
  const daysLeftText = (expired: boolean, days: number | null) =>
    expired ? t("assistance.reflection.expired") : String(days ?? 0);
  return (
    <Section
      title={t("assistance.reflection.title")}
      extra={
        <Text size="sm" c="dimmed">
          {t("assistance.reflection.hint", { days: reflection.defaultDays })}
        </Text>
      }
      testId="assistance-reflection"
    >
      <Facts
        facts={[
          { label: t("assistance.reflection.start"), value: reflection.startDate },
          {
            label: t("assistance.reflection.end"),
            value: (
              <Group gap="xs">
                <Text size="sm" data-testid="reflection-end">
                  {reflection.endDate}
                </Text>
                {reflection.extended && (
                  <Badge size="sm" variant="light" data-testid="reflection-extended">
                    {t("assistance.reflection.extended")}
                  </Badge>
                )}
              </Group>
            ),
          },
          {
            label: t("assistance.reflection.daysLeft"),
            value: (
              <Text
                size="sm"
                c={!reflection.expired && reflection.daysLeft <= data.reminderDaysBefore ? "red" : undefined}
                data-testid="reflection-days-left"
              >
                {daysLeftText(reflection.expired, reflection.daysLeft)}
              </Text>
            ),
          },
        ]}
      />
      {reflection.extensions.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t("assistance.reflection.extensions")}
          </Text>
          {reflection.extensions.map((e) => (
            <Stack key={e.id} gap={0} data-testid="reflection-extension">
              <Text size="sm">
                {e.previousEndDate} → {e.newEndDate} · {e.extendedBy.name}, {e.agency.name}
              </Text>
              <NoteText note={e.reason} hasNote />
            </Stack>
          ))}
        </Stack>
      )}
      {data.permissions.canExtend && <ExtendForm reference={reference} onDone={view.reload} />}

      <Text fw={600} mt="sm">
        {t("assistance.residence.title")}
      </Text>
      {!residence.applicable ? (
        <Text size="sm" c="dimmed" data-testid="residence-not-applicable">
          {t("assistance.residence.notApplicable")}
        </Text>
      ) : residence.validUntil === null ? (
        <Text size="sm" c="dimmed" data-testid="residence-none">
          {t("assistance.residence.none")}
        </Text>
      ) : (
        <Facts
          facts={[
            { label: t("assistance.residence.granted"), value: residence.grantedDate ?? "—" },
            {
              label: t("assistance.residence.validUntil"),
              value: (
                <Text size="sm" data-testid="residence-valid-until">
                  {residence.validUntil}
                </Text>
              ),
            },
            {
              label: t("assistance.reflection.daysLeft"),
              value: daysLeftText(residence.expired, residence.daysLeft),
            },
            {
              label: t("assistance.residence.permitNumber"),
              value: (
                <Stack gap={0}>
                  {residence.permits.map((p) => (
                    <Group key={p.id} gap="xs" data-testid="residence-permit" data-action={p.action}>
                      <Text size="sm">
                        {t(`assistance.residenceKind.${p.action}`)} {p.grantedDate} → {p.validUntil}:
                      </Text>
                      <NoteText note={p.permitNumber} hasNote={p.hasPermitNumber} />
                    </Group>
                  ))}
                </Stack>
              ),
            },
          ]}
        />
      )}
      {data.permissions.canRecordResidence && (
        <ResidenceForm
          reference={reference}
          granted={residence.validUntil !== null}
          defaultDays={residence.defaultDays}
          onDone={view.reload}
        />
      )}
    </Section>
  );
}

function ExtendForm({ reference, onDone }: { reference: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [newEndDate, setNewEndDate] = useState("");
  const [reason, setReason] = useState("");
  const { busy, failure, problems, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(
      () => api.post(casePath(reference, "reflection/extensions"), { newEndDate, reason }),
      t("assistance.reflection.extendedNotice"),
      () => {
        setNewEndDate("");
        setReason("");
        onDone();
      },
    );
  }

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="reflection-extend" noValidate>
      <Stack gap="sm">
        <Text fw={600}>{t("assistance.reflection.extend")}</Text>
        {failure !== null && (
          <Alert color="red" role="alert" data-testid="reflection-error">
            {describeError(failure)}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t("assistance.reflection.newEndDate")}
            value={newEndDate}
            onChange={(event) => setNewEndDate(event.currentTarget.value)}
            error={problemAt(problems, "newEndDate")}
            data-testid="reflection-new-end"
          />
          <Textarea
            label={t("assistance.reflection.reason")}
            description={t("assistance.sealedHint")}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={problemAt(problems, "reason")}
            autosize
            data-testid="reflection-reason"
          />
        </SimpleGrid>
        <Button type="submit" loading={busy} w="fit-content" data-testid="reflection-extend-submit">
          {t("assistance.reflection.submit")}
        </Button>
      </Stack>
    </form>
  );
}

function ResidenceForm({
  reference,
  granted,
  defaultDays,
  onDone,
}: {
  reference: string;
  granted: boolean;
  defaultDays: number;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const today = useJurisdiction().jurisdiction?.today ?? "";
  const action: ResidenceAction = granted ? "extend" : "grant";
  const [chosenDate, setGrantedDate] = useState("");
  const grantedDate = chosenDate || today;
  const [validUntil, setValidUntil] = useState("");
  const [permitNumber, setPermitNumber] = useState("");
  const { busy, failure, problems, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(
      () =>
        api.post(casePath(reference, "residence"), {
          action,
          grantedDate,
          validUntil: validUntil || null,
          permitNumber: permitNumber.trim() || null,
        }),
      t("assistance.residence.recorded"),
      () => {
        setGrantedDate("");
        setValidUntil("");
        setPermitNumber("");
        onDone();
      },
    );
  }

  return (
    <form
      onSubmit={(event) => void submit(event)}
      data-testid="residence-form"
      data-action={action}
      noValidate
    >
      <Stack gap="sm">
        <Text fw={600}>{t(`assistance.residenceAction.${action}`)}</Text>
        {failure !== null && (
          <Alert color="red" role="alert" data-testid="residence-error">
            {describeError(failure)}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            type="date"
            label={t("assistance.residence.decisionDate")}
            value={grantedDate}
            onChange={(event) => setGrantedDate(event.currentTarget.value)}
            error={problemAt(problems, "grantedDate")}
            data-testid="residence-granted"
          />
          <TextInput
            type="date"
            label={t("assistance.residence.validUntil")}
            description={
              granted ? undefined : t("assistance.residence.defaultValidity", { days: defaultDays })
            }
            value={validUntil}
            onChange={(event) => setValidUntil(event.currentTarget.value)}
            error={problemAt(problems, "validUntil")}
            data-testid="residence-valid-until-input"
          />
          <TextInput
            label={t("assistance.residence.permitNumber")}
            description={t("assistance.sealedHint")}
            value={permitNumber}
            onChange={(event) => setPermitNumber(event.currentTarget.value)}
            error={problemAt(problems, "permitNumber")}
            data-testid="residence-permit-number"
          />
        </SimpleGrid>
        <Button type="submit" loading={busy} w="fit-content" data-testid="residence-submit">
          {t("assistance.residence.submit")}
        </Button>
      </Stack>
    </form>
  );
}
