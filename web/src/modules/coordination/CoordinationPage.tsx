import {
  Badge,
  Button,
  Checkbox,
  CloseButton,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type DecisionCode, decisionCodes } from "../../../../shared/coordination";
import { api } from "../../platform/api";
import { hasAnyRole, useMe } from "../../platform/auth";
import { problemAt } from "../../platform/errors";
import { useJurisdiction } from "../../platform/jurisdiction";
import { ErrorNotice, Loading, Page } from "../../platform/layout/Page";
import type { Agency } from "../../platform/types";
import { FormFailure } from "../../platform/FormFailure";
import { useResource } from "../../platform/useResource";
import { useSubmit } from "../../platform/useSubmit";

interface CoordinationGroup {
  id: string;
  name: string;
  region: string | null;
  members: { id: string; name: string }[];
}

interface AgendaItem {
  id: string;
  reference: string;
  onTeam: boolean;
  decision: { code: DecisionCode; text: string | null; at: string | null } | null;
}

interface Meeting {
  id: string;
  heldOn: string;
  minutes: string | null;
  agenda: AgendaItem[];
}

/**
 * The regional and national coordination groups the user's agency sits in, their meetings, the
 * cases on each agenda (by reference only) and the group's decisions (seed 000; issue 4).
 */
export function CoordinationPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { jurisdiction } = useJurisdiction();
  const groups = useResource<CoordinationGroup[]>("/api/coordination/groups");
  const [selected, setSelected] = useState<string | null>(null);
  const manages = hasAnyRole(me, ["coordinator", "system_admin"]);
  if (groups.error) return <ErrorNotice error={groups.error} onRetry={groups.reload} />;
  if (!groups.data) return <Loading />;
  const regionName = (code: string | null) =>
    code === null
      ? t("coordination.national")
      : (jurisdiction?.regions.find((region) => region.code === code)?.name ?? code);
  const current = groups.data.find((group) => group.id === selected) ?? null;

  return (
    <Page title={t("coordination.title")}>
      <Text size="sm" c="dimmed">
        {t("coordination.intro")}
      </Text>
      <Stack gap="xs">
        {groups.data.length === 0 && <Text>{t("coordination.noGroups")}</Text>}
        {groups.data.map((group) => (
          <Paper key={group.id} withBorder p="sm" data-testid="group-row">
            <Group justify="space-between" wrap="wrap">
              <Stack gap={2}>
                <Text fw={600}>{group.name}</Text>
                <Text size="sm">
                  {regionName(group.region)} · {group.members.map((member) => member.name).join(", ")}
                </Text>
              </Stack>
              <Button
                size="xs"
                variant={group.id === selected ? "filled" : "default"}
                onClick={() => setSelected(group.id)}
              >
                {t("coordination.open")}
              </Button>
            </Group>
          </Paper>
        ))}
      </Stack>
      {manages && <GroupForm onCreated={groups.reload} />}
      {current && (
        <GroupDetail key={current.id} group={current} manages={manages} onChanged={groups.reload} />
      )}
    </Page>
  );
}

function GroupForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const { jurisdiction } = useJurisdiction();
  const agencies = useResource<Agency[]>("/api/agencies");
  const [name, setName] = useState("");
  const [region, setRegion] = useState("");
  const [agencyIds, setAgencyIds] = useState<string[]>([]);
  const { problems, busy, run, failure } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const done = await run(() =>
      api.post("/api/coordination/groups", { name, region: region === "" ? null : region, agencyIds }),
    );
    if (done) {
      setName("");
      setAgencyIds([]);
      onCreated();
    }
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={(event) => void submit(event)} data-testid="group-form" noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t("coordination.newGroup")}
          </Title>
          <FormFailure failure={failure} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("coordination.name")}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={problemAt(problems, "name")}
              data-testid="group-name"
            />
            <NativeSelect
              label={t("coordination.region")}
              data={[
                { value: "", label: t("coordination.national") },
                ...(jurisdiction?.regions ?? []).map((r) => ({ value: r.code, label: r.name })),
              ]}
              value={region}
              onChange={(event) => setRegion(event.currentTarget.value)}
              error={problemAt(problems, "region")}
              data-testid="group-region"
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t("coordination.members")}
            value={agencyIds}
            onChange={setAgencyIds}
            error={problemAt(problems, "agencyIds")}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt={6}>
              {(agencies.data ?? [])
                .filter((agency) => agency.active)
                .map((agency) => (
                  <Checkbox key={agency.id} value={agency.id} label={agency.name} />
                ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Button type="submit" loading={busy} w="fit-content" data-testid="group-submit">
            {t("coordination.createGroup")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function GroupDetail({
  group,
  manages,
  onChanged,
}: {
  group: CoordinationGroup;
  manages: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const member = group.members.some((agency) => agency.id === me.agency.id);
  const meetings = useResource<Meeting[]>(member ? `/api/coordination/groups/${group.id}/meetings` : null);

  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {group.name}
      </Title>
      {manages && <GroupAdmin group={group} onChanged={onChanged} />}
      {manages && <MemberForm group={group} onAdded={onChanged} />}
      {member && meetings.error && <ErrorNotice error={meetings.error} onRetry={meetings.reload} />}
      {member && meetings.data && (
        <>
          {meetings.data.length === 0 && <Text>{t("coordination.noMeetings")}</Text>}
          {meetings.data.map((meeting) => (
            <MeetingCard key={meeting.id} meeting={meeting} onChanged={meetings.reload} />
          ))}
          <MeetingForm groupId={group.id} onCreated={meetings.reload} />
        </>
      )}
    </Stack>
  );
}

/** The coordinator renames the group and takes agencies out of it. */
function GroupAdmin({ group, onChanged }: { group: CoordinationGroup; onChanged: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(group.name);
  const rename = useSubmit();
  const remove = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await rename.run(() => api.patch(`/api/coordination/groups/${group.id}`, { name }))) onChanged();
  }

  return (
    <Stack gap="xs">
      <form onSubmit={(event) => void submit(event)} data-testid="rename-form" noValidate>
        <Stack gap="xs">
          <FormFailure failure={rename.failure} />
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t("coordination.groupName")}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={problemAt(rename.problems, "name")}
              data-testid="rename-name"
            />
            <Button type="submit" variant="default" loading={rename.busy} data-testid="rename-submit">
              {t("coordination.rename")}
            </Button>
          </Group>
        </Stack>
      </form>
      <FormFailure failure={remove.failure} />
      <Group gap="xs" wrap="wrap">
        {group.members.map((agency) => (
          <Badge
            key={agency.id}
            variant="light"
            data-testid="group-member"
            rightSection={
              <CloseButton
                size="xs"
                aria-label={t("coordination.removeMember", { name: agency.name })}
                onClick={() =>
                  void remove
                    .run(() => api.delete(`/api/coordination/groups/${group.id}/members/${agency.id}`))
                    .then((done) => done && onChanged())
                }
                data-testid="group-member-remove"
              />
            }
          >
            {agency.name}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}

function MemberForm({ group, onAdded }: { group: CoordinationGroup; onAdded: () => void }) {
  const { t } = useTranslation();
  const agencies = useResource<Agency[]>("/api/agencies");
  const [agencyId, setAgencyId] = useState("");
  const { problems, busy, run, failure } = useSubmit();
  const present = new Set(group.members.map((agency) => agency.id));
  const candidates = (agencies.data ?? []).filter((agency) => agency.active && !present.has(agency.id));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await run(() => api.post(`/api/coordination/groups/${group.id}/members`, { agencyId }))) {
      setAgencyId("");
      onAdded();
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="member-form" noValidate>
      <Stack gap="xs">
        <FormFailure failure={failure} />
        <Group align="flex-end" wrap="wrap">
          <NativeSelect
            label={t("coordination.addMember")}
            data={[
              { value: "", label: t("coordination.choose") },
              ...candidates.map((agency) => ({ value: agency.id, label: agency.name })),
            ]}
            value={agencyId}
            onChange={(event) => setAgencyId(event.currentTarget.value)}
            error={problemAt(problems, "agencyId")}
          />
          <Button type="submit" loading={busy} variant="default" data-testid="member-submit">
            {t("coordination.add")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function MeetingForm({ groupId, onCreated }: { groupId: string; onCreated: () => void }) {
  const { t } = useTranslation();
  const [heldOn, setHeldOn] = useState("");
  const { problems, busy, run, failure } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await run(() => api.post(`/api/coordination/groups/${groupId}/meetings`, { heldOn }))) {
      setHeldOn("");
      onCreated();
    }
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={(event) => void submit(event)} data-testid="meeting-form" noValidate>
        <Stack gap="xs">
          <FormFailure failure={failure} />
          <Group align="flex-end" wrap="wrap">
            <TextInput
              type="date"
              label={t("coordination.heldOn")}
              value={heldOn}
              onChange={(event) => setHeldOn(event.currentTarget.value)}
              error={problemAt(problems, "heldOn")}
              data-testid="meeting-date"
            />
            <Button type="submit" loading={busy} data-testid="meeting-submit">
              {t("coordination.newMeeting")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function MeetingCard({ meeting, onChanged }: { meeting: Meeting; onChanged: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid="meeting-row">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t("coordination.meetingOn", { date: meeting.heldOn })}
        </Title>
        <Text fw={600}>{t("coordination.agenda")}</Text>
        {meeting.agenda.length === 0 && <Text size="sm">{t("coordination.emptyAgenda")}</Text>}
        {meeting.agenda.map((item) => (
          <Paper key={item.id} withBorder p="xs" data-testid="agenda-item">
            <Stack gap={4}>
              <Group gap="xs" wrap="wrap">
                <Text fw={600}>{item.reference}</Text>
                {item.decision && <Badge>{t(`coordination.decision.${item.decision.code}`)}</Badge>}
              </Group>
              {item.decision?.text && <Text size="sm">{item.decision.text}</Text>}
              {item.decision && !item.decision.text && (
                <Text size="sm" c="dimmed">
                  {t("coordination.textForTeam")}
                </Text>
              )}
              <DecisionForm meetingId={meeting.id} itemId={item.id} onDecided={onChanged} />
            </Stack>
          </Paper>
        ))}
        <AgendaForm meetingId={meeting.id} onAdded={onChanged} />
        <MinutesForm meeting={meeting} onSaved={onChanged} />
      </Stack>
    </Paper>
  );
}

function AgendaForm({ meetingId, onAdded }: { meetingId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [reference, setReference] = useState("");
  const { problems, busy, run, failure } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await run(() => api.post(`/api/coordination/meetings/${meetingId}/agenda`, { reference }))) {
      setReference("");
      onAdded();
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="agenda-form" noValidate>
      <Stack gap="xs">
        <FormFailure failure={failure} />
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t("coordination.reference")}
            description={t("coordination.referenceHelp")}
            value={reference}
            onChange={(event) => setReference(event.currentTarget.value)}
            error={problemAt(problems, "reference")}
            data-testid="agenda-reference"
          />
          <Button type="submit" loading={busy} variant="default" data-testid="agenda-submit">
            {t("coordination.addToAgenda")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DecisionForm({
  meetingId,
  itemId,
  onDecided,
}: {
  meetingId: string;
  itemId: string;
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState<DecisionCode>("monitor");
  const [text, setText] = useState("");
  const { problems, busy, run, failure } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const path = `/api/coordination/meetings/${meetingId}/agenda/${itemId}/decision`;
    if (await run(() => api.post(path, { code, text }))) {
      setText("");
      onDecided();
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="decision-form" noValidate>
      <Stack gap="xs">
        <FormFailure failure={failure} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t("coordination.decisionCode")}
            data={decisionCodes.map((value) => ({ value, label: t(`coordination.decision.${value}`) }))}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value as DecisionCode)}
            error={problemAt(problems, "code")}
            data-testid="decision-code"
          />
          <Textarea
            label={t("coordination.decisionText")}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={problemAt(problems, "text")}
            autosize
            minRows={2}
            data-testid="decision-text"
          />
        </SimpleGrid>
        <Button type="submit" loading={busy} size="xs" w="fit-content" data-testid="decision-submit">
          {t("coordination.recordDecision")}
        </Button>
      </Stack>
    </form>
  );
}

function MinutesForm({ meeting, onSaved }: { meeting: Meeting; onSaved: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(meeting.minutes ?? "");
  const { problems, busy, run, failure } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await run(() => api.put(`/api/coordination/meetings/${meeting.id}/minutes`, { text }))) onSaved();
  }

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="minutes-form" noValidate>
      <Stack gap="xs">
        <FormFailure failure={failure} />
        <Textarea
          label={t("coordination.minutes")}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={problemAt(problems, "text")}
          autosize
          minRows={3}
          data-testid="minutes-text"
        />
        <Button type="submit" loading={busy} size="xs" w="fit-content" data-testid="minutes-submit">
          {t("coordination.saveMinutes")}
        </Button>
      </Stack>
    </form>
  );
}
