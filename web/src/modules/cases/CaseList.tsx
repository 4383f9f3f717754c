import { Anchor, Badge, Card, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useJurisdiction } from "../../platform/jurisdiction";
import { PathwayBadge } from "./PathwayBadge";
import type { CaseSummary } from "./types";

export function CaseTable({ cases }: { cases: readonly CaseSummary[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { regionName } = useJurisdiction();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("cases.reference")}</Table.Th>
            <Table.Th>{t("cases.pathway")}</Table.Th>
            <Table.Th>{t("cases.status")}</Table.Th>
            <Table.Th>{t("cases.source")}</Table.Th>
            <Table.Th>{t("cases.identificationDate")}</Table.Th>
            <Table.Th>{t("cases.region")}</Table.Th>
            <Table.Th>{t("cases.identifyingAgency")}</Table.Th>
            <Table.Th>{t("cases.gender")}</Table.Th>
            <Table.Th>{t("cases.age")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cases.map((item) => (
            <Table.Tr
              key={item.reference}
              data-testid="case-row"
              style={{ cursor: "pointer" }}
              onClick={() => void navigate(`/cases/${encodeURIComponent(item.reference)}`)}
            >
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <Anchor
                  component={Link}
                  to={`/cases/${encodeURIComponent(item.reference)}`}
                  fw={600}
                  ff="monospace"
                  onClick={(event) => event.stopPropagation()}
                >
                  {item.reference}
                </Anchor>
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <PathwayBadge pathway={item.pathway} />
              </Table.Td>
              <Table.Td>{t(`vocabulary.caseStatus.${item.status}`)}</Table.Td>
              <Table.Td>{t(`vocabulary.source.${item.source}`)}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{item.identificationDate}</Table.Td>
              <Table.Td>{regionName(item.identificationRegion)}</Table.Td>
              <Table.Td>{item.identifyingAgency.name}</Table.Td>
              <Table.Td>{t(`vocabulary.gender.${item.gender}`)}</Table.Td>
              <Table.Td>{item.ageAtIdentification ?? t("common.unknown")}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** On a phone: one card per case, the reference and pathway first. */
export function CaseCards({ cases }: { cases: readonly CaseSummary[] }) {
  const { t } = useTranslation();
  const { regionName } = useJurisdiction();
  return (
    <Stack gap="sm">
      {cases.map((item) => (
        <Card
          key={item.reference}
          component={Link}
          to={`/cases/${encodeURIComponent(item.reference)}`}
          withBorder
          padding="sm"
          data-testid="case-row"
        >
          <Group justify="space-between" wrap="nowrap" mb={4}>
            <Text fw={700} ff="monospace" c="indigo.8">
              {item.reference}
            </Text>
            <PathwayBadge pathway={item.pathway} />
          </Group>
          <Text size="sm">
            {item.identificationDate} · {regionName(item.identificationRegion)}
          </Text>
          <Text size="sm" c="dimmed">
            {t(`vocabulary.source.${item.source}`)} · {item.identifyingAgency.name}
          </Text>
          <Group gap="xs" mt={6}>
            <Badge variant="outline" color="gray">
              {t(`vocabulary.caseStatus.${item.status}`)}
            </Badge>
            <Text size="sm">
              {t(`vocabulary.gender.${item.gender}`)},{" "}
              {t("cases.ageValue", { age: item.ageAtIdentification ?? t("common.unknown") })}
            </Text>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
