import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  bestInterestsOutcomes,
  childLocationTypes,
  guardianAppointingBodies,
  parentRelationships,
} from "../../../../shared/children";
import { describeError, problemAt } from "../../platform/errors";
import { useResource } from "../../platform/useResource";
import type { ChildRecords, Named } from "./types";
import { instantOf, useChildWrite } from "./useChildWrite";

interface FormProps {
  reference: string;
  onSaved: (records: ChildRecords) => void;
}

type Write = ReturnType<typeof useChildWrite>;

function FormShell({
  title,
  testId,
  write,
  onSubmit,
  children,
}: {
  title: string;
  testId: string;
  write: Write;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <form
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit();
      }}
      data-testid={testId}
      noValidate
    >
      <Stack gap="sm" mt="sm">
        <Text fw={600}>{title}</Text>
        {write.failure !== null && (
          <Alert color="red" role="alert" data-testid={`${testId}-error`}>
            {describeError(write.failure)}
          </Alert>
        )}
        {children}
      </Stack>
    </form>
  );
}

function useOptions<T extends string>(values: readonly T[], label: (value: T) => string) {
  const { t } = useTranslation();
  return [
    { value: "", label: t("common.choose") },
    ...values.map((value) => ({ value, label: label(value) })),
  ];
}

/** Picks the child's case worker among the social workers of the user's own agency. */
export function CaseWorkerForm({ reference, onSaved, current }: FormProps & { current: string | null }) {
  const { t } = useTranslation();
  const write = useChildWrite(reference, onSaved);
  const candidates = useResource<Named[]>(
    `/api/cases/${encodeURIComponent(reference)}/child/case-worker-candidates`,
  );
  const [userId, setUserId] = useState(current ?? "");
  return (
    <FormShell
      title={t("children.caseWorker.assign")}
      testId="child-case-worker-form"
      write={write}
      onSubmit={() => void write.submit("/case-worker", { userId })}
    >
      <Group align="flex-end" wrap="wrap">
        <NativeSelect
          label={t("children.caseWorker.user")}
          data={[
            { value: "", label: t("common.choose") },
            ...(candidates.data ?? []).map((user) => ({ value: user.id, label: user.name })),
          ]}
          value={userId}
          onChange={(event) => setUserId(event.currentTarget.value)}
          error={problemAt(write.problems, "userId")}
          data-testid="child-case-worker-select"
        />
        <Button type="submit" loading={write.busy} data-testid="child-case-worker-submit">
          {t("children.caseWorker.submit")}
        </Button>
      </Group>
    </FormShell>
  );
}

export function GuardianForm({ reference, onSaved, replacing }: FormProps & { replacing: boolean }) {
  const { t } = useTranslation();
  const write = useChildWrite(reference, onSaved);
  const [name, setName] = useState("");
  const [contact, setContact] = useState("");
  const [appointingBody, setAppointingBody] = useState("");
  const [decisionReference, setDecisionReference] = useState("");
  const [appointedOn, setAppointedOn] = useState("");
  const bodies = useOptions(guardianAppointingBodies, (v) => t(`children.appointingBody.${v}`));
  const submit = async () => {
    const saved = await write.submit("/guardians", {
      name,
      contact: contact || null,
      appointingBody,
      decisionReference: decisionReference || null,
      appointedOn,
    });
    if (saved) {
      setName("");
      setContact("");
      setDecisionReference("");
    }
  };
  return (
    <FormShell
      title={replacing ? t("children.guardian.replace") : t("children.guardian.assign")}
      testId="guardian-form"
      write={write}
      onSubmit={() => void submit()}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("children.guardian.name")}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={problemAt(write.problems, "name")}
          data-testid="guardian-name"
        />
        <TextInput
          label={t("children.guardian.contact")}
          value={contact}
          onChange={(event) => setContact(event.currentTarget.value)}
          error={problemAt(write.problems, "contact")}
          data-testid="guardian-contact"
        />
        <NativeSelect
          label={t("children.guardian.appointingBody")}
          data={bodies}
          value={appointingBody}
          onChange={(event) => setAppointingBody(event.currentTarget.value)}
          error={problemAt(write.problems, "appointingBody")}
          data-testid="guardian-appointing-body"
        />
        <TextInput
          label={t("children.guardian.decisionReference")}
          value={decisionReference}
          onChange={(event) => setDecisionReference(event.currentTarget.value)}
          error={problemAt(write.problems, "decisionReference")}
          data-testid="guardian-decision-reference"
        />
        <TextInput
          type="date"
          label={t("children.guardian.appointedOn")}
          value={appointedOn}
          onChange={(event) => setAppointedOn(event.currentTarget.value)}
          error={problemAt(write.problems, "appointedOn")}
          data-testid="guardian-appointed-on"
        />
      </SimpleGrid>
      <Button type="submit" loading={write.busy} w="fit-content" data-testid="guardian-submit">
        {t("children.guardian.submit")}
      </Button>
    </FormShell>
  );
}

