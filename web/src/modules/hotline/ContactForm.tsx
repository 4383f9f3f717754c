import {
  Alert,
  Button,
  Checkbox,
  Grid,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, type KeyboardEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  callerTypes,
  chosenOutcomes,
  contactChannels,
  contactIndicators,
  contactUrgencies,
  handoverExceptions,
  hotlinePhrases,
  type PhraseLanguage,
  phraseLanguages,
} from "../../../../shared/hotline";
import { languageCodes } from "../../../../shared/vocabulary";
import { api } from "../../platform/api";
import { describeError, type FieldProblems, fieldProblemsFrom, problemAt } from "../../platform/errors";
import { currentLanguage } from "../../platform/i18n";
import { useJurisdiction } from "../../platform/jurisdiction";
import { useNames } from "../../platform/labels";
import { useResource } from "../../platform/useResource";
import type { Agency } from "./types";

const isPhraseLanguage = (code: string): code is PhraseLanguage =>
  (phraseLanguages as readonly string[]).includes(code);

/**
 * The operator's workspace, built to be used during a call: the channel has the focus, Enter (or
 * Ctrl+Enter in the summary) saves, and the focus returns to the channel for the next contact.
 * Imminent danger opens the hand-over to the police in the same form: it goes out on the same save.
 */
export function ContactForm({ onRecorded }: { onRecorded: () => void }) {
  const { t } = useTranslation();
  const { jurisdiction } = useJurisdiction();
  const { spokenLanguage } = useNames();
  const police = useResource<Agency[]>("/api/hotline/police-agencies");
  const channelRef = useRef<HTMLSelectElement>(null);
  const [channel, setChannel] = useState("call");
  const [language, setLanguage] = useState<string>(currentLanguage());
  const [callerType, setCallerType] = useState("anonymous");
  const [region, setRegion] = useState("");
  const [urgency, setUrgency] = useState("routine");
  const [indicators, setIndicators] = useState<string[]>([]);
  const [summary, setSummary] = useState("");
  const [outcome, setOutcome] = useState("information_given");
  const [identifierConsent, setIdentifierConsent] = useState(false);
  const [callerName, setCallerName] = useState("");
  const [phone, setPhone] = useState("");
  const [policeAgencyId, setPoliceAgencyId] = useState("");
  const [callerConsent, setCallerConsent] = useState(false);
  const [exception, setException] = useState("");
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const danger = urgency === "imminent_danger";
  const chosenPolice = policeAgencyId || police.data?.[0]?.id || "";

  function reset() {
    setChannel("call");
    setCallerType("anonymous");
    setRegion("");
    setUrgency("routine");
    setIndicators([]);
    setSummary("");
    setOutcome("information_given");
    setIdentifierConsent(false);
    setCallerName("");
    setPhone("");
    setCallerConsent(false);
    setException("");
    channelRef.current?.focus();
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    setFailure(null);
    setProblems({});
    setBusy(true);
    try {
      const { id } = await api.post<{ id: string }>("/api/hotline/contacts", {
        channel,
        language,
        callerType,
        region: region || null,
        indicators,
        urgency,
        summary,
        outcome,
        identifierConsent,
        callerName: identifierConsent ? callerName : null,
        phone: identifierConsent ? phone : null,
      });
      if (danger) {
        try {
          await api.post(`/api/hotline/contacts/${id}/handovers`, {
            policeAgencyId: chosenPolice,
            callerConsent,
            exception: callerConsent ? null : exception || null,
          });
          notifications.show({ color: "green", message: t("hotline.handedOver") });
        } catch (error) {
          // The contact is kept; the hand-over can be repeated from the list.
          setProblems(fieldProblemsFrom(error));
          setFailure(error);
          onRecorded();
          setBusy(false);
          return;
        }
      }
      notifications.show({ color: "green", message: t("hotline.saved") });
      reset();
      onRecorded();
    } catch (error) {
      setProblems(fieldProblemsFrom(error));
      setFailure(error);
    }
    setBusy(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  }

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Paper withBorder p="md">
          <form
            onSubmit={(event) => void submit(event)}
            onKeyDown={onKeyDown}
            data-testid="contact-form"
            noValidate
          >
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t("hotline.newContact")}
              </Title>
              <Text size="xs" c="dimmed">
                {t("hotline.shortcuts")}
              </Text>
              {failure !== null && (
                <Alert color="red" role="alert" data-testid="contact-error">
                  {describeError(failure)}
                </Alert>
              )}
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <NativeSelect
                  ref={channelRef}
                  autoFocus
                  accessKey="c"
                  label={t("hotline.channel")}
                  data={contactChannels.map((value) => ({ value, label: t(`hotline.channels.${value}`) }))}
                  value={channel}
                  onChange={(event) => setChannel(event.currentTarget.value)}
                  error={problemAt(problems, "channel")}
                  data-testid="contact-channel"
                />
                <NativeSelect
                  label={t("hotline.language")}
                  data={languageCodes.map((value) => ({ value, label: spokenLanguage(value) }))}
                  value={language}
                  onChange={(event) => setLanguage(event.currentTarget.value)}
                  error={problemAt(problems, "language")}
                  data-testid="contact-language"
                />
                <NativeSelect
                  label={t("hotline.callerType")}
                  data={callerTypes.map((value) => ({ value, label: t(`hotline.callerTypes.${value}`) }))}
                  value={callerType}
                  onChange={(event) => setCallerType(event.currentTarget.value)}
                  error={problemAt(problems, "callerType")}
                  data-testid="contact-caller-type"
                />
                <NativeSelect
                  label={t("hotline.region")}
                  data={[
                    { value: "", label: t("hotline.unknownRegion") },
                    ...(jurisdiction?.regions ?? []).map((r) => ({ value: r.code, label: r.name })),
                  ]}
                  value={region}
                  onChange={(event) => setRegion(event.currentTarget.value)}
                  error={problemAt(problems, "region")}
                  data-testid="contact-region"
                />
                <NativeSelect
                  label={t("hotline.urgency")}
                  data={contactUrgencies.map((value) => ({ value, label: t(`hotline.urgencies.${value}`) }))}
                  value={urgency}
                  onChange={(event) => setUrgency(event.currentTarget.value)}
                  error={problemAt(problems, "urgency")}
                  data-testid="contact-urgency"
                />
                <NativeSelect
                  label={t("hotline.outcome")}
                  data={chosenOutcomes.map((value) => ({ value, label: t(`hotline.outcomes.${value}`) }))}
                  value={outcome}
                  onChange={(event) => setOutcome(event.currentTarget.value)}
                  disabled={danger}
                  data-testid="contact-outcome"
                />
              </SimpleGrid>
              <Checkbox.Group
                label={t("hotline.indicators")}
                value={indicators}
                onChange={setIndicators}
                data-testid="contact-indicators"
              >
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} mt={4}>
                  {contactIndicators.map((indicator) => (
                    <Checkbox
                      key={indicator}
                      value={indicator}
                      label={t(`hotline.indicatorLabels.${indicator}`)}
                      data-testid={`indicator-${indicator}`}
                    />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
              <Textarea
                label={t("hotline.summary")}
                description={t("hotline.summaryHint")}
                accessKey="m"
                autosize
                minRows={3}
                value={summary}
                onChange={(event) => setSummary(event.currentTarget.value)}
                error={problemAt(problems, "summary")}
                data-testid="contact-summary"
              />
              {danger && (
                <Alert color="red" title={t("hotline.danger")} data-testid="contact-danger">
                  <Stack gap="xs">
                    <NativeSelect
                      label={t("hotline.policeAgency")}
                      data={(police.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
                      value={chosenPolice}
                      onChange={(event) => setPoliceAgencyId(event.currentTarget.value)}
                      error={problemAt(problems, "policeAgencyId")}
                      data-testid="contact-police"
                    />
                    <Checkbox
                      label={t("hotline.callerConsent")}
                      checked={callerConsent}
                      onChange={(event) => setCallerConsent(event.currentTarget.checked)}
                      data-testid="contact-police-consent"
                    />
                    {!callerConsent && (
                      <NativeSelect
                        label={t("hotline.exception")}
                        data={[
                          { value: "", label: t("common.choose") },
                          ...handoverExceptions.map((value) => ({
                            value,
                            label: t(`hotline.exceptions.${value}`),
                          })),
                        ]}
                        value={exception}
                        onChange={(event) => setException(event.currentTarget.value)}
                        error={problemAt(problems, "exception")}
                        data-testid="contact-exception"
                      />
                    )}
                  </Stack>
                </Alert>
              )}
              <Checkbox
                label={t("hotline.identifierConsent")}
                checked={identifierConsent}
                onChange={(event) => setIdentifierConsent(event.currentTarget.checked)}
                data-testid="contact-identifier-consent"
              />
              {identifierConsent ? (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={t("hotline.callerName")}
                    value={callerName}
                    onChange={(event) => setCallerName(event.currentTarget.value)}
                    error={problemAt(problems, "callerName")}
                    autoComplete="off"
                    data-testid="contact-caller-name"
                  />
                  <TextInput
                    type="tel"
                    label={t("hotline.phone")}
                    value={phone}
                    onChange={(event) => setPhone(event.currentTarget.value)}
                    error={problemAt(problems, "phone")}
                    autoComplete="off"
                    data-testid="contact-phone"
                  />
                </SimpleGrid>
              ) : (
                <Text size="xs" c="dimmed">
                  {t("hotline.anonymousHint")}
                </Text>
              )}
              <Group>
                <Button
                  type="submit"
                  loading={busy}
                  accessKey="s"
                  color={danger ? "red" : undefined}
                  data-testid="contact-submit"
                >
                  {danger ? t("hotline.handOver") : t("hotline.save")}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Phrases callerLanguage={language} />
      </Grid.Col>
    </Grid>
  );
}

/** Key phrases in the operator's language beside the caller's, for the first minutes of the call. */
function Phrases({ callerLanguage }: { callerLanguage: string }) {
  const { t } = useTranslation();
  const { spokenLanguage } = useNames();
  const own = currentLanguage();
  const caller = isPhraseLanguage(callerLanguage) ? callerLanguage : null;
  return (
    <Paper withBorder p="md" data-testid="hotline-phrases">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t("hotline.phrases")}
        </Title>
        {caller ? (
          <Text size="sm" c="dimmed">
            {t("hotline.phrasesIn", { language: spokenLanguage(caller) })}
          </Text>
        ) : (
          <Text size="sm" c="orange">
            {t("hotline.noPhrases")}
          </Text>
        )}
        <Table>
          <Table.Tbody>
            {hotlinePhrases.map((phrase) => (
              <Table.Tr key={phrase.key} data-testid={`phrase-${phrase.key}`}>
                <Table.Td>
                  {caller && (
                    <Text fw={600} lang={caller} data-testid="phrase-caller">
                      {phrase.text[caller]}
                    </Text>
                  )}
                  {caller !== own && (
                    <Text size="xs" c="dimmed" lang={own}>
                      {phrase.text[own]}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
