import { Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface Fact {
  label: string;
  value: ReactNode;
}

/** Label and value pairs, two columns on wide screens and one on a phone. */
export function Facts({ facts }: { facts: readonly Fact[] }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="xs" component="dl" m={0}>
      {facts.map((fact) => (
        <Stack key={fact.label} gap={0}>
          <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
            {fact.label}
          </Text>
          <Text component="dd" m={0} size="sm">
            {fact.value === null || fact.value === undefined || fact.value === ""
              ? t("common.notRecorded")
              : fact.value}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

export function Section({
  title,
  extra,
  children,
  testId,
}: {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder p="md" data-testid={testId} component="section">
      <Stack gap="sm">
        <Stack gap={4}>
          <Title order={2} size="h4">
            {title}
          </Title>
          {extra}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}
