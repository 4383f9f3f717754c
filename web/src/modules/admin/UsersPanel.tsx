import { ActionIcon, Badge, Button, Group, Menu, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDots, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../platform/api";
import { describeError } from "../../platform/errors";
import { ConfirmModal } from "../../platform/layout/ConfirmModal";
import { ErrorNotice, Loading } from "../../platform/layout/Page";
import { useResource } from "../../platform/useResource";
import { PasswordResetModal } from "./PasswordResetModal";
import type { AdminUser } from "./types";
import { UserForm } from "./UserForm";

type Dialog = { kind: "create" } | { kind: "edit" | "password" | "totp"; user: AdminUser } | null;

export function UsersPanel() {
  const { t } = useTranslation();
  const users = useResource<AdminUser[]>("/api/admin/users");
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  if (users.error) return <ErrorNotice error={users.error} onRetry={users.reload} />;
  if (!users.data) return <Loading />;
  const rows = users.data;

  const saved = (user: AdminUser) => {
    users.replace(
      rows.some((row) => row.id === user.id)
        ? rows.map((row) => (row.id === user.id ? user : row))
        : [...rows, user],
    );
    setDialog(null);
    notifications.show({ color: "green", message: t("common.saved") });
  };

  async function setActive(user: AdminUser, active: boolean) {
    try {
      saved(await api.patch<AdminUser>(`/api/admin/users/${user.id}`, { active }));
    } catch (error) {
      notifications.show({ color: "red", message: describeError(error) });
    }
  }

  async function resetTotp(user: AdminUser) {
    setBusy(true);
    try {
      await api.post<void>(`/api/admin/users/${user.id}/totp-reset`);
      users.replace(rows.map((row) => (row.id === user.id ? { ...row, totpEnabled: false } : row)));
      setDialog(null);
      notifications.show({ color: "green", message: t("admin.totpResetDone") });
    } catch (error) {
      notifications.show({ color: "red", message: describeError(error) });
    }
    setBusy(false);
  }

  return (
    <>
      <Group justify="flex-end" mb="sm">
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setDialog({ kind: "create" })}
          data-testid="user-create"
        >
          {t("admin.newUser")}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={820}>
        <Table striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("auth.username")}</Table.Th>
              <Table.Th>{t("admin.displayName")}</Table.Th>
              <Table.Th>{t("casePage.agency")}</Table.Th>
              <Table.Th>{t("admin.roles")}</Table.Th>
              <Table.Th>{t("admin.state")}</Table.Th>
              <Table.Th>{t("common.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((user) => (
              <Table.Tr key={user.id} data-testid="user-row">
                <Table.Td ff="monospace">{user.username}</Table.Td>
                <Table.Td>{user.displayName}</Table.Td>
                <Table.Td>{user.agency.name}</Table.Td>
                <Table.Td>
                  <Text size="sm">{user.roles.map((role) => t(`role.${role}`)).join(", ")}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge color={user.active ? "green" : "gray"} variant="light">
                      {user.active ? t("admin.active") : t("admin.inactive")}
                    </Badge>
                    {user.locked && (
                      <Badge color="red" variant="light">
                        {t("admin.locked")}
                      </Badge>
                    )}
                    {user.totpEnabled && (
                      <Badge color="indigo" variant="light">
                        {t("admin.totpOn")}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon
                        variant="default"
                        aria-label={t("admin.actionsFor", { username: user.username })}
                        data-testid="user-actions"
                      >
                        <IconDots size={16} />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => setDialog({ kind: "edit", user })}>
                        {t("admin.editUserShort")}
                      </Menu.Item>
                      <Menu.Item onClick={() => setDialog({ kind: "password", user })}>
                        {t("admin.resetPassword")}
                      </Menu.Item>
                      <Menu.Item
                        disabled={!user.totpEnabled}
                        onClick={() => setDialog({ kind: "totp", user })}
                      >
                        {t("admin.resetTotp")}
                      </Menu.Item>
                      <Menu.Item
                        color={user.active ? "red" : undefined}
                        onClick={() => void setActive(user, !user.active)}
                      >
                        {user.active ? t("admin.deactivate") : t("admin.activate")}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <UserForm
        opened={dialog?.kind === "create" || dialog?.kind === "edit"}
        existing={dialog?.kind === "edit" ? dialog.user : null}
        onClose={() => setDialog(null)}
        onSaved={saved}
      />
      <PasswordResetModal
        user={dialog?.kind === "password" ? dialog.user : null}
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          notifications.show({ color: "green", message: t("admin.passwordResetDone") });
        }}
      />
      <ConfirmModal
        opened={dialog?.kind === "totp"}
        title={t("admin.resetTotp")}
        message={t("admin.resetTotpExplanation", {
          username: dialog?.kind === "totp" ? dialog.user.username : "",
        })}
        confirmLabel={t("admin.resetTotp")}
        busy={busy}
        onConfirm={() => {
          if (dialog?.kind === "totp") void resetTotp(dialog.user);
        }}
        onClose={() => setDialog(null)}
      />
    </>
  );
}
