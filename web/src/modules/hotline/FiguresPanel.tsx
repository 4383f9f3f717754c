import { Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CallerType, ContactChannel, ContactOutcome } from "../../../../shared/hotline";
import { useJurisdiction } from "../../platform/jurisdiction";
import { useNames } from "../../platform/labels";
import { ErrorNotice, Loading } from "../../platform/layout/Page";
import { useResource } from "../../platform/useResource";
import type { Figures } from "./types";

/** Contacts in a period by channel, language, caller and outcome: counts only. */
export function FiguresPanel() {
  const { t } = useTranslation();
  const { jurisdiction } = useJurisdiction();
  const { spokenLanguage } = useNames();
  const today = jurisdiction?.today ?? "";
  const [chosenFrom, setFrom] = useState("");
  const [chosenTo, setTo] = useState("");
  const from = chosenFrom || (today ? `${today.slice(0, 8)}01` : "");
  const to = chosenTo || today;
  const figures = useResource<Figures>(from && to ? `/api/hotline/figures?from=${from}&to=${to}` : null);

  const table = (
    title: string,
    counts: Record<string, number>,
    label: (key: string) => string,
    id: string,
  ) => (
    <Stack gap={4} data-testid={`figures-${id}`}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      <Table>
        <Table.Tbody>
          {Object.entries(counts).map(([key, count]) => (
            <Table.Tr key={key} data-key={key}>
              <Table.Td>{label(key)}</Table.Td>
              <Table.Td ta="right">{count}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );

  return (
    <Paper withBorder p="md" data-testid="hotline-figures">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("hotline.figures")}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <TextInput
            type="date"
            label={t("hotline.periodFrom")}
            value={from}
            onChange={(event) => setFrom(event.currentTarget.value)}
            data-testid="figures-from"
          />
          <TextInput
            type="date"
            label={t("hotline.periodTo")}
            value={to}
            onChange={(event) => setTo(event.currentTarget.value)}
            data-testid="figures-to"
          />
        </SimpleGrid>
        {figures.error && <ErrorNotice error={figures.error} onRetry={figures.reload} />}
        {!figures.data && !figures.error && <Loading />}
        {figures.data && (
          <>
            <Text data-testid="figures-total">{t("hotline.total", { count: figures.data.total })}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              {table(
                t("hotline.byChannel"),
                figures.data.byChannel,
                (k) => t(`hotline.channels.${k as ContactChannel}`),
                "channel",
              )}
              {table(t("hotline.byLanguage"), figures.data.byLanguage, spokenLanguage, "language")}
              {table(
                t("hotline.byCallerType"),
                figures.data.byCallerType,
                (k) => t(`hotline.callerTypes.${k as CallerType}`),
                "caller",
              )}
              {table(
                t("hotline.byOutcome"),
                figures.data.byOutcome,
                (k) => t(`hotline.outcomes.${k as ContactOutcome}`),
                "outcome",
              )}
            </SimpleGrid>
          </>
        )}
      </Stack>
    </Paper>
  );
}
