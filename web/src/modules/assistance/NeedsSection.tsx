import {
  Alert,
  Button,
  Checkbox,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { needUrgencies } from "../../../../shared/assistance";
import { type AssistanceService, assistanceServices } from "../../../../shared/vocabulary";
import { api } from "../../platform/api";
import { describeError, problemAt } from "../../platform/errors";
import { useNames } from "../../platform/labels";
import { useResource } from "../../platform/useResource";
import { Section } from "../cases/Facts";
import type { NeedsList } from "./types";
import { casePath, useSubmit } from "../../platform/useSubmit";

/** Who assessed the person's needs, when, which needs and how urgent; and the form to record it. */
export function NeedsSection({ reference }: { reference: string }) {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const list = useResource<NeedsList>(casePath(reference, "needs-assessments"));
  const items = list.data?.items ?? [];
  return (
    <Section title={t("assistance.needs.title")} testId="assistance-needs">
      {items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="needs-none">
          {t("assistance.needs.none")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("assistance.needs.assessedAt")}</Table.Th>
                <Table.Th>{t("assistance.needs.needs")}</Table.Th>
                <Table.Th>{t("assistance.needs.urgency")}</Table.Th>
                <Table.Th>{t("assistance.needs.note")}</Table.Th>
                <Table.Th>{t("assistance.by")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id} data-testid="needs-row" data-urgency={item.urgency}>
                  <Table.Td>{dateTime(item.assessedAt)}</Table.Td>
                  <Table.Td>
                    {item.needs.map((need) => t(`referrals.serviceValue.${need}`)).join("; ") || "—"}
                  </Table.Td>
                  <Table.Td>{t(`assistance.urgencyValue.${item.urgency}`)}</Table.Td>
                  <Table.Td>
                    <NoteText note={item.note} hasNote={item.hasNote} />
                  </Table.Td>
                  <Table.Td>
                    {item.assessedBy.name}, {item.agency.name}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.data?.mayRecord && <NeedsForm reference={reference} onRecorded={list.reload} />}
    </Section>
  );
}

/** A sealed note as the reader may see it: the text, a "withheld" mark, or nothing. */
export function NoteText({ note, hasNote }: { note: string | null; hasNote: boolean }) {
  const { t } = useTranslation();
  if (note !== null)
    return (
      <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
        {note}
      </Text>
    );
  if (hasNote)
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {t("assistance.withheld")}
      </Text>
    );
  return <Text size="sm">—</Text>;
}

function NeedsForm({ reference, onRecorded }: { reference: string; onRecorded: () => void }) {
  const { t } = useTranslation();
  const [needs, setNeeds] = useState<AssistanceService[]>([]);
  const [urgency, setUrgency] = useState("");
  const [note, setNote] = useState("");
  const { busy, failure, problems, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(
      () =>
        api.post(casePath(reference, "needs-assessments"), {
          needs,
          urgency,
          note: note.trim() || null,
        }),
      t("assistance.needs.recorded"),
      () => {
        setNeeds([]);
        setUrgency("");
        setNote("");
        onRecorded();
      },
    );
  }

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="needs-form" noValidate>
      <Stack gap="sm" mt="sm">
        <Text fw={600}>{t("assistance.needs.record")}</Text>
        {failure !== null && (
          <Alert color="red" role="alert" data-testid="needs-error">
            {describeError(failure)}
          </Alert>
        )}
        <Checkbox.Group
          label={t("assistance.needs.needs")}
          value={needs}
          onChange={(values) => setNeeds(assistanceServices.filter((s) => values.includes(s)))}
          error={problemAt(problems, "needs")}
        >
          <SimpleGrid cols={{ base: 1, sm: 3 }} mt={6} spacing="xs">
            {assistanceServices.map((service) => (
              <Checkbox
                key={service}
                value={service}
                label={t(`referrals.serviceValue.${service}`)}
                data-testid={`needs-need-${service}`}
              />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <NativeSelect
          label={t("assistance.needs.urgency")}
          data={[
            { value: "", label: t("common.choose") },
            ...needUrgencies.map((u) => ({ value: u, label: t(`assistance.urgencyValue.${u}`) })),
          ]}
          value={urgency}
          onChange={(event) => setUrgency(event.currentTarget.value)}
          error={problemAt(problems, "urgency")}
          data-testid="needs-urgency"
        />
        <Textarea
          label={t("assistance.needs.note")}
          description={t("assistance.sealedHint")}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={problemAt(problems, "note")}
          autosize
          minRows={2}
          data-testid="needs-note"
        />
        <Button type="submit" loading={busy} w="fit-content" data-testid="needs-submit">
          {t("assistance.needs.submit")}
        </Button>
      </Stack>
    </form>
  );
}
