import { Alert, Badge, Button, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { InterviewSection } from "../../../../shared/interview";
import { ErrorNotice, Loading } from "../../platform/layout/Page";
import { useNames } from "../../platform/labels";
import { useResource } from "../../platform/useResource";
import { Facts, Section } from "../cases/Facts";
import type { CaseDetail } from "../cases/types";
import { InterviewForm } from "./InterviewForm";
import type { FirstInterview, InterviewView } from "./types";

function Account({ text }: { text: string | null }) {
  const { t } = useTranslation();
  if (text === null)
    return (
      <Text size="sm" c="dimmed">
        {t("interview.noAccount")}
      </Text>
    );
  return (
    <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
      {text}
    </Text>
  );
}

function Codes({ labels }: { labels: string[] }) {
  const { t } = useTranslation();
  if (labels.length === 0) return null;
  return (
    <Group gap={6} aria-label={t("interview.codes")}>
      {labels.map((label) => (
        <Badge key={label} variant="light" radius="sm">
          {label}
        </Badge>
      ))}
    </Group>
  );
}

function RecordSection({ section, children }: { section: InterviewSection; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" data-testid="interview-section" data-section={section}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t(`interview.section.${section}`)}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** The record by sections; sections not shared with the reader's role say so, and nothing more. */
function InterviewRecord({ record }: { record: FirstInterview }) {
  const { t } = useTranslation();
  const { country, dateTime, spokenLanguage } = useNames();
  const yesNo = (value: boolean) => (value ? t("interview.yes") : t("interview.no"));
  const sections: ReactNode[] = [];
  const { conduct } = record;
  if (conduct)
    sections.push(
      <RecordSection key="conduct" section="conduct">
        <Facts
          facts={[
            { label: t("interview.interviewedAt"), value: dateTime(record.interviewedAt) },
            {
              label: t("interview.interviewedBy"),
              value: `${record.interviewedBy.name}, ${record.agency.name}`,
            },
            { label: t("interview.heldInPrivate"), value: yesNo(conduct.heldInPrivate) },
            {
              label: t("interview.withInterpreter"),
              value:
                conduct.withInterpreter && conduct.interpreterLanguage
                  ? `${t("interview.yes")} (${spokenLanguage(conduct.interpreterLanguage)})`
                  : yesNo(conduct.withInterpreter),
            },
            { label: t("interview.femaleOfficerPresent"), value: yesNo(conduct.femaleOfficerPresent) },
            {
              label: t("interview.statementWillingness"),
              value: t(`interview.willingness.${conduct.statementWillingness}`),
            },
          ]}
        />
        <Text size="xs" c="dimmed">
          {t("interview.statementWillingnessHint")}
        </Text>
      </RecordSection>,
    );
  if (record.circumstances)
    sections.push(
      <RecordSection key="circumstances" section="circumstances">
        <Account text={record.circumstances.account} />
      </RecordSection>,
    );
  if (record.recruitment)
    sections.push(
      <RecordSection key="recruitment" section="recruitment">
        <Codes labels={record.recruitment.methods.map((code) => t(`interview.recruitmentMethod.${code}`))} />
        <Account text={record.recruitment.account} />
      </RecordSection>,
    );
  if (record.journey)
    sections.push(
      <RecordSection key="journey" section="journey">
        {record.journey.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("interview.noEvents")}
          </Text>
        ) : (
          <List spacing="xs" type="ordered">
            {record.journey.map((event, index) => (
              <List.Item key={index} data-testid="journey-event">
                <Text size="sm" fw={600} span>
                  {t(`interview.event.${event.type}`)}
                </Text>
                <Text size="sm" span>
                  {" · "}
                  {event.date
                    ? `${event.dateApproximate ? `${t("interview.approximately")} ` : ""}${event.date}`
                    : t("interview.dateUnknown")}
                  {event.country ? ` · ${country(event.country)}` : ""}
                  {event.place ? ` · ${event.place}` : ""}
                </Text>
                {event.note && (
                  <Text size="sm" c="dimmed">
                    {event.note}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </RecordSection>,
    );
  if (record.control)
    sections.push(
      <RecordSection key="control" section="control">
        <Codes labels={record.control.methods.map((code) => t(`vocabulary.control.${code}`))} />
        <Account text={record.control.account} />
      </RecordSection>,
    );
  if (record.exploitation)
    sections.push(
      <RecordSection key="exploitation" section="exploitation">
        <Codes labels={record.exploitation.types.map((code) => t(`vocabulary.exploitation.${code}`))} />
        <Account text={record.exploitation.account} />
      </RecordSection>,
    );
  if (record.needs)
    sections.push(
      <RecordSection key="needs" section="needs">
        <Codes labels={record.needs.codes.map((code) => t(`referrals.serviceValue.${code}`))} />
        <Account text={record.needs.account} />
      </RecordSection>,
    );
  if (record.risks)
    sections.push(
      <RecordSection key="risks" section="risks">
        {record.risks.level && (
          <Text size="sm" fw={600} data-testid="interview-risk">
            {t("interview.riskLevel")}: {t(`interview.risk.${record.risks.level}`)}
          </Text>
        )}
        <Account text={record.risks.account} />
      </RecordSection>,
    );

  return (
    <Stack gap="sm">
      {sections}
      {record.withheld.length > 0 && (
        <Alert color="gray" data-testid="interview-withheld">
          {t("interview.withheld", {
            sections: record.withheld.map((section) => t(`interview.section.${section}`)).join(", "),
          })}
        </Alert>
      )}
      {record.revision > 1 && (
        <Text size="xs" c="dimmed" data-testid="interview-revision">
          {t("interview.correctedBy", {
            revision: record.revision,
            name: record.updatedBy.name,
            at: dateTime(record.updatedAt),
          })}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The first interview of the case: recorded once by the agency that interviews, and read by every
 * later agency in the sections its role needs, instead of interviewing the person again (seed 002
 * rec. 2.3–2.4).
 */
export function CaseInterview({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const view = useResource<InterviewView>(`/api/cases/${encodeURIComponent(detail.reference)}/interview`);
  const [editing, setEditing] = useState(false);

  if (view.error) return <ErrorNotice error={view.error} onRetry={view.reload} />;
  if (!view.data) return <Loading />;
  const { record, mayRecord, mayCorrect } = view.data;
  const saved = (next: InterviewView) => {
    view.replace(next);
    setEditing(false);
  };

  return (
    <Section
      title={t("interview.title")}
      testId="case-interview"
      extra={
        <Text size="sm" c="dimmed">
          {t("interview.intro")}
        </Text>
      }
    >
      {record === null && !mayRecord && (
        <Text size="sm" c="dimmed" data-testid="interview-none">
          {t("interview.none")}
        </Text>
      )}
      {record === null && mayRecord && (
        <InterviewForm reference={detail.reference} existing={null} onSaved={saved} />
      )}
      {record !== null && editing && (
        <InterviewForm
          reference={detail.reference}
          existing={record}
          onSaved={saved}
          onCancel={() => setEditing(false)}
        />
      )}
      {record !== null && !editing && (
        <>
          <InterviewRecord record={record} />
          {mayCorrect && (
            <Button
              variant="light"
              w="fit-content"
              onClick={() => setEditing(true)}
              data-testid="interview-edit"
            >
              {t("interview.correct")}
            </Button>
          )}
        </>
      )}
    </Section>
  );
}
