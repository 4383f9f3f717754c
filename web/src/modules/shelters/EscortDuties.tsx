import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../platform/api";
import { describeError, problemAt } from "../../platform/errors";
import { FormFailure } from "../../platform/FormFailure";
import { useResource } from "../../platform/useResource";
import { useSubmit } from "../../platform/useSubmit";
import { useToday } from "./today";
import type { EscortDuty, GrantedEscort, SecretAddress } from "./types";

/**
 * Escort duty for a transfer, given by the receiving shelter's staff: the escort (a police officer,
 * a worker of another shelter) learns the address on the day of the transfer and the night after,
 * until the person is admitted here.
 */
export function EscortSection({
  shelterId,
  escorts,
  onChanged,
}: {
  shelterId: string;
  escorts: GrantedEscort[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const today = useToday();
  const [reference, setReference] = useState("");
  const [username, setUsername] = useState("");
  const [onDate, setOnDate] = useState(today);
  const grant = useSubmit();
  const revoke = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await grant.run(
      () =>
        api.post(`/api/shelters/${shelterId}/escorts`, {
          reference: reference.trim(),
          escortUsername: username.trim(),
          onDate,
        }),
      t("shelters.escort.granted"),
      () => {
        setReference("");
        setUsername("");
        onChanged();
      },
    );
  }

  return (
    <Stack gap="xs" data-testid="escort-section">
      <Text fw={600}>{t("shelters.escort.title")}</Text>
      <Text size="xs" c="dimmed">
        {t("shelters.escort.hint")}
      </Text>
      {escorts.map((escort) => (
        <Group key={escort.id} gap="sm" wrap="wrap" data-testid="escort-row">
          <Text ff="monospace">{escort.reference}</Text>
          <Text size="sm">
            {escort.escort} · {escort.onDate}
          </Text>
          {escort.ended ? (
            <Badge variant="light" color="gray">
              {t(`shelters.escort.ended.${escort.ended}`)}
            </Badge>
          ) : (
            <Button
              size="xs"
              variant="default"
              loading={revoke.busy}
              onClick={() =>
                void revoke.run(
                  () => api.post(`/api/escorts/${escort.id}/revoke`, {}),
                  t("shelters.escort.revoked"),
                  onChanged,
                )
              }
              data-testid="escort-revoke"
            >
              {t("shelters.escort.revoke")}
            </Button>
          )}
        </Group>
      ))}
      <FormFailure failure={revoke.failure} />
      <form onSubmit={(event) => void submit(event)} data-testid="escort-form" noValidate>
        <Stack gap="xs">
          <FormFailure failure={grant.failure} testId="escort-error" />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t("shelters.reference")}
              value={reference}
              onChange={(event) => setReference(event.currentTarget.value)}
              error={problemAt(grant.problems, "reference")}
              data-testid="escort-reference"
            />
            <TextInput
              label={t("shelters.escort.username")}
              value={username}
              onChange={(event) => setUsername(event.currentTarget.value)}
              error={problemAt(grant.problems, "escortUsername")}
              autoComplete="off"
              data-testid="escort-username"
            />
            <TextInput
              type="date"
              label={t("shelters.escort.onDate")}
              value={onDate}
              onChange={(event) => setOnDate(event.currentTarget.value)}
              error={problemAt(grant.problems, "onDate")}
              data-testid="escort-date"
            />
          </SimpleGrid>
          <Button
            type="submit"
            variant="light"
            loading={grant.busy}
            w="fit-content"
            data-testid="escort-submit"
          >
            {t("shelters.escort.grant")}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}

/** The escort duties given to the signed-in user; the addresses open on the day of the transfer. */
export function MyEscorts() {
  const { t } = useTranslation();
  const duties = useResource<EscortDuty[]>("/api/escorts/mine");
  if (!duties.data || duties.data.length === 0) return null;
  return (
    <Paper withBorder p="md" data-testid="my-escorts">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("shelters.escort.mine")}
        </Title>
        {duties.data.map((duty) => (
          <Stack key={duty.id} gap={4} data-testid="my-escort">
            <Group gap="sm" wrap="wrap">
              <Text ff="monospace">{duty.reference}</Text>
              <Text size="sm">
                {duty.from ? `${duty.from.codeName} → ` : ""}
                {duty.to.codeName} · {duty.onDate}
              </Text>
            </Group>
            {duty.due ? (
              <Group gap="xs" wrap="wrap">
                {duty.from && <EscortAddress shelter={duty.from} />}
                <EscortAddress shelter={duty.to} />
              </Group>
            ) : (
              <Text size="xs" c="dimmed">
                {t("shelters.escort.notYet")}
              </Text>
            )}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

function EscortAddress({ shelter }: { shelter: { id: string; codeName: string } }) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState<SecretAddress | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  if (secret)
    return (
      <Alert
        color="yellow"
        title={`${t("common.confidential")} · ${shelter.codeName}`}
        data-testid="escort-address"
      >
        <Text style={{ whiteSpace: "pre-wrap" }}>{secret.address}</Text>
        {secret.contacts && <Text style={{ whiteSpace: "pre-wrap" }}>{secret.contacts}</Text>}
      </Alert>
    );
  return (
    <Stack gap={4}>
      <Button
        variant="light"
        size="xs"
        onClick={() => {
          setFailure(null);
          api.get<SecretAddress>(`/api/shelters/${shelter.id}/address`).then(setSecret, setFailure);
        }}
        data-testid="escort-show-address"
      >
        {t("shelters.escort.showAddress", { codeName: shelter.codeName })}
      </Button>
      {failure !== null && (
        <Text size="xs" c="red">
          {describeError(failure)}
        </Text>
      )}
    </Stack>
  );
}
