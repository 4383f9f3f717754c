import { Badge, Button, Group, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { api } from "../../platform/api";
import { describeError } from "../../platform/errors";
import { useJurisdiction } from "../../platform/jurisdiction";
import { ErrorNotice, Loading } from "../../platform/layout/Page";
import type { Agency } from "../../platform/types";
import { useResource } from "../../platform/useResource";
import { AgencyForm } from "./AgencyForm";

export function AgenciesPanel() {
  const { t } = useTranslation();
  const { regionName } = useJurisdiction();
  const agencies = useResource<Agency[]>("/api/admin/agencies");
  const [creating, { open, close }] = useDisclosure(false);
  if (agencies.error) return <ErrorNotice error={agencies.error} onRetry={agencies.reload} />;
  if (!agencies.data) return <Loading />;
  const rows = agencies.data;

  async function setActive(agency: Agency, active: boolean) {
    try {
      const saved = await api.patch<Agency>(`/api/admin/agencies/${agency.id}`, { active });
      agencies.replace(rows.map((row) => (row.id === saved.id ? saved : row)));
      notifications.show({
        color: "green",
        message: active ? t("admin.agencyActivated") : t("admin.agencyDeactivated"),
      });
    } catch (error) {
      notifications.show({ color: "red", message: describeError(error) });
    }
  }

  return (
    <>
      <Group justify="flex-end" mb="sm">
        <Button leftSection={<IconPlus size={16} />} onClick={open} data-testid="agency-create">
          {t("admin.newAgency")}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={720}>
        <Table striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("admin.code")}</Table.Th>
              <Table.Th>{t("admin.name")}</Table.Th>
              <Table.Th>{t("admin.type")}</Table.Th>
              <Table.Th>{t("cases.region")}</Table.Th>
              <Table.Th>{t("admin.state")}</Table.Th>
              <Table.Th>{t("common.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((agency) => (
              <Table.Tr key={agency.id} data-testid="agency-row">
                <Table.Td ff="monospace">{agency.code}</Table.Td>
                <Table.Td>{agency.name}</Table.Td>
                <Table.Td>{t(`agencyType.${agency.type}`)}</Table.Td>
                <Table.Td>
                  {agency.region ? (
                    regionName(agency.region)
                  ) : (
                    <Text c="dimmed" size="sm">
                      {t("admin.national")}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={agency.active ? "green" : "gray"} variant="light">
                    {agency.active ? t("admin.active") : t("admin.inactive")}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Button size="xs" variant="default" onClick={() => void setActive(agency, !agency.active)}>
                    {agency.active ? t("admin.deactivate") : t("admin.activate")}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <AgencyForm
        opened={creating}
        onClose={close}
        onCreated={(agency) => {
          agencies.replace([...rows, agency]);
          close();
        }}
      />
    </>
  );
}
