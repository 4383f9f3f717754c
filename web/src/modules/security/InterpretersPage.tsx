import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
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
import { type InterpreterAvailability, interpreterAvailabilities } from "../../../../shared/security";
import { type LanguageCode, languageCodes } from "../../../../shared/vocabulary";
import { api } from "../../platform/api";
import { useMe } from "../../platform/auth";
import { describeError, type FieldProblems, fieldProblemsFrom, problemAt } from "../../platform/errors";
import { useNames } from "../../platform/labels";
import { ErrorNotice, Loading, Page } from "../../platform/layout/Page";
import { useResource } from "../../platform/useResource";
import { type Interpreter, mayManageInterpreters } from "./types";

/** The roster of interpreters of every agency; each agency keeps its own. */
export function InterpretersPage() {
  const { t } = useTranslation();
  const { spokenLanguage } = useNames();
  const me = useMe();
  const roster = useResource<Interpreter[]>("/api/interpreters");
  const [failure, setFailure] = useState<unknown>(null);
  const manages = mayManageInterpreters(me);
  if (roster.error) return <ErrorNotice error={roster.error} onRetry={roster.reload} />;
  if (!roster.data) return <Loading />;

  async function setAvailability(id: string, availability: InterpreterAvailability) {
    setFailure(null);
    try {
      await api.patch(`/api/interpreters/${id}`, { availability });
      roster.reload();
    } catch (error) {
      setFailure(error);
    }
  }

  return (
    <Page title={t("security.interpreters.title")}>
      <Text size="sm" c="dimmed">
        {t("security.interpreters.intro")}
      </Text>
      {failure !== null && (
        <Alert color="red" role="alert">
          {describeError(failure)}
        </Alert>
      )}
      <Stack gap="xs">
        {roster.data.length === 0 && <Text>{t("security.interpreters.none")}</Text>}
        {roster.data.map((interpreter) => (
          <Paper key={interpreter.id} withBorder p="sm" data-testid="interpreter-row">
            <Group justify="space-between" wrap="wrap">
              <Stack gap={2}>
                <Text fw={600}>{interpreter.name}</Text>
                <Text size="sm">
                  {interpreter.languages.map(spokenLanguage).join(", ")} · {interpreter.agency.name}
                  {interpreter.phone ? ` · ${interpreter.phone}` : ""}
                </Text>
              </Stack>
              <Group gap="xs">
                <Badge color={interpreter.availability === "available" ? "green" : "gray"}>
                  {t(`security.interpreters.status.${interpreter.availability}`)}
                </Badge>
                {manages && interpreter.own && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() =>
                      void setAvailability(
                        interpreter.id,
                        interpreter.availability === "available" ? "unavailable" : "available",
                      )
                    }
                  >
                    {interpreter.availability === "available"
                      ? t("security.interpreters.markUnavailable")
                      : t("security.interpreters.markAvailable")}
                  </Button>
                )}
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
      {manages && <InterpreterForm onAdded={roster.reload} />}
    </Page>
  );
}

function InterpreterForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const { spokenLanguage } = useNames();
  const [name, setName] = useState("");
  const [languages, setLanguages] = useState<LanguageCode[]>([]);
  const [availability, setAvailability] = useState<InterpreterAvailability>("available");
  const [phone, setPhone] = useState("");
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setProblems({});
    setBusy(true);
    try {
      await api.post("/api/interpreters", {
        name,
        languages,
        availability,
        ...(phone.trim() ? { phone } : {}),
      });
      notifications.show({ color: "green", message: t("security.interpreters.added") });
      setName("");
      setLanguages([]);
      setPhone("");
      onAdded();
    } catch (error) {
      setProblems(fieldProblemsFrom(error));
      setFailure(error);
    }
    setBusy(false);
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={(event) => void submit(event)} data-testid="interpreter-form" noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t("security.interpreters.add")}
          </Title>
          {failure !== null && (
            <Alert color="red" role="alert">
              {describeError(failure)}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t("security.interpreters.name")}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={problemAt(problems, "name")}
              data-testid="interpreter-name"
            />
            <NativeSelect
              label={t("security.interpreters.availability")}
              data={interpreterAvailabilities.map((value) => ({
                value,
                label: t(`security.interpreters.status.${value}`),
              }))}
              value={availability}
              onChange={(event) => setAvailability(event.currentTarget.value as InterpreterAvailability)}
              error={problemAt(problems, "availability")}
            />
            <TextInput
              label={t("security.interpreters.phone")}
              value={phone}
              onChange={(event) => setPhone(event.currentTarget.value)}
              error={problemAt(problems, "phone")}
              data-testid="interpreter-phone"
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t("security.interpreters.languages")}
            value={languages}
            onChange={(values) => setLanguages(languageCodes.filter((code) => values.includes(code)))}
            error={problemAt(problems, "languages")}
            data-testid="interpreter-languages"
          >
            <Group mt={6}>
              {languageCodes.map((code) => (
                <Checkbox key={code} value={code} label={spokenLanguage(code)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Button type="submit" loading={busy} w="fit-content" data-testid="interpreter-submit">
            {t("security.interpreters.submit")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
