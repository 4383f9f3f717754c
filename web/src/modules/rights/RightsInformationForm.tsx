import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { languageCodes, type PersonRight, personRights } from "../../../../shared/vocabulary";
import { api } from "../../platform/api";
import { describeError, type FieldProblems, fieldProblemsFrom, problemAt } from "../../platform/errors";
import { useNames } from "../../platform/labels";

/** A local date-time from the browser's picker as an instant; empty means "now", set by the server. */
function instantOf(local: string): string | null {
  if (local === "") return null;
  const date = new Date(local);
  // An unreadable value goes to the server as it is, so that it refuses it with the field named.
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

/** Records that the person was informed of their rights; the informing user and agency come from the session. */
export function RightsInformationForm({
  reference,
  onRecorded,
}: {
  reference: string;
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const { spokenLanguage } = useNames();
  const [rights, setRights] = useState<PersonRight[]>([]);
  const [language, setLanguage] = useState("");
  const [withInterpreter, setWithInterpreter] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const [informedAt, setInformedAt] = useState("");
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setProblems({});
    setBusy(true);
    try {
      await api.post(`/api/cases/${encodeURIComponent(reference)}/rights-information`, {
        rights,
        language,
        withInterpreter,
        understood,
        informedAt: instantOf(informedAt),
      });
      notifications.show({ color: "green", message: t("rights.recorded") });
      setRights([]);
      setWithInterpreter(false);
      setUnderstood(false);
      setInformedAt("");
      onRecorded();
    } catch (error) {
      setProblems(fieldProblemsFrom(error));
      setFailure(error);
    }
    setBusy(false);
  }

  const languages = languageCodes.map((code) => ({ value: code, label: spokenLanguage(code) }));
  return (
    <form onSubmit={(event) => void submit(event)} data-testid="rights-form" noValidate>
      <Stack gap="sm" mt="sm">
        <Text fw={600}>{t("rights.record")}</Text>
        {failure !== null && (
          <Alert color="red" role="alert" data-testid="rights-error">
            {describeError(failure)}
          </Alert>
        )}
        <Checkbox.Group
          label={t("rights.rights")}
          value={rights}
          onChange={(values) => setRights(personRights.filter((right) => values.includes(right)))}
          error={problemAt(problems, "rights")}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt={6} spacing="xs">
            {personRights.map((right) => (
              <Checkbox
                key={right}
                value={right}
                label={t(`rights.right.${right}`)}
                data-testid={`rights-right-${right}`}
              />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t("rights.language")}
            data={[{ value: "", label: t("common.choose") }, ...languages]}
            value={language}
            onChange={(event) => setLanguage(event.currentTarget.value)}
            error={problemAt(problems, "language")}
            data-testid="rights-language"
          />
          <TextInput
            type="datetime-local"
            label={t("rights.informedAt")}
            description={t("rights.informedAtHint")}
            value={informedAt}
            onChange={(event) => setInformedAt(event.currentTarget.value)}
            error={problemAt(problems, "informedAt")}
            data-testid="rights-informed-at"
          />
        </SimpleGrid>
        <Group gap="lg">
          <Checkbox
            label={t("rights.withInterpreter")}
            checked={withInterpreter}
            onChange={(event) => setWithInterpreter(event.currentTarget.checked)}
            data-testid="rights-interpreter"
          />
          <Checkbox
            label={t("rights.understoodConfirmed")}
            checked={understood}
            onChange={(event) => setUnderstood(event.currentTarget.checked)}
            data-testid="rights-understood"
          />
        </Group>
        <Button type="submit" loading={busy} w="fit-content" data-testid="rights-submit">
          {t("rights.submit")}
        </Button>
      </Stack>
    </form>
  );
}
