import { Alert, Badge, Button, Group, Loader, NativeSelect, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { notificationMethods } from "../../../../shared/children";
import { describeError } from "../../platform/errors";
import { useNames } from "../../platform/labels";
import { useResource } from "../../platform/useResource";
import { Section } from "../cases/Facts";
import type { CaseDetail } from "../cases/types";
import {
  BestInterestsForm,
  CaseWorkerForm,
  GuardianForm,
  LocationForm,
  ParentForm,
  ViewsForm,
} from "./ChildForms";
import type { ChildRecords } from "./types";
import { useChildWrite } from "./useChildWrite";

type Parent = ChildRecords["parents"][number];

/**
 * The child's tab (DOMAIN.md "Children"): case worker, legal guardian, best-interests determination,
 * the child's views, parents (a suspected trafficker is never notified), and where the child is.
 */
export function CaseChild({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const resource = useResource<ChildRecords>(`/api/cases/${encodeURIComponent(detail.reference)}/child`);
  const records = resource.data;
  if (resource.error) return <Alert color="red">{describeError(resource.error)}</Alert>;
  if (!records) return <Loader size="sm" aria-label={t("common.loading")} />;
  const props = { reference: detail.reference, onSaved: resource.replace };
  const { permissions } = records;
  return (
    <Stack gap="md" data-testid="case-child">
      <LocationSection records={records} />
      {permissions.canRecordLocation && <LocationForm {...props} />}
      <CaseWorkerSection records={records} />
      {permissions.canManage && <CaseWorkerForm {...props} current={records.caseWorker?.user.id ?? null} />}
      <GuardianSection records={records} />
      {permissions.canManage && (
        <GuardianForm {...props} replacing={records.guardians.some((g) => g.active)} />
      )}
      <ViewsSection records={records} />
      {permissions.canManage && <ViewsForm {...props} />}
      <BestInterestsSection records={records} />
      {permissions.canManage && <BestInterestsForm {...props} />}
      <Section title={t("children.parents.title")} testId="child-parents">
        <Text size="xs" c="dimmed">
          {t("children.parents.rule")}
        </Text>
        {records.parents.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("children.parents.none")}
          </Text>
        )}
        {records.parents.map((parent) => (
          <ParentRow key={parent.id} parent={parent} records={records} {...props} />
        ))}
        {permissions.canManage && <ParentForm {...props} />}
      </Section>
    </Stack>
  );
}

function Who({ name, agency, at }: { name: string; agency: string; at: string }) {
  return (
    <Text size="xs" c="dimmed">
      {name}, {agency} · {at}
    </Text>
  );
}

function LocationSection({ records }: { records: ChildRecords }) {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const { current, overLimit, policeStationSince } = records.location;
  return (
    <Section title={t("children.location.title")}>
      {current ? (
        <Stack gap={4} data-testid="location-current" data-type={current.type}>
          <Group gap="xs">
            <Text fw={600}>{t(`children.locationType.${current.type}`)}</Text>
            {current.type === "police_station" && (
              <Badge color={overLimit ? "red" : "orange"} data-testid="location-police-warning">
                {overLimit ? t("children.location.overLimit") : t("children.location.atPolice")}
              </Badge>
            )}
          </Group>
          <Text size="sm">
            {t("children.location.sinceValue", { time: dateTime(policeStationSince ?? current.since) })}
          </Text>
          {current.type === "police_station" && (
            <Alert color={overLimit ? "red" : "orange"} data-testid="location-police-alert">
              {t("children.location.policeRule", { hours: records.deadlines.policeStationMaxHours })}
            </Alert>
          )}
          <Who name={current.recordedBy.name} agency={current.agency.name} at={dateTime(current.since)} />
        </Stack>
      ) : (
        <Text size="sm" c="dimmed" data-testid="location-current" data-type="">
          {t("children.location.none")}
        </Text>
      )}
    </Section>
  );
}

function CaseWorkerSection({ records }: { records: ChildRecords }) {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const worker = records.caseWorker;
  return (
    <Section title={t("children.caseWorker.title")} testId="child-case-worker">
      {worker ? (
        <Stack gap={2} data-testid="child-case-worker-current">
          <Text fw={600}>
            {worker.user.name}, {worker.agency.name}
          </Text>
          <Who name={worker.assignedBy.name} agency={worker.agency.name} at={dateTime(worker.assignedAt)} />
        </Stack>
      ) : (
        <Text size="sm" c="orange" data-testid="child-case-worker-none">
          {t("children.caseWorker.none")}
        </Text>
      )}
    </Section>
  );
}

function GuardianSection({ records }: { records: ChildRecords }) {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const active = records.guardians.find((g) => g.active);
  const earlier = records.guardians.filter((g) => !g.active);
  const hidden = t("common.confidential");
  return (
    <Section title={t("children.guardian.title")} testId="child-guardian">
      {active ? (
        <Stack gap={2} data-testid="guardian-current">
          <Text fw={600}>{active.name ?? hidden}</Text>
          {active.contact && <Text size="sm">{active.contact}</Text>}
          <Text size="sm">
            {t(`children.appointingBody.${active.appointingBody}`)}
            {active.decisionReference ? ` · ${active.decisionReference}` : ""} ·{" "}
            {t("children.guardian.appointedOnValue", { date: active.appointedOn })}
          </Text>
          <Who name={active.recordedBy.name} agency={active.agency.name} at={dateTime(active.recordedAt)} />
        </Stack>
      ) : (
        <Alert color="orange" data-testid="guardian-none">
          {t("children.guardian.none", {
            hours: records.deadlines.guardianDeadlineHours,
            time: dateTime(records.deadlines.guardianDueAt),
          })}
        </Alert>
      )}
      {earlier.length > 0 && (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t("children.guardian.earlier")}
          </Text>
          {earlier.map((g) => (
            <Text key={g.id} size="sm" c="dimmed" data-testid="guardian-earlier">
              {g.name ?? hidden} ·{" "}
              {t("children.guardian.replacedAt", { time: dateTime(g.replacedAt ?? g.recordedAt) })}
            </Text>
          ))}
        </Stack>
      )}
    </Section>
  );
}

