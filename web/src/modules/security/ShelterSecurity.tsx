import {
  Alert,
  Badge,
  Button,
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
import { type IncidentKind, incidentKinds } from "../../../../shared/security";
import { api } from "../../platform/api";
import { useMe } from "../../platform/auth";
import { describeError, type FieldProblems, fieldProblemsFrom, problemAt } from "../../platform/errors";
import { useNames } from "../../platform/labels";
import { useResource } from "../../platform/useResource";
import { type Incident, instantOf } from "./types";

/**
 * A shelter's security incidents, for its own staff: the list, the form to record one, and the
 * relocation after its location was compromised (the shelter's supervisor or administrator).
 */
export function ShelterSecurity({ shelterId, onRelocated }: { shelterId: string; onRelocated: () => void }) {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const me = useMe();
  const incidents = useResource<Incident[]>(`/api/shelters/${shelterId}/incidents`);
  const rows = incidents.data ?? [];
  const pending = rows.filter((row) => row.kind === "location_compromised" && row.relocatedAt === null);
  const mayRelocate = me.roles.some((role) => role === "supervisor" || role === "agency_admin");
  return (
    <Stack gap="xs" data-testid="shelter-incidents">
      <Text fw={600}>{t("security.incidents.title")}</Text>
      {rows.length === 0 && <Text size="sm">{t("security.incidents.none")}</Text>}
      {rows.map((row) => (
        <Stack key={row.id} gap={2} data-testid="incident-row" data-kind={row.kind}>
          <Text size="sm">
            <Badge color={row.kind === "location_compromised" ? "red" : "orange"} mr="xs">
              {t(`security.incidents.kind.${row.kind}`)}
            </Badge>
            {dateTime(row.occurredAt)} · {row.recordedBy.name}
            {row.relocatedAt
              ? ` · ${t("security.incidents.relocated", { date: dateTime(row.relocatedAt) })}`
              : ""}
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {row.description}
          </Text>
        </Stack>
      ))}
      <IncidentForm shelterId={shelterId} onRecorded={incidents.reload} />
      {mayRelocate && pending.length > 0 && (
        <RelocationForm
          shelterId={shelterId}
          incidents={pending}
          onRelocated={() => {
            incidents.reload();
            onRelocated();
          }}
        />
      )}
    </Stack>
  );
}

function IncidentForm({ shelterId, onRecorded }: { shelterId: string; onRecorded: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<IncidentKind | "">("");
  const [occurredAt, setOccurredAt] = useState("");
  const [description, setDescription] = useState("");
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setProblems({});
    setBusy(true);
    try {
      await api.post(`/api/shelters/${shelterId}/incidents`, {
        kind,
        occurredAt: instantOf(occurredAt),
        description,
      });
      notifications.show({ color: "green", message: t("security.incidents.recorded") });
      setKind("");
      setOccurredAt("");
      setDescription("");
      onRecorded();
    } catch (error) {
      setProblems(fieldProblemsFrom(error));
      setFailure(error);
    }
    setBusy(false);
  }

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="incident-form" noValidate>
      <Stack gap="xs">
        {failure !== null && (
          <Alert color="red" role="alert">
            {describeError(failure)}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t("security.incidents.kindLabel")}
            data={[
              { value: "", label: t("common.choose") },
              ...incidentKinds.map((value) => ({ value, label: t(`security.incidents.kind.${value}`) })),
            ]}
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as IncidentKind | "")}
            error={problemAt(problems, "kind")}
            data-testid="incident-kind"
          />
          <TextInput
            type="datetime-local"
            label={t("security.incidents.occurredAt")}
            value={occurredAt}
            onChange={(event) => setOccurredAt(event.currentTarget.value)}
            error={problemAt(problems, "occurredAt")}
            data-testid="incident-occurred-at"
          />
        </SimpleGrid>
        <Textarea
          label={t("security.incidents.description")}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={problemAt(problems, "description")}
          data-testid="incident-description"
        />
        <Button type="submit" loading={busy} w="fit-content" variant="light" data-testid="incident-submit">
          {t("security.incidents.submit")}
        </Button>
      </Stack>
    </form>
  );
}

function RelocationForm({
  shelterId,
  incidents,
  onRelocated,
}: {
  shelterId: string;
  incidents: Incident[];
  onRelocated: () => void;
}) {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const [incidentId, setIncidentId] = useState(incidents[0]?.id ?? "");
  const [address, setAddress] = useState("");
  const [contacts, setContacts] = useState("");
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setProblems({});
    setBusy(true);
    try {
      await api.post(`/api/shelters/${shelterId}/relocation`, {
        incidentId,
        address,
        ...(contacts.trim() ? { contacts } : {}),
      });
      notifications.show({ color: "green", message: t("security.relocation.done") });
      setAddress("");
      setContacts("");
      onRelocated();
    } catch (error) {
      setProblems(fieldProblemsFrom(error));
      setFailure(error);
    }
    setBusy(false);
  }

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="relocation-form" noValidate>
      <Stack gap="xs" mt="xs">
        <Text fw={600}>{t("security.relocation.title")}</Text>
        <Text size="sm" c="dimmed">
          {t("security.relocation.hint")}
        </Text>
        {failure !== null && (
          <Alert color="red" role="alert">
            {describeError(failure)}
          </Alert>
        )}
        <NativeSelect
          label={t("security.relocation.incident")}
          data={incidents.map((incident) => ({ value: incident.id, label: dateTime(incident.occurredAt) }))}
          value={incidentId}
          onChange={(event) => setIncidentId(event.currentTarget.value)}
          error={problemAt(problems, "incidentId")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea
            label={t("security.relocation.address")}
            value={address}
            onChange={(event) => setAddress(event.currentTarget.value)}
            error={problemAt(problems, "address")}
            data-testid="relocation-address"
          />
          <Textarea
            label={t("security.relocation.contacts")}
            value={contacts}
            onChange={(event) => setContacts(event.currentTarget.value)}
            error={problemAt(problems, "contacts")}
            data-testid="relocation-contacts"
          />
        </SimpleGrid>
        <Button type="submit" loading={busy} w="fit-content" color="red" data-testid="relocation-submit">
          {t("security.relocation.submit")}
        </Button>
      </Stack>
    </form>
  );
}
