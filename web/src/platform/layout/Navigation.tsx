import { Badge, NavLink, Stack } from "@mantine/core";
import {
  IconChartBar,
  IconFileSearch,
  IconFolders,
  IconHome,
  IconChecklist,
  IconClockX,
  IconCopy,
  IconGavel,
  IconPhoneCall,
  IconBuildingWarehouse,
  IconLayoutDashboard,
  IconInbox,
  IconLanguage,
  IconLockOpen,
  IconSettings,
  IconSpeakerphone,
  IconUserCircle,
  IconUsersGroup,
  IconUserPlus,
} from "@tabler/icons-react";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { caseRoles } from "../../../../shared/roles";
import { hasAnyRole, useMe } from "../auth";
import { mayOpen, type NavigationName, navigationFor } from "../navigation";
import { useResource } from "../useResource";

const icons: Record<NavigationName, ReactNode> = {
  cases: <IconFolders size={18} />,
  work: <IconChecklist size={18} />,
  dashboard: <IconLayoutDashboard size={18} />,
  inbox: <IconInbox size={18} />,
  register: <IconUserPlus size={18} />,
  shelters: <IconHome size={18} />,
  operations: <IconSpeakerphone size={18} />,
  interpreters: <IconLanguage size={18} />,
  coordination: <IconUsersGroup size={18} />,
  statistics: <IconChartBar size={18} />,
  justice: <IconGavel size={18} />,
  intelligence: <IconBuildingWarehouse size={18} />,
  duplicates: <IconCopy size={18} />,
  hotline: <IconPhoneCall size={18} />,
  audit: <IconFileSearch size={18} />,
  breakglass: <IconLockOpen size={18} />,
  retention: <IconClockX size={18} />,
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
  // The pending count is fetched again on every page change: answering a referral lowers it.
  const inbox = useResource<{ pending: number }>(mayOpen.inbox(user.roles) ? "/api/referrals/inbox" : null);
  const { reload } = inbox;
  useEffect(reload, [pathname, reload]);
  // Open tasks and new alerts likewise: marking a task done or taking on an alert lowers the count.
  const work = useResource<{ open: number }>(hasAnyRole(user, caseRoles) ? "/api/tasks/mine" : null);
  const reloadWork = work.reload;
  useEffect(reloadWork, [pathname, reloadWork]);
  const alerts = useResource<{ unacknowledged: number }>(
    mayOpen.work(user.roles) ? "/api/alerts/mine" : null,
  );
  const reloadAlerts = alerts.reload;
  useEffect(reloadAlerts, [pathname, reloadAlerts]);
  const newAlerts = alerts.data?.unacknowledged ?? 0;
  const counts: Partial<Record<NavigationName, { count: number; testId: string; alarm?: boolean }>> = {
    inbox: { count: inbox.data?.pending ?? 0, testId: "inbox-badge" },
    work: { count: (work.data?.open ?? 0) + newAlerts, testId: "work-badge", alarm: newAlerts > 0 },
  };
  return (
    <Stack gap={4} component="nav" aria-label={t("nav.main")}>
      {navigationFor(user).map((item) => (
        <NavLink
          key={item.name}
          component={Link}
          to={item.path}
          label={t(`nav.${item.name}`)}
          leftSection={icons[item.name]}
          active={isActive(item.name, item.path, pathname)}
          data-testid={`nav-${item.name}`}
          rightSection={<CountBadge badge={counts[item.name]} />}
          onClick={onNavigate}
        />
      ))}
    </Stack>
  );
}

function CountBadge({ badge }: { badge: { count: number; testId: string; alarm?: boolean } | undefined }) {
  if (!badge || badge.count === 0) return null;
  return (
    <Badge size="sm" circle color={badge.alarm ? "red" : undefined} data-testid={badge.testId}>
      {badge.count}
    </Badge>
  );
}