function ViewsSection({ records }: { records: ChildRecords }) {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const how = (v: ChildRecords["views"][number]) =>
    [
      v.inPerson ? t("children.views.inPerson") : null,
      v.withInterpreter ? t("children.views.withInterpreter") : null,
      v.guardianPresent ? t("children.guardianPresent") : null,
    ]
      .filter((part) => part !== null)
      .join(" · ");
  return (
    <Section title={t("children.views.title")} testId="child-views">
      {records.views.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("children.views.none")}
        </Text>
      )}
      {records.views.map((v) => (
        <Paper key={v.id} withBorder p="xs" data-testid="views-record">
          <Text size="sm" fw={600}>
            {v.heardOn} {how(v) && `· ${how(v)}`}
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {v.summary ?? t("children.notShared")}
          </Text>
          <Who name={v.heardBy.name} agency={v.agency.name} at={dateTime(v.recordedAt)} />
        </Paper>
      ))}
    </Section>
  );
}

function BestInterestsSection({ records }: { records: ChildRecords }) {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const yesNo = (value: boolean) => (value ? t("children.yes") : t("children.no"));
  return (
    <Section
      title={t("children.bid.title")}
      testId="child-bid"
      extra={
        <Text size="xs" c="dimmed">
          {t("children.bid.rule")}
        </Text>
      }
    >
      {records.bestInterests.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("children.bid.none")}
        </Text>
      )}
      {records.bestInterests.map((d) => (
        <Paper key={d.id} withBorder p="xs" data-testid="bid-record">
          <Text size="sm" fw={600}>
            {d.determinedOn} · {t(`children.outcome.${d.outcome}`)}
          </Text>
          <Text size="xs">
            {t("children.guardianPresent")}: {yesNo(d.guardianPresent)} · {t("children.bid.childHeard")}:{" "}
            {yesNo(d.childHeard)}
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {d.reasoning ?? t("children.notShared")}
          </Text>
          <Who name={d.determinedBy.name} agency={d.agency.name} at={dateTime(d.recordedAt)} />
        </Paper>
      ))}
    </Section>
  );
}

function ParentRow({
  parent,
  records,
  reference,
  onSaved,
}: {
  parent: Parent;
  records: ChildRecords;
  reference: string;
  onSaved: (records: ChildRecords) => void;
}) {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const write = useChildWrite(reference, onSaved);
  const [method, setMethod] = useState("");
  const { permissions } = records;
  const suspected = parent.suspectedTrafficker;
  return (
    <Paper withBorder p="xs" data-testid="parent-row" data-suspected={String(suspected)}>
      <Stack gap={4}>
        <Group gap="xs">
          <Text fw={600}>{parent.name ?? t("common.confidential")}</Text>
          <Text size="sm" c="dimmed">
            {t(`children.relationship.${parent.relationship}`)}
          </Text>
          {suspected && (
            <Badge color="red" data-testid="parent-suspected-badge">
              {t("children.parents.suspectedBadge")}
            </Badge>
          )}
        </Group>
        {parent.contact && <Text size="sm">{parent.contact}</Text>}
        {parent.notifications.map((n) => (
          <Text key={n.id} size="xs" data-testid="parent-notification">
            {t("children.parents.notifiedValue", {
              method: t(`children.method.${n.method}`),
              time: dateTime(n.notifiedAt),
              who: `${n.notifiedBy.name}, ${n.agency.name}`,
            })}
          </Text>
        ))}
        {write.failure !== null && (
          <Alert color="red" role="alert" data-testid="parent-error">
            {describeError(write.failure)}
          </Alert>
        )}
        {suspected ? (
          <Text size="sm" c="red" data-testid="parent-never-notify">
            {t("children.parents.neverNotify")}
          </Text>
        ) : (
          permissions.canManage && (
            <Group align="flex-end" wrap="wrap">
              <NativeSelect
                label={t("children.parents.method")}
                data={[
                  { value: "", label: t("common.choose") },
                  ...notificationMethods.map((m) => ({ value: m, label: t(`children.method.${m}`) })),
                ]}
                value={method}
                onChange={(event) => setMethod(event.currentTarget.value)}
                data-testid="parent-notify-method"
              />
              <Button
                variant="light"
                loading={write.busy}
                disabled={method === ""}
                onClick={() => void write.submit(`/parents/${parent.id}/notifications`, { method })}
                data-testid="parent-notify"
              >
                {t("children.parents.notify")}
              </Button>
            </Group>
          )
        )}
        <Group gap="xs">
          {!suspected && permissions.canFlagParent && (
            <Button
              size="xs"
              color="red"
              variant="subtle"
              loading={write.busy}
              onClick={() => void write.submit(`/parents/${parent.id}/flag`, { suspectedTrafficker: true })}
              data-testid="parent-flag"
            >
              {t("children.parents.flag")}
            </Button>
          )}
          {suspected && permissions.canUnflagParent && (
            <Button
              size="xs"
              variant="subtle"
              loading={write.busy}
              onClick={() => void write.submit(`/parents/${parent.id}/flag`, { suspectedTrafficker: false })}
              data-testid="parent-unflag"
            >
              {t("children.parents.unflag")}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