export function BestInterestsForm({ reference, onSaved }: FormProps) {
  const { t } = useTranslation();
  const write = useChildWrite(reference, onSaved);
  const [determinedOn, setDeterminedOn] = useState("");
  const [outcome, setOutcome] = useState("");
  const [reasoning, setReasoning] = useState("");
  const [guardianPresent, setGuardianPresent] = useState(false);
  const [childHeard, setChildHeard] = useState(false);
  const outcomes = useOptions(bestInterestsOutcomes, (v) => t(`children.outcome.${v}`));
  const submit = async () => {
    const saved = await write.submit("/best-interests", {
      determinedOn,
      outcome,
      reasoning,
      guardianPresent,
      childHeard,
    });
    if (saved) setReasoning("");
  };
  return (
    <FormShell
      title={t("children.bid.record")}
      testId="bid-form"
      write={write}
      onSubmit={() => void submit()}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="date"
          label={t("children.bid.determinedOn")}
          value={determinedOn}
          onChange={(event) => setDeterminedOn(event.currentTarget.value)}
          error={problemAt(write.problems, "determinedOn")}
          data-testid="bid-date"
        />
        <NativeSelect
          label={t("children.bid.outcome")}
          data={outcomes}
          value={outcome}
          onChange={(event) => setOutcome(event.currentTarget.value)}
          error={problemAt(write.problems, "outcome")}
          data-testid="bid-outcome"
        />
      </SimpleGrid>
      <Textarea
        label={t("children.bid.reasoning")}
        autosize
        minRows={3}
        value={reasoning}
        onChange={(event) => setReasoning(event.currentTarget.value)}
        error={problemAt(write.problems, "reasoning")}
        data-testid="bid-reasoning"
      />
      <Group gap="lg">
        <Checkbox
          label={t("children.guardianPresent")}
          checked={guardianPresent}
          onChange={(event) => setGuardianPresent(event.currentTarget.checked)}
          data-testid="bid-guardian-present"
        />
        <Checkbox
          label={t("children.bid.childHeard")}
          checked={childHeard}
          onChange={(event) => setChildHeard(event.currentTarget.checked)}
          data-testid="bid-child-heard"
        />
      </Group>
      <Button type="submit" loading={write.busy} w="fit-content" data-testid="bid-submit">
        {t("children.bid.submit")}
      </Button>
    </FormShell>
  );
}

export function ViewsForm({ reference, onSaved }: FormProps) {
  const { t } = useTranslation();
  const write = useChildWrite(reference, onSaved);
  const [heardOn, setHeardOn] = useState("");
  const [inPerson, setInPerson] = useState(true);
  const [withInterpreter, setWithInterpreter] = useState(false);
  const [guardianPresent, setGuardianPresent] = useState(false);
  const [summary, setSummary] = useState("");
  const submit = async () => {
    const saved = await write.submit("/views", {
      heardOn,
      inPerson,
      withInterpreter,
      guardianPresent,
      summary,
    });
    if (saved) setSummary("");
  };
  return (
    <FormShell
      title={t("children.views.record")}
      testId="views-form"
      write={write}
      onSubmit={() => void submit()}
    >
      <TextInput
        type="date"
        label={t("children.views.heardOn")}
        value={heardOn}
        onChange={(event) => setHeardOn(event.currentTarget.value)}
        error={problemAt(write.problems, "heardOn")}
        w={{ base: "100%", sm: 240 }}
        data-testid="views-date"
      />
      <Group gap="lg">
        <Checkbox
          label={t("children.views.inPerson")}
          checked={inPerson}
          onChange={(event) => setInPerson(event.currentTarget.checked)}
          data-testid="views-in-person"
        />
        <Checkbox
          label={t("children.views.withInterpreter")}
          checked={withInterpreter}
          onChange={(event) => setWithInterpreter(event.currentTarget.checked)}
          data-testid="views-interpreter"
        />
        <Checkbox
          label={t("children.guardianPresent")}
          checked={guardianPresent}
          onChange={(event) => setGuardianPresent(event.currentTarget.checked)}
          data-testid="views-guardian-present"
        />
      </Group>
      <Textarea
        label={t("children.views.summary")}
        autosize
        minRows={3}
        value={summary}
        onChange={(event) => setSummary(event.currentTarget.value)}
        error={problemAt(write.problems, "summary")}
        data-testid="views-summary"
      />
      <Button type="submit" loading={write.busy} w="fit-content" data-testid="views-submit">
        {t("children.views.submit")}
      </Button>
    </FormShell>
  );
}

