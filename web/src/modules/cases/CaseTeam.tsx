import { Badge, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNames } from "../../platform/labels";
import { AddAgencyForm } from "./AddAgencyForm";
import { Section } from "./Facts";
import type { CaseDetail } from "./types";

export function CaseTeam({
  detail,
  onChanged,
}: {
  detail: CaseDetail;
  onChanged: (detail: CaseDetail) => void;
}) {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  return (
    <Section title={t("casePage.team")} testId="case-team">
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("casePage.agency")}</Table.Th>
              <Table.Th>{t("casePage.scopes")}</Table.Th>
              <Table.Th>{t("casePage.addedAt")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.team.map((member) => (
              <Table.Tr key={member.agency.id} data-testid="team-member">
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm" fw={500}>
                      {member.agency.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`agencyType.${member.agency.type}`)}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {member.scopes.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t("casePage.scopeBasic")}
                      </Text>
                    ) : (
                      member.scopes.map((scope) => (
                        <Badge
                          key={scope}
                          variant="light"
                          color={scope === "identity" ? "red" : "gray"}
                          size="sm"
                        >
                          {t(`casePage.scope.${scope}`)}
                        </Badge>
                      ))
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{dateTime(member.addedAt)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {detail.permissions.canAddAgency && <AddAgencyForm detail={detail} onAdded={onChanged} />}
    </Section>
  );
}
