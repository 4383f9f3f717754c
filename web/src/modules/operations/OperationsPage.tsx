import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OperationStatus } from "../../../../shared/operations";
import { genders, languageCodes } from "../../../../shared/vocabulary";
import { api } from "../../platform/api";
import { useMe } from "../../platform/auth";
import { describeError, type FieldProblems, fieldProblemsFrom, problemAt } from "../../platform/errors";
import { useJurisdiction } from "../../platform/jurisdiction";
import { useNames } from "../../platform/labels";
import { ErrorNotice, Loading, Page } from "../../platform/layout/Page";
import { useResource } from "../../platform/useResource";

interface Notice {
  id: string;
  plannedOn: string;
  region: string;
  expectedPeople: number;
  expectedMinors: number;
  languages: string[];
  status: OperationStatus;
  startedAt: string | null;
  finishedAt: string | null;
  own: boolean;
  details: { target: string; startTime: string } | null;
  free: { adults: number; children: number };
  shortage: { adultsShort: number; minorsShort: number } | null;
  registered: number;
  references: string[] | null;
}

const policeAgencies = ["police_anti_trafficking", "border_police"];

/**
 * Advance notice of police operations (seed 000). The filing police see and move their own
 * notices, target and time included, and register the people found; the shelter coordination group
 * sees the date, region and numbers, and whether places are short, never the target.
 */
export function OperationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const notices = useResource<Notice[]>("/api/operations");
  const mayFile =
    policeAgencies.includes(me.agency.type) &&
    (me.roles.includes("police_investigator") || me.roles.includes("supervisor"));
  if (notices.error) return <ErrorNotice error={notices.error} onRetry={notices.reload} />;
  if (!notices.data) return <Loading />;
  return (
    <Page title={t("operations.title")}>
      <Text size="sm" c="dimmed">
        {t("operations.intro")}
      </Text>
      {mayFile && <NoticeForm onFiled={notices.reload} />}
      <Stack gap="sm" data-testid="notice-list">
        {notices.data.length === 0 && <Text>{t("operations.none")}</Text>}
        {notices.data.map((notice) => (
          <NoticeRow key={notice.id} notice={notice} onChanged={notices.reload} />
        ))}
      </Stack>
    </Page>
  );
}

function NoticeRow({ notice, onChanged }: { notice: Notice; onChanged: () => void }) {
  const { t } = useTranslation();
  const { regionName } = useJurisdiction();
  const { spokenLanguage, dateTime } = useNames();
  const [failure, setFailure] = useState<unknown>(null);

  async function move(status: "started" | "finished") {
    setFailure(null);
    try {
      await api.post(`/api/operations/${notice.id}/status`, { status });
      onChanged();
    } catch (error) {
      setFailure(error);
    }
  }

  return (
    <Paper withBorder p="md" data-testid="notice-row" data-status={notice.status}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Title order={2} size="h4">
              {notice.plannedOn} · {regionName(notice.region)}
            </Title>
            <Badge variant="light">{t(`operations.status.${notice.status}`)}</Badge>
          </Group>
          {notice.shortage && (
            <Badge color="red" size="lg" data-testid="notice-shortage">
              {t("operations.shortage", notice.shortage)}
            </Badge>
          )}
        </Group>
        <Text>
          {t("operations.expected", { people: notice.expectedPeople, minors: notice.expectedMinors })}
          {notice.languages.length > 0 && ` · ${notice.languages.map(spokenLanguage).join(", ")}`}
        </Text>
        {notice.status !== "finished" && (
          <Text size="sm" c="dimmed">
            {t("operations.free", notice.free)}
          </Text>
        )}
        {notice.startedAt && (
          <Text size="sm">
            {t("operations.startedAt")}: {dateTime(notice.startedAt)}
          </Text>
        )}
        {notice.details && (
          <Alert color="yellow" title={t("common.confidential")} data-testid="notice-target">
            <Text style={{ whiteSpace: "pre-wrap" }}>{notice.details.target}</Text>
            <Text>
              {t("operations.startTime")}: {notice.details.startTime}
            </Text>
          </Alert>
        )}
        {notice.registered > 0 && (
          <Text size="sm">
            {t("operations.registered", { count: notice.registered })}
            {notice.references && `: ${notice.references.join(", ")}`}
          </Text>
        )}
        {failure !== null && (
          <Alert color="red" role="alert">
            {describeError(failure)}
          </Alert>
        )}
        {notice.own && notice.status === "planned" && (
          <Button w="fit-content" onClick={() => void move("started")} data-testid="notice-start">
            {t("operations.start")}
          </Button>
        )}
        {notice.own && notice.status === "started" && (
          <Button
            w="fit-content"
            variant="default"
            onClick={() => void move("finished")}
            data-testid="notice-finish"
          >
            {t("operations.finish")}
          </Button>
        )}
        {notice.own && notice.status !== "planned" && <BatchForm noticeId={notice.id} onDone={onChanged} />}
      </Stack>
    </Paper>
  );
}

