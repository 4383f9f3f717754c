import { NavLink, Stack } from "@mantine/core";
import {
  IconChartBar,
  IconFileSearch,
  IconFolders,
  IconSettings,
  IconUserCircle,
  IconUserPlus,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { useMe } from "../auth";
import { type NavigationName, navigationFor } from "../navigation";

const icons: Record<NavigationName, ReactNode> = {
  cases: <IconFolders size={18} />,
  register: <IconUserPlus size={18} />,
  statistics: <IconChartBar size={18} />,
  audit: <IconFileSearch size={18} />,
  admin: <IconSettings size={18} />,
  profile: <IconUserCircle size={18} />,
};

function isActive(name: NavigationName, path: string, pathname: string): boolean {
  if (name === "cases")
    return pathname === "/cases" || (pathname.startsWith("/cases/") && pathname !== "/cases/new");
  return pathname === path || pathname.startsWith(`${path}/`);
}

export function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const user = useMe();
  const { pathname } = useLocation();
  return (
    <Stack gap={4} component="nav" aria-label={t("nav.main")}>
      {navigationFor(user.roles).map((item) => (
        <NavLink
          key={item.name}
          component={Link}
          to={item.path}
          label={t(`nav.${item.name}`)}
          leftSection={icons[item.name]}
          active={isActive(item.name, item.path, pathname)}
          data-testid={`nav-${item.name}`}
          onClick={onNavigate}
        />
      ))}
    </Stack>
  );
}
