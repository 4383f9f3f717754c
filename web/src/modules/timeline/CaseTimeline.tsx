import { Badge, Button, Group, NativeSelect, Stack, Text, Timeline } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type TimelineKind, timelineKinds } from "../../../../shared/timeline";
import { api, type ApiError } from "../../platform/api";
import { ErrorNotice, Loading } from "../../platform/layout/Page";
import { useNames } from "../../platform/labels";
import { useResource } from "../../platform/useResource";
import { isAuditAction } from "../audit/types";
import { Section } from "../cases/Facts";
import type { CaseDetail } from "../cases/types";

interface TimelineItem {
  seq: number;
  at: string;
  kind: TimelineKind;
  action: string;
  agency: string | null;
  user: string | null;
  detail: Record<string, string | number | boolean | string[]>;
}
interface TimelinePage {
  items: TimelineItem[];
  next: number | null;
}

const isKind = (value: string): value is TimelineKind => (timelineKinds as readonly string[]).includes(value);

/** Every event of the case, newest first, filterable by kind; reads are on the audit page, not here. */
export function CaseTimeline({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const [kind, setKind] = useState<TimelineKind | "">("");
  const path = `/api/cases/${encodeURIComponent(detail.reference)}/timeline`;
  const first = useResource<TimelinePage>(kind ? `${path}?kind=${kind}` : path);
  const [older, setOlder] = useState<{ for: string; items: TimelineItem[]; next: number | null } | null>(
    null,
  );
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<ApiError | null>(null);

  const key = `${detail.reference}:${kind}`;
  const extra = older?.for === key ? older : null;
  const items = [...(first.data?.items ?? []), ...(extra?.items ?? [])];
  const next = extra ? extra.next : (first.data?.next ?? null);

  async function loadOlder() {
    if (next === null) return;
    setLoadingOlder(true);
    setOlderError(null);
    try {
      const page = await api.get<TimelinePage>(path, { query: { kind: kind || undefined, before: next } });
      setOlder({ for: key, items: [...(extra?.items ?? []), ...page.items], next: page.next });
    } catch (error) {
      setOlderError(error as ApiError);
    }
    setLoadingOlder(false);
  }

  const actionLabel = (action: string) => (isAuditAction(action) ? t(`auditAction.${action}`) : action);
  const who = (item: TimelineItem) => [item.user, item.agency].filter((part) => part !== null).join(", ");
  const detailText = (item: TimelineItem) =>
    Object.entries(item.detail)
      .map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(", ") : String(value)}`)
      .join(" · ");

  return (
    <Section
      title={t("timeline.title")}
      testId="case-timeline"
      extra={
        <Text size="sm" c="dimmed">
          {t("timeline.intro")}
        </Text>
      }
    >
      <NativeSelect
        label={t("timeline.filter")}
        w={{ base: "100%", sm: 280 }}
        data={[
          { value: "", label: t("timeline.allKinds") },
          ...timelineKinds.map((value) => ({ value, label: t(`timeline.kind.${value}`) })),
        ]}
        value={kind}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setKind(isKind(value) ? value : "");
        }}
        data-testid="timeline-filter"
      />
      {first.error && <ErrorNotice error={first.error} onRetry={first.reload} />}
      {!first.data && !first.error && <Loading />}
      {first.data && items.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="timeline-empty">
          {t("timeline.empty")}
        </Text>
      )}
      {items.length > 0 && (
        <Timeline bulletSize={14} lineWidth={2} active={-1}>
          {items.map((item) => (
            <Timeline.Item
              key={item.seq}
              data-testid="timeline-item"
              data-kind={item.kind}
              data-action={item.action}
              title={
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {actionLabel(item.action)}
                  </Text>
                  <Badge size="xs" variant="light">
                    {t(`timeline.kind.${item.kind}`)}
                  </Badge>
                </Group>
              }
            >
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {dateTime(item.at)}
                  {who(item) ? ` · ${who(item)}` : ""}
                </Text>
                {Object.keys(item.detail).length > 0 && (
                  <Text size="xs" c="dimmed" style={{ wordBreak: "break-word" }}>
                    {detailText(item)}
                  </Text>
                )}
              </Stack>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {olderError && <ErrorNotice error={olderError} onRetry={() => void loadOlder()} />}
      {next !== null && (
        <Button
          variant="light"
          w="fit-content"
          loading={loadingOlder}
          onClick={() => void loadOlder()}
          data-testid="timeline-older"
        >
          {t("timeline.older")}
        </Button>
      )}
    </Section>
  );
}