function NoticeForm({ onFiled }: { onFiled: () => void }) {
  const { t } = useTranslation();
  const { jurisdiction } = useJurisdiction();
  const { spokenLanguage } = useNames();
  // Today until changed, also when the configuration arrives after the form.
  const [chosenDate, setPlannedOn] = useState("");
  const plannedOn = chosenDate || (jurisdiction?.today ?? "");
  const [region, setRegion] = useState("");
  const [people, setPeople] = useState<number | string>("");
  const [minors, setMinors] = useState<number | string>(0);
  const [languages, setLanguages] = useState<string[]>([]);
  const [target, setTarget] = useState("");
  const [startTime, setStartTime] = useState("");
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setProblems({});
    setBusy(true);
    try {
      await api.post("/api/operations", {
        plannedOn,
        region,
        expectedPeople: typeof people === "number" ? people : null,
        expectedMinors: typeof minors === "number" ? minors : null,
        languages,
        target,
        startTime,
      });
      notifications.show({ color: "green", message: t("operations.filed") });
      setTarget("");
      setStartTime("");
      onFiled();
    } catch (error) {
      setProblems(fieldProblemsFrom(error));
      setFailure(error);
    }
    setBusy(false);
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={(event) => void submit(event)} data-testid="notice-form" noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t("operations.file")}
          </Title>
          {failure !== null && (
            <Alert color="red" role="alert" data-testid="notice-error">
              {describeError(failure)}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={t("operations.plannedOn")}
              value={plannedOn}
              onChange={(event) => setPlannedOn(event.currentTarget.value)}
              error={problemAt(problems, "plannedOn")}
              data-testid="notice-date"
            />
            <NativeSelect
              label={t("operations.region")}
              data={[
                { value: "", label: t("common.choose") },
                ...(jurisdiction?.regions ?? []).map((r) => ({ value: r.code, label: r.name })),
              ]}
              value={region}
              onChange={(event) => setRegion(event.currentTarget.value)}
              error={problemAt(problems, "region")}
              data-testid="notice-region"
            />
            <NumberInput
              label={t("operations.expectedPeople")}
              min={1}
              value={people}
              onChange={setPeople}
              error={problemAt(problems, "expectedPeople")}
              data-testid="notice-people"
            />
            <NumberInput
              label={t("operations.expectedMinors")}
              min={0}
              value={minors}
              onChange={setMinors}
              error={problemAt(problems, "expectedMinors")}
              data-testid="notice-minors"
            />
            <MultiSelect
              label={t("operations.languages")}
              data={languageCodes.map((code) => ({ value: code, label: spokenLanguage(code) }))}
              value={languages}
              onChange={setLanguages}
              searchable
              error={problemAt(problems, "languages")}
              data-testid="notice-languages"
            />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {t("operations.secretHint")}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("operations.target")}
              value={target}
              onChange={(event) => setTarget(event.currentTarget.value)}
              error={problemAt(problems, "target")}
              autoComplete="off"
              data-testid="notice-target-input"
            />
            <TextInput
              type="time"
              label={t("operations.startTime")}
              value={startTime}
              onChange={(event) => setStartTime(event.currentTarget.value)}
              error={problemAt(problems, "startTime")}
              data-testid="notice-time"
            />
          </SimpleGrid>
          <Button type="submit" loading={busy} w="fit-content" data-testid="notice-submit">
            {t("operations.fileSubmit")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

interface Row {
  key: number;
  givenName: string;
  familyName: string;
  gender: string;
  birthDate: string;
  estimatedAge: number | string;
  citizenship: string;
  primaryLanguage: string;
}

let rowKey = 0;
const emptyRow = (): Row => ({
  key: ++rowKey,
  givenName: "",
  familyName: "",
  gender: "",
  birthDate: "",
  estimatedAge: "",
  citizenship: "",
  primaryLanguage: "",
});

/** The people found, one short row each: built to be filled in on a phone at the scene. */
function BatchForm({ noticeId, onDone }: { noticeId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { jurisdiction } = useJurisdiction();
  const { countryOptions, spokenLanguage } = useNames();
  const [chosenDate, setDate] = useState("");
  const date = chosenDate || (jurisdiction?.today ?? "");
  const [region, setRegion] = useState("");
  const [rows, setRows] = useState<Row[]>([emptyRow()]);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [references, setReferences] = useState<string[] | null>(null);
  const choose = { value: "", label: t("common.choose") };
  const notKnown = { value: "", label: t("common.notRecorded") };

  const change = (key: number, patch: Partial<Row>) =>
    setRows((all) => all.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setProblems({});
    setBusy(true);
    try {
      const answer = await api.post<{ references: string[] }>(`/api/operations/${noticeId}/registrations`, {
        identificationDate: date,
        identificationRegion: region,
        source: "police_raid",
        people: rows.map((row) => ({
          givenName: row.givenName,
          familyName: row.familyName.trim() || null,
          gender: row.gender,
          birthDate: row.birthDate || null,
          estimatedAge: typeof row.estimatedAge === "number" ? row.estimatedAge : null,
          citizenship: row.citizenship ? [row.citizenship] : [],
          primaryLanguage: row.primaryLanguage || null,
        })),
      });
      setReferences(answer.references);
      setRows([emptyRow()]);
      notifications.show({ color: "green", message: t("operations.batchDone") });
      onDone();
    } catch (error) {
      setProblems(fieldProblemsFrom(error));
      setFailure(error);
    }
    setBusy(false);
  }

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="batch-form" noValidate>
      <Stack gap="sm" mt="sm">
        <Title order={3} size="h5">
          {t("operations.batch")}
        </Title>
        {references && (
          <Alert color="green" data-testid="batch-result">
            {t("operations.batchRegistered", { count: references.length })}
            <Text ff="monospace">{references.join(", ")}</Text>
          </Alert>
        )}
        {failure !== null && (
          <Alert color="red" role="alert" data-testid="batch-error">
            {describeError(failure)}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t("operations.identificationDate")}
            value={date}
            max={jurisdiction?.today}
            onChange={(event) => setDate(event.currentTarget.value)}
            error={problemAt(problems, "identificationDate")}
            data-testid="batch-date"
          />
          <NativeSelect
            label={t("operations.region")}
            data={[choose, ...(jurisdiction?.regions ?? []).map((r) => ({ value: r.code, label: r.name }))]}
            value={region}
            onChange={(event) => setRegion(event.currentTarget.value)}
            error={problemAt(problems, "identificationRegion")}
            data-testid="batch-region"
          />
        </SimpleGrid>
        {rows.map((row, index) => {
          const at = (field: string) => problemAt(problems, `people.${index}.${field}`);
          return (
            <Paper key={row.key} withBorder p="sm" data-testid="batch-row">
              <Stack gap="xs">
                <Group justify="space-between">
                  <Text fw={600}>{t("operations.person", { number: index + 1 })}</Text>
                  {rows.length > 1 && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                      data-testid="batch-remove"
                    >
                      {t("operations.remove")}
                    </Button>
                  )}
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" verticalSpacing="xs">
                  <TextInput
                    label={t("operations.givenName")}
                    withAsterisk
                    autoComplete="off"
                    value={row.givenName}
                    onChange={(event) => change(row.key, { givenName: event.currentTarget.value })}
                    error={at("givenName")}
                    data-testid="batch-given-name"
                  />
                  <TextInput
                    label={t("operations.familyName")}
                    autoComplete="off"
                    value={row.familyName}
                    onChange={(event) => change(row.key, { familyName: event.currentTarget.value })}
                    error={at("familyName")}
                    data-testid="batch-family-name"
                  />
                  <NativeSelect
                    label={t("operations.gender")}
                    withAsterisk
                    data={[
                      choose,
                      ...genders.map((value) => ({ value, label: t(`vocabulary.gender.${value}`) })),
                    ]}
                    value={row.gender}
                    onChange={(event) => change(row.key, { gender: event.currentTarget.value })}
                    error={at("gender")}
                    data-testid="batch-gender"
                  />
                  <TextInput
                    type="date"
                    label={t("operations.birthDate")}
                    value={row.birthDate}
                    max={jurisdiction?.today}
                    onChange={(event) => change(row.key, { birthDate: event.currentTarget.value })}
                    error={at("birthDate")}
                    data-testid="batch-birth-date"
                  />
                  <NumberInput
                    label={t("operations.estimatedAge")}
                    min={0}
                    max={120}
                    value={row.estimatedAge}
                    onChange={(value) => change(row.key, { estimatedAge: value })}
                    error={at("estimatedAge")}
                    data-testid="batch-age"
                  />
                  <NativeSelect
                    label={t("operations.citizenship")}
                    data={[notKnown, ...countryOptions(jurisdiction?.countriesOfOrigin ?? [])]}
                    value={row.citizenship}
                    onChange={(event) => change(row.key, { citizenship: event.currentTarget.value })}
                    error={at("citizenship")}
                    data-testid="batch-citizenship"
                  />
                  <NativeSelect
                    label={t("operations.primaryLanguage")}
                    data={[
                      notKnown,
                      ...languageCodes.map((code) => ({ value: code, label: spokenLanguage(code) })),
                    ]}
                    value={row.primaryLanguage}
                    onChange={(event) => change(row.key, { primaryLanguage: event.currentTarget.value })}
                    error={at("primaryLanguage")}
                    data-testid="batch-language"
                  />
                </SimpleGrid>
              </Stack>
            </Paper>
          );
        })}
        <Group gap="sm" wrap="wrap">
          <Button
            variant="default"
            onClick={() => setRows((all) => [...all, emptyRow()])}
            data-testid="batch-add"
          >
            {t("operations.addPerson")}
          </Button>
          <Button type="submit" loading={busy} data-testid="batch-submit">
            {t("operations.batchSubmit", { count: rows.length })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