export function ParentForm({ reference, onSaved }: FormProps) {
  const { t } = useTranslation();
  const write = useChildWrite(reference, onSaved);
  const [relationship, setRelationship] = useState("");
  const [name, setName] = useState("");
  const [contact, setContact] = useState("");
  const [suspectedTrafficker, setSuspected] = useState(false);
  const relationships = useOptions(parentRelationships, (v) => t(`children.relationship.${v}`));
  const submit = async () => {
    const saved = await write.submit("/parents", {
      relationship,
      name,
      contact: contact || null,
      suspectedTrafficker,
    });
    if (saved) {
      setName("");
      setContact("");
      setSuspected(false);
    }
  };
  return (
    <FormShell
      title={t("children.parents.add")}
      testId="parent-form"
      write={write}
      onSubmit={() => void submit()}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t("children.parents.relationship")}
          data={relationships}
          value={relationship}
          onChange={(event) => setRelationship(event.currentTarget.value)}
          error={problemAt(write.problems, "relationship")}
          data-testid="parent-relationship"
        />
        <TextInput
          label={t("children.parents.name")}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={problemAt(write.problems, "name")}
          data-testid="parent-name"
        />
        <TextInput
          label={t("children.parents.contact")}
          value={contact}
          onChange={(event) => setContact(event.currentTarget.value)}
          error={problemAt(write.problems, "contact")}
          data-testid="parent-contact"
        />
      </SimpleGrid>
      <Checkbox
        label={t("children.parents.suspected")}
        description={t("children.parents.suspectedHint")}
        checked={suspectedTrafficker}
        onChange={(event) => setSuspected(event.currentTarget.checked)}
        data-testid="parent-suspected"
      />
      <Button type="submit" loading={write.busy} w="fit-content" data-testid="parent-submit">
        {t("children.parents.submit")}
      </Button>
    </FormShell>
  );
}

export function LocationForm({ reference, onSaved }: FormProps) {
  const { t } = useTranslation();
  const write = useChildWrite(reference, onSaved);
  const [locationType, setLocationType] = useState("");
  const [since, setSince] = useState("");
  const types = useOptions(childLocationTypes, (v) => t(`children.locationType.${v}`));
  const submit = async () => {
    const saved = await write.submit("/location", { locationType, since: instantOf(since) });
    if (saved) setSince("");
  };
  return (
    <FormShell
      title={t("children.location.record")}
      testId="location-form"
      write={write}
      onSubmit={() => void submit()}
    >
      <Text size="xs" c="dimmed">
        {t("children.location.noAddress")}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t("children.location.type")}
          data={types}
          value={locationType}
          onChange={(event) => setLocationType(event.currentTarget.value)}
          error={problemAt(write.problems, "locationType")}
          data-testid="location-select"
        />
        <TextInput
          type="datetime-local"
          label={t("children.location.since")}
          description={t("children.location.sinceHint")}
          value={since}
          onChange={(event) => setSince(event.currentTarget.value)}
          error={problemAt(write.problems, "since")}
          data-testid="location-since"
        />
      </SimpleGrid>
      <Button type="submit" loading={write.busy} w="fit-content" data-testid="location-submit">
        {t("children.location.submit")}
      </Button>
    </FormShell>
  );
}
