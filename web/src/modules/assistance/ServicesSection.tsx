import {
  Alert,
  Button,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ServiceStatus, serviceStatuses } from "../../../../shared/assistance";
import { assistanceServices } from "../../../../shared/vocabulary";
import { api } from "../../platform/api";
import { describeError, problemAt } from "../../platform/errors";
import { useJurisdiction } from "../../platform/jurisdiction";
import type { Agency } from "../../platform/types";
import { useResource } from "../../platform/useResource";
import { Section } from "../cases/Facts";
import { NoteText } from "./NeedsSection";
import type { ServiceItem, ServiceList } from "./types";
import { casePath, useSubmit } from "../../platform/useSubmit";

/** Where a service may go next from its status (the server decides; this offers only sensible moves). */
const nextStatuses: Record<ServiceStatus, readonly ServiceStatus[]> = {
  planned: ["in_progress", "delivered", "declined_by_person", "ended"],
  in_progress: ["delivered", "declined_by_person", "ended"],
  delivered: ["in_progress", "ended"],
  declined_by_person: ["planned", "in_progress"],
  ended: ["in_progress"],
};

/** The services the person receives, their provider, dates and status; add one, move one on. */
export function ServicesSection({ reference }: { reference: string }) {
  const { t } = useTranslation();
  const list = useResource<ServiceList>(casePath(reference, "services"));
  const items = list.data?.items ?? [];
  const mayRecord = list.data?.mayRecord ?? false;
  return (
    <Section
      title={t("assistance.services.title")}
      extra={
        <Text size="sm" c="dimmed">
          {t("assistance.services.regardless")}
        </Text>
      }
      testId="assistance-services"
    >
      {items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="services-none">
          {t("assistance.services.none")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("assistance.services.service")}</Table.Th>
                <Table.Th>{t("assistance.services.provider")}</Table.Th>
                <Table.Th>{t("assistance.services.dates")}</Table.Th>
                <Table.Th>{t("assistance.services.status")}</Table.Th>
                <Table.Th>{t("assistance.services.note")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <ServiceRow
                  key={item.id}
                  reference={reference}
                  item={item}
                  mayChange={mayRecord}
                  onChanged={list.reload}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {mayRecord && <ServiceForm reference={reference} onRecorded={list.reload} />}
    </Section>
  );
}

function ServiceRow({
  reference,
  item,
  mayChange,
  onChanged,
}: {
  reference: string;
  item: ServiceItem;
  mayChange: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const provider = [item.providerAgency?.name, item.providerName].filter(Boolean).join(" · ");

  async function move(status: string) {
    if (status === item.status) return;
    setBusy(true);
    try {
      await api.patch(casePath(reference, `services/${item.id}`), { status });
      notifications.show({ color: "green", message: t("assistance.services.changed") });
      onChanged();
    } catch (error) {
      notifications.show({ color: "red", message: describeError(error) });
    }
    setBusy(false);
  }

  return (
    <Table.Tr data-testid="service-row" data-code={item.service} data-status={item.status}>
      <Table.Td>{t(`referrals.serviceValue.${item.service}`)}</Table.Td>
      <Table.Td>
        {provider ||
          (item.hasProviderName ? (
            <Text size="sm" c="dimmed" fs="italic">
              {t("assistance.withheld")}
            </Text>
          ) : (
            "—"
          ))}
      </Table.Td>
      <Table.Td>
        {item.startDate} – {item.endDate ?? ""}
      </Table.Td>
      <Table.Td>
        {mayChange ? (
          <NativeSelect
            aria-label={t("assistance.services.status")}
            size="xs"
            disabled={busy}
            data={[item.status, ...nextStatuses[item.status]].map((s) => ({
              value: s,
              label: t(`assistance.serviceStatus.${s}`),
            }))}
            value={item.status}
            onChange={(event) => void move(event.currentTarget.value)}
            data-testid="service-status-select"
          />
        ) : (
          t(`assistance.serviceStatus.${item.status}`)
        )}
      </Table.Td>
      <Table.Td>
        <NoteText note={item.note} hasNote={item.hasNote} />
      </Table.Td>
    </Table.Tr>
  );
}

function ServiceForm({ reference, onRecorded }: { reference: string; onRecorded: () => void }) {
  const { t } = useTranslation();
  const today = useJurisdiction().jurisdiction?.today ?? "";
  const agencies = useResource<Agency[]>("/api/agencies");
  const [service, setService] = useState("");
  const [providerAgencyId, setProviderAgencyId] = useState("");
  const [providerName, setProviderName] = useState("");
  const [chosenStart, setStart] = useState("");
  const startDate = chosenStart || today;
  const [endDate, setEndDate] = useState("");
  const [status, setStatus] = useState<ServiceStatus>("planned");
  const [note, setNote] = useState("");
  const { busy, failure, problems, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(
      () =>
        api.post(casePath(reference, "services"), {
          service,
          providerAgencyId: providerAgencyId || null,
          providerName: providerName.trim() || null,
          startDate,
          endDate: endDate || null,
          status,
          note: note.trim() || null,
        }),
      t("assistance.services.recorded"),
      () => {
        setService("");
        setProviderAgencyId("");
        setProviderName("");
        setStart("");
        setEndDate("");
        setStatus("planned");
        setNote("");
        onRecorded();
      },
    );
  }

  const activeAgencies = (agencies.data ?? []).filter((agency) => agency.active);
  return (
    <form onSubmit={(event) => void submit(event)} data-testid="service-form" noValidate>
      <Stack gap="sm" mt="sm">
        <Text fw={600}>{t("assistance.services.add")}</Text>
        {failure !== null && (
          <Alert color="red" role="alert" data-testid="service-error">
            {describeError(failure)}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t("assistance.services.service")}
            data={[
              { value: "", label: t("common.choose") },
              ...assistanceServices.map((s) => ({ value: s, label: t(`referrals.serviceValue.${s}`) })),
            ]}
            value={service}
            onChange={(event) => setService(event.currentTarget.value)}
            error={problemAt(problems, "service")}
            data-testid="service-code"
          />
          <NativeSelect
            label={t("assistance.services.status")}
            data={serviceStatuses.map((s) => ({ value: s, label: t(`assistance.serviceStatus.${s}`) }))}
            value={status}
            onChange={(event) => setStatus(event.currentTarget.value as ServiceStatus)}
            error={problemAt(problems, "status")}
            data-testid="service-initial-status"
          />
          <NativeSelect
            label={t("assistance.services.providerAgency")}
            data={[
              { value: "", label: t("assistance.services.noAgency") },
              ...activeAgencies.map((agency) => ({ value: agency.id, label: agency.name })),
            ]}
            value={providerAgencyId}
            onChange={(event) => setProviderAgencyId(event.currentTarget.value)}
            error={problemAt(problems, "providerAgencyId")}
            data-testid="service-provider-agency"
          />
          <TextInput
            label={t("assistance.services.providerName")}
            description={t("assistance.services.providerNameHint")}
            value={providerName}
            onChange={(event) => setProviderName(event.currentTarget.value)}
            error={problemAt(problems, "providerName")}
            data-testid="service-provider-name"
          />
          <TextInput
            type="date"
            label={t("assistance.services.start")}
            value={startDate}
            onChange={(event) => setStart(event.currentTarget.value)}
            error={problemAt(problems, "startDate")}
            data-testid="service-start"
          />
          <TextInput
            type="date"
            label={t("assistance.services.end")}
            value={endDate}
            onChange={(event) => setEndDate(event.currentTarget.value)}
            error={problemAt(problems, "endDate")}
            data-testid="service-end"
          />
        </SimpleGrid>
        <Textarea
          label={t("assistance.services.note")}
          description={t("assistance.sealedHint")}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={problemAt(problems, "note")}
          autosize
          minRows={2}
          data-testid="service-note"
        />
        <Button type="submit" loading={busy} w="fit-content" data-testid="service-submit">
          {t("assistance.services.submit")}
        </Button>
      </Stack>
    </form>
  );
}
