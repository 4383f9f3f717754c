import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
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
import { notifications } from "@mantine/notifications";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  interviewNeeds,
  journeyEventTypes,
  type JourneyEventType,
  recruitmentMethods,
  riskLevels,
  statementWillingnesses,
} from "../../../../shared/interview";
import { controlMethods, exploitationTypes, languageCodes } from "../../../../shared/vocabulary";
import { api } from "../../platform/api";
import { describeError, type FieldProblems, fieldProblemsFrom, problemAt } from "../../platform/errors";
import { useNames } from "../../platform/labels";
import type { FirstInterview, InterviewView } from "./types";

interface EventRow {
  key: number;
  type: JourneyEventType;
  date: string;
  dateApproximate: boolean;
  country: string;
  place: string;
  note: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
/** An instant as the browser's date-time picker shows it, in the user's local time. */
function localInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
function instantOf(local: string): string {
  const date = new Date(local);
  // An unreadable value goes to the server as it is, so that it refuses it with the field named.
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}
const orNull = (text: string) => (text.trim() === "" ? null : text);

let nextKey = 1;

/** Checkboxes for a list of codes, two columns on wide screens and one on a phone. */
function CodeChecks<T extends string>({
  label,
  codes,
  value,
  onChange,
  labelOf,
  testId,
}: {
  label: string;
  codes: readonly T[];
  value: T[];
  onChange: (next: T[]) => void;
  labelOf: (code: T) => string;
  testId: string;
}) {
  return (
    <Checkbox.Group
      label={label}
      value={value}
      onChange={(values) => onChange(codes.filter((code) => values.includes(code)))}
      data-testid={testId}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt={6} spacing="xs">
        {codes.map((code) => (
          <Checkbox key={code} value={code} label={labelOf(code)} data-testid={`${testId}-${code}`} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}

function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/**
 * Records the first interview, or corrects it (`existing`). The interviewer and agency come from the
 * session. Every section of the account is asked once here, so that no later agency asks again.
 */
export function InterviewForm({
  reference,
  existing,
  onSaved,
  onCancel,
}: {
  reference: string;
  existing: FirstInterview | null;
  onSaved: (view: InterviewView) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const { spokenLanguage, countryOptions } = useNames();
  const [interviewedAt, setInterviewedAt] = useState(
    localInput(existing ? new Date(existing.interviewedAt) : new Date()),
  );
  const [heldInPrivate, setHeldInPrivate] = useState(existing?.conduct?.heldInPrivate ?? false);
  const [withInterpreter, setWithInterpreter] = useState(existing?.conduct?.withInterpreter ?? false);
  const [interpreterLanguage, setInterpreterLanguage] = useState<string>(
    existing?.conduct?.interpreterLanguage ?? "",
  );
  const [femaleOfficerPresent, setFemaleOfficerPresent] = useState(
    existing?.conduct?.femaleOfficerPresent ?? false,
  );
  const [willingness, setWillingness] = useState<string>(
    existing?.conduct?.statementWillingness ?? "undecided",
  );
  const [circumstances, setCircumstances] = useState(existing?.circumstances?.account ?? "");
  const [recruitment, setRecruitment] = useState(existing?.recruitment?.methods ?? []);
  const [recruitmentAccount, setRecruitmentAccount] = useState(existing?.recruitment?.account ?? "");
  const [events, setEvents] = useState<EventRow[]>(
    (existing?.journey ?? []).map((event) => ({
      key: nextKey++,
      type: event.type,
      date: event.date ?? "",
      dateApproximate: event.dateApproximate,
      country: event.country ?? "",
      place: event.place ?? "",
      note: event.note ?? "",
    })),
  );
  const [control, setControl] = useState(existing?.control?.methods ?? []);
  const [controlAccount, setControlAccount] = useState(existing?.control?.account ?? "");
  const [exploitation, setExploitation] = useState(existing?.exploitation?.types ?? []);
  const [exploitationAccount, setExploitationAccount] = useState(existing?.exploitation?.account ?? "");
  const [needs, setNeeds] = useState(existing?.needs?.codes ?? []);
  const [needsAccount, setNeedsAccount] = useState(existing?.needs?.account ?? "");
  const [riskLevel, setRiskLevel] = useState<string>(existing?.risks?.level ?? "");
  const [risksAccount, setRisksAccount] = useState(existing?.risks?.account ?? "");
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const changeEvent = (key: number, change: Partial<EventRow>) =>
    setEvents((rows) => rows.map((row) => (row.key === key ? { ...row, ...change } : row)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setProblems({});
    setBusy(true);
    const body = {
      interviewedAt: instantOf(interviewedAt),
      heldInPrivate,
      withInterpreter,
      interpreterLanguage: withInterpreter ? orNull(interpreterLanguage) : null,
      femaleOfficerPresent,
      statementWillingness: willingness,
      circumstances: { account: orNull(circumstances) },
      recruitment: { methods: recruitment, account: orNull(recruitmentAccount) },
      journey: events.map((row) => ({
        type: row.type,
        date: orNull(row.date),
        dateApproximate: row.dateApproximate,
        country: orNull(row.country),
        place: orNull(row.place),
        note: orNull(row.note),
      })),
      control: { methods: control, account: orNull(controlAccount) },
      exploitation: { types: exploitation, account: orNull(exploitationAccount) },
      needs: { codes: needs, account: orNull(needsAccount) },
      risks: { level: orNull(riskLevel), account: orNull(risksAccount) },
    };
    const path = `/api/cases/${encodeURIComponent(reference)}/interview`;
    try {
      const view = existing
        ? await api.put<InterviewView>(path, body)
        : await api.post<InterviewView>(path, body);
      notifications.show({
        color: "green",
        message: t(existing ? "interview.corrected" : "interview.recorded"),
      });
      onSaved(view);
    } catch (error) {
      setProblems(fieldProblemsFrom(error));
      setFailure(error);
    }
    setBusy(false);
  }

  const account = (value: string, set: (v: string) => void, field: string, testId: string) => (
    <Textarea
      label={t("interview.account")}
      autosize
      minRows={2}
      maxLength={4000}
      value={value}
      onChange={(e) => set(e.currentTarget.value)}
      error={problemAt(problems, field)}
      data-testid={testId}
    />
  );
  const countries = [{ value: "", label: t("common.choose") }, ...countryOptions()];

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="interview-form" noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("interview.formHint")}
        </Text>
        {failure !== null && (
          <Alert color="red" role="alert" data-testid="interview-error">
            {describeError(failure)}
          </Alert>
        )}
        <FormSection title={t("interview.section.conduct")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="datetime-local"
              label={t("interview.interviewedAt")}
              value={interviewedAt}
              onChange={(e) => setInterviewedAt(e.currentTarget.value)}
              error={problemAt(problems, "interviewedAt")}
              data-testid="interview-at"
            />
            <NativeSelect
              label={t("interview.statementWillingness")}
              description={t("interview.statementWillingnessHint")}
              data={statementWillingnesses.map((value) => ({
                value,
                label: t(`interview.willingness.${value}`),
              }))}
              value={willingness}
              onChange={(e) => setWillingness(e.currentTarget.value)}
              error={problemAt(problems, "statementWillingness")}
              data-testid="interview-willingness"
            />
          </SimpleGrid>
          <Group gap="lg">
            <Checkbox
              label={t("interview.heldInPrivate")}
              checked={heldInPrivate}
              onChange={(e) => setHeldInPrivate(e.currentTarget.checked)}
              data-testid="interview-private"
            />
            <Checkbox
              label={t("interview.femaleOfficerPresent")}
              checked={femaleOfficerPresent}
              onChange={(e) => setFemaleOfficerPresent(e.currentTarget.checked)}
              data-testid="interview-female-officer"
            />
            <Checkbox
              label={t("interview.withInterpreter")}
              checked={withInterpreter}
              onChange={(e) => setWithInterpreter(e.currentTarget.checked)}
              data-testid="interview-interpreter"
            />
          </Group>
          {withInterpreter && (
            <NativeSelect
              label={t("interview.interpreterLanguage")}
              data={[
                { value: "", label: t("common.choose") },
                ...languageCodes.map((code) => ({ value: code, label: spokenLanguage(code) })),
              ]}
              value={interpreterLanguage}
              onChange={(e) => setInterpreterLanguage(e.currentTarget.value)}
              error={problemAt(problems, "interpreterLanguage")}
              data-testid="interview-interpreter-language"
            />
          )}
        </FormSection>

        <FormSection title={t("interview.section.circumstances")}>
          {account(circumstances, setCircumstances, "circumstances.account", "interview-circumstances")}
        </FormSection>

        <FormSection title={t("interview.section.recruitment")}>
          <CodeChecks
            label={t("interview.recruitmentMethods")}
            codes={recruitmentMethods}
            value={recruitment}
            onChange={setRecruitment}
            labelOf={(code) => t(`interview.recruitmentMethod.${code}`)}
            testId="interview-recruitment"
          />
          {account(
            recruitmentAccount,
            setRecruitmentAccount,
            "recruitment.account",
            "interview-recruitment-account",
          )}
        </FormSection>

        <FormSection title={t("interview.section.journey")}>
          {events.length === 0 && (
            <Text size="sm" c="dimmed">
              {t("interview.noEvents")}
            </Text>
          )}
          {events.map((row, index) => (
            <Paper key={row.key} withBorder p="xs" data-testid="journey-event-row">
              <Stack gap="xs">
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <NativeSelect
                    label={t("interview.eventType")}
                    data={journeyEventTypes.map((value) => ({ value, label: t(`interview.event.${value}`) }))}
                    value={row.type}
                    onChange={(e) => {
                      const type = journeyEventTypes.find((value) => value === e.currentTarget.value);
                      if (type) changeEvent(row.key, { type });
                    }}
                    error={problemAt(problems, `journey.${index}.type`)}
                    data-testid="journey-event-type"
                  />
                  <TextInput
                    type="date"
                    label={t("interview.eventDate")}
                    value={row.date}
                    onChange={(e) => changeEvent(row.key, { date: e.currentTarget.value })}
                    error={problemAt(problems, `journey.${index}.date`)}
                    data-testid="journey-event-date"
                  />
                  <NativeSelect
                    label={t("interview.eventCountry")}
                    data={countries}
                    value={row.country}
                    onChange={(e) => changeEvent(row.key, { country: e.currentTarget.value })}
                    error={problemAt(problems, `journey.${index}.country`)}
                    data-testid="journey-event-country"
                  />
                </SimpleGrid>
                <Checkbox
                  label={t("interview.dateApproximate")}
                  checked={row.dateApproximate}
                  onChange={(e) => changeEvent(row.key, { dateApproximate: e.currentTarget.checked })}
                  data-testid="journey-event-approximate"
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={t("interview.eventPlace")}
                    maxLength={200}
                    value={row.place}
                    onChange={(e) => changeEvent(row.key, { place: e.currentTarget.value })}
                    error={problemAt(problems, `journey.${index}.place`)}
                    data-testid="journey-event-place"
                  />
                  <TextInput
                    label={t("interview.eventNote")}
                    maxLength={1000}
                    value={row.note}
                    onChange={(e) => changeEvent(row.key, { note: e.currentTarget.value })}
                    error={problemAt(problems, `journey.${index}.note`)}
                    data-testid="journey-event-note"
                  />
                </SimpleGrid>
                <Group justify="flex-end">
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t("interview.removeEvent")}
                    title={t("interview.removeEvent")}
                    onClick={() => setEvents((rows) => rows.filter((r) => r.key !== row.key))}
                    data-testid="journey-event-remove"
                  >
                    ×
                  </ActionIcon>
                </Group>
              </Stack>
            </Paper>
          ))}
          <Button
            variant="light"
            w="fit-content"
            onClick={() =>
              setEvents((rows) => [
                ...rows,
                {
                  key: nextKey++,
                  type: rows.length === 0 ? "Recruitment" : "Transit",
                  date: "",
                  dateApproximate: false,
                  country: "",
                  place: "",
                  note: "",
                },
              ])
            }
            data-testid="journey-event-add"
          >
            {t("interview.addEvent")}
          </Button>
        </FormSection>

        <FormSection title={t("interview.section.control")}>
          <CodeChecks
            label={t("interview.controlMethods")}
            codes={controlMethods}
            value={control}
            onChange={setControl}
            labelOf={(code) => t(`vocabulary.control.${code}`)}
            testId="interview-control"
          />
          {account(controlAccount, setControlAccount, "control.account", "interview-control-account")}
        </FormSection>

        <FormSection title={t("interview.section.exploitation")}>
          <CodeChecks
            label={t("interview.exploitationTypes")}
            codes={exploitationTypes}
            value={exploitation}
            onChange={setExploitation}
            labelOf={(code) => t(`vocabulary.exploitation.${code}`)}
            testId="interview-exploitation"
          />
          {account(
            exploitationAccount,
            setExploitationAccount,
            "exploitation.account",
            "interview-exploitation-account",
          )}
        </FormSection>

        <FormSection title={t("interview.section.needs")}>
          <CodeChecks
            label={t("interview.needCodes")}
            codes={interviewNeeds}
            value={needs}
            onChange={setNeeds}
            labelOf={(code) => t(`referrals.serviceValue.${code}`)}
            testId="interview-needs"
          />
          {account(needsAccount, setNeedsAccount, "needs.account", "interview-needs-account")}
        </FormSection>

        <FormSection title={t("interview.section.risks")}>
          <NativeSelect
            label={t("interview.riskLevel")}
            data={[
              { value: "", label: t("common.choose") },
              ...riskLevels.map((value) => ({ value, label: t(`interview.risk.${value}`) })),
            ]}
            value={riskLevel}
            onChange={(e) => setRiskLevel(e.currentTarget.value)}
            error={problemAt(problems, "risks.level")}
            data-testid="interview-risk-level"
          />
          {account(risksAccount, setRisksAccount, "risks.account", "interview-risks-account")}
        </FormSection>

        <Group>
          <Button type="submit" loading={busy} data-testid="interview-submit">
            {t(existing ? "interview.saveCorrection" : "interview.submit")}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel} data-testid="interview-cancel">
              {t("common.cancel")}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
