import { Avatar, Menu, Text, UnstyledButton } from "@mantine/core";
import { IconLogout, IconUserCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAuth, useMe } from "../auth";

const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(-2)
    .map((part) => part.charAt(0).toUpperCase())
    .join("");

export function UserMenu() {
  const { t } = useTranslation();
  const user = useMe();
  const { signOut } = useAuth();
  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t("userMenu.open")} data-testid="user-menu">
          <Avatar color="indigo" radius="xl" size="md">
            {initialsOf(user.displayName)}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark">
            {user.displayName}
          </Text>
          <Text size="xs">{user.agency.name}</Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/profile" leftSection={<IconUserCircle size={16} />}>
          {t("nav.profile")}
        </Menu.Item>
        <Menu.Item
          data-testid="sign-out"
          leftSection={<IconLogout size={16} />}
          onClick={() => void signOut()}
        >
          {t("common.signOut")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
