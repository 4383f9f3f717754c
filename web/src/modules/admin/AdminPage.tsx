import { Tabs } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useMe } from "../../platform/auth";
import { Page } from "../../platform/layout/Page";
import { AgenciesPanel } from "./AgenciesPanel";
import { RoleSettingsPanel } from "./RoleSettingsPanel";
import { UsersPanel } from "./UsersPanel";

/** A system administrator manages everything; an agency administrator only their agency's users. */
export function AdminPage() {
  const { t } = useTranslation();
  const user = useMe();
  const isSystemAdmin = user.roles.includes("system_admin");
  if (!isSystemAdmin) {
    return (
      <Page title={t("admin.usersOfAgency", { agency: user.agency.name })}>
        <UsersPanel />
      </Page>
    );
  }
  return (
    <Page title={t("admin.title")}>
      <Tabs defaultValue="users" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="users" data-testid="admin-tab-users">
            {t("admin.users")}
          </Tabs.Tab>
          <Tabs.Tab value="agencies" data-testid="admin-tab-agencies">
            {t("admin.agencies")}
          </Tabs.Tab>
          <Tabs.Tab value="roles" data-testid="admin-tab-roles">
            {t("admin.roleSettings")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users" pt="md">
          <UsersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="agencies" pt="md">
          <AgenciesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="roles" pt="md">
          <RoleSettingsPanel />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}
