import { Alert, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { LeafletButton } from "../../leaflet/LeafletButton";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api } from "../../../platform/api";
import { describeError, type FieldProblems, fieldProblemsFrom } from "../../../platform/errors";
import { useJurisdiction } from "../../../platform/jurisdiction";
import { ErrorNotice, Loading, Page } from "../../../platform/layout/Page";
import { EarlierRecords, useEarlierRecords } from "../../matching/EarlierRecords";
import { emptyDraft, judge, previewPathway, type RegistrationDraft } from "./draft";
import { IdentificationFields } from "./IdentificationFields";
import { PathwayPreview } from "./PathwayPreview";
import { PersonFields } from "./PersonFields";

/** Brings the first field with a problem into view, so that a phone user sees what to fix. */
function focusFirstProblem() {
  window.requestAnimationFrame(() => {
    const invalid = document.querySelector<HTMLElement>("form[data-registration] [aria-invalid='true']");
    invalid?.scrollIntoView({ block: "center" });
    invalid?.focus({ preventScroll: true });
  });
}

export function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { jurisdiction, failure: metaFailure, retry } = useJurisdiction();
  const [draft, setDraft] = useState<RegistrationDraft | null>(null);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const earlier = useEarlierRecords();

  useEffect(() => {
    if (jurisdiction && draft === null) setDraft(emptyDraft(jurisdiction.today));
  }, [jurisdiction, draft]);

  const update = useCallback((patch: Partial<RegistrationDraft>) => {
    setDraft((previous) => (previous ? { ...previous, ...patch } : previous));
    // A problem disappears as soon as its field is touched again.
    setProblems((previous) => {
      const next = { ...previous };
      for (const key of Object.keys(patch)) {
        delete next[key];
        delete next[`person.${key}`];
      }
      return next;
    });
  }, []);

  if (metaFailure) return <ErrorNotice error={metaFailure} onRetry={retry} />;
  if (!jurisdiction || !draft) return <Loading />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!jurisdiction || !draft) return;
    setFailure(null);
    const verdict = judge(draft, jurisdiction);
    if (!verdict.ok) {
      setProblems(verdict.problems);
      focusFirstProblem();
      return;
    }
    setBusy(true);
    try {
      // Possible earlier records of the person are shown before saving (seeds 001, 002).
      if (await earlier.shouldPause(verdict.input.person)) {
        setBusy(false);
        return;
      }
      const { reference } = await api.post<{ reference: string }>("/api/cases", verdict.input);
      void navigate(`/cases/${encodeURIComponent(reference)}`);
      return;
    } catch (error) {
      const fromServer = fieldProblemsFrom(error);
      setProblems(fromServer);
      if (Object.keys(fromServer).length > 0) focusFirstProblem();
      else setFailure(error);
    }
    setBusy(false);
  }

  const preview = previewPathway(draft, jurisdiction.homeCountries);
  const problemCount = Object.keys(problems).length;

  return (
    <Page title={t("registration.title")}>
      <Text size="sm" c="dimmed">
        {t("registration.intro")}
      </Text>
      <form onSubmit={(event) => void submit(event)} noValidate data-registration>
        <Stack gap="md" maw={960}>
          <PersonFields draft={draft} update={update} problems={problems} />
          <PathwayPreview pathway={preview.pathway} age={preview.age} />
          <IdentificationFields draft={draft} update={update} problems={problems} />
          <Paper withBorder p="md">
            <Stack gap="sm">
              <EarlierRecords state={earlier} />
              {problemCount > 0 && (
                <Alert color="red" role="alert" data-testid="register-problems">
                  {t("registration.problems", { count: problemCount })}
                </Alert>
              )}
              {failure !== null && (
                <Alert color="red" role="alert">
                  {describeError(failure)}
                </Alert>
              )}
              <Group justify="space-between" gap="sm">
                <Text size="sm" c="dimmed">
                  {t("registration.confidentialNotice")}
                </Text>
                <Button type="submit" size="md" loading={busy} data-testid="register-submit">
                  {t("registration.submit")}
                </Button>
              </Group>
            </Stack>
          </Paper>
        </Stack>
      </form>
      <Paper withBorder p="md">
        <LeafletButton />
      </Paper>
    </Page>
  );
}
