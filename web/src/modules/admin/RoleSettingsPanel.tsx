import { Switch, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { api } from "../../platform/api";
import { describeError } from "../../platform/errors";
import { ErrorNotice, Loading } from "../../platform/layout/Page";
import { useResource } from "../../platform/useResource";
import type { RoleSetting } from "./types";

export function RoleSettingsPanel() {
  const { t } = useTranslation();
  const settings = useResource<RoleSetting[]>("/api/admin/role-settings");
  if (settings.error) return <ErrorNotice error={settings.error} onRetry={settings.reload} />;
  if (!settings.data) return <Loading />;
  const rows = settings.data;

  async function change(setting: RoleSetting, requireTotp: boolean) {
    try {
      const saved = await api.put<RoleSetting>(`/api/admin/role-settings/${setting.role}`, { requireTotp });
      settings.replace(rows.map((row) => (row.role === saved.role ? saved : row)));
      notifications.show({ color: "green", message: t("common.saved") });
    } catch (error) {
      notifications.show({ color: "red", message: describeError(error) });
    }
  }

  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        {t("admin.roleSettingsExplanation")}
      </Text>
      <Table maw={560}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("admin.role")}</Table.Th>
            <Table.Th>{t("admin.requireTotp")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((setting) => (
            <Table.Tr key={setting.role}>
              <Table.Td>{t(`role.${setting.role}`)}</Table.Td>
              <Table.Td>
                <Switch
                  checked={setting.requireTotp}
                  onChange={(event) => void change(setting, event.currentTarget.checked)}
                  aria-label={t("admin.requireTotpFor", { role: t(`role.${setting.role}`) })}
                  data-testid={`require-totp-${setting.role}`}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
