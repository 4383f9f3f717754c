import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Code,
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
  type FollowUpOutcome,
  followUpOutcomes,
  type FutureOption,
  futureOptions,
  type HandOverSection,
  handOverSections,
  isReturnOption,
  type RiskFactor,
  riskFactors,
  riskLevels,
  riskRecommendations,
  travelDocumentStatuses,
} from "../../../../shared/future";
import { api } from "../../platform/api";
import { describeError, problemAt } from "../../platform/errors";
import { useNames } from "../../platform/labels";
import type { TeamMember } from "../cases/types";
import { futurePath, type HandOverMade } from "./types";
import { useSubmit } from "../../platform/useSubmit";

const orNull = (value: string) => (value.trim() === "" ? null : value);

function FormShell({
  testId,
  title,
  failure,
  children,
  onSubmit,
}: {
  testId: string;
  title: string;
  failure: unknown;
  children: ReactNode;
  onSubmit: () => void;
}) {
  return (
    <form
      data-testid={testId}
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <Stack gap="sm" mt="sm">
        <Text fw={600}>{title}</Text>
        {failure !== null && (
          <Alert color="red" role="alert">
            {describeError(failure)}
          </Alert>
        )}
        {children}
      </Stack>
    </form>
  );
}

export function RiskAssessmentForm({ reference, onDone }: { reference: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { busy, failure, problems, run } = useSubmit();
  const [level, setLevel] = useState("");
  const [factors, setFactors] = useState<RiskFactor[]>([]);
  const [recommendation, setRecommendation] = useState("");
  const [assessedOn, setAssessedOn] = useState("");
  const [assessment, setAssessment] = useState("");
  const submit = () =>
    void run(
      () =>
        api.post(futurePath(reference, "risk-assessments"), {
          level,
          factors,
          recommendation,
          assessedOn: orNull(assessedOn),
          assessment: orNull(assessment),
        }),
      t("future.risk.recorded"),
      () => {
        setFactors([]);
        setAssessment("");
        onDone();
      },
    );
  return (
    <FormShell testId="risk-form" title={t("future.risk.record")} failure={failure} onSubmit={submit}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t("future.risk.level")}
          data={[
            { value: "", label: t("common.choose") },
            ...riskLevels.map((v) => ({ value: v, label: t(`future.riskLevel.${v}`) })),
          ]}
          value={level}
          onChange={(e) => setLevel(e.currentTarget.value)}
          error={problemAt(problems, "level")}
          data-testid="risk-level"
        />
        <NativeSelect
          label={t("future.risk.recommendation")}
          data={[
            { value: "", label: t("common.choose") },
            ...riskRecommendations.map((v) => ({ value: v, label: t(`future.recommendation.${v}`) })),
          ]}
          value={recommendation}
          onChange={(e) => setRecommendation(e.currentTarget.value)}
          error={problemAt(problems, "recommendation")}
          data-testid="risk-recommendation"
        />
        <TextInput
          type="date"
          label={t("future.risk.assessedOn")}
          description={t("future.todayByDefault")}
          value={assessedOn}
          onChange={(e) => setAssessedOn(e.currentTarget.value)}
          error={problemAt(problems, "assessedOn")}
        />
      </SimpleGrid>
      <Checkbox.Group
        label={t("future.risk.factors")}
        value={factors}
        onChange={(values) => setFactors(riskFactors.filter((f) => values.includes(f)))}
        error={problemAt(problems, "factors")}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt={6} spacing="xs">
          {riskFactors.map((f) => (
            <Checkbox
              key={f}
              value={f}
              label={t(`future.riskFactor.${f}`)}
              data-testid={`risk-factor-${f}`}
            />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Textarea
        label={t("future.risk.assessment")}
        description={t("future.sealedHint")}
        autosize
        minRows={2}
        value={assessment}
        onChange={(e) => setAssessment(e.currentTarget.value)}
        error={problemAt(problems, "assessment")}
      />
      <Button type="submit" loading={busy} w="fit-content" data-testid="risk-submit">
        {t("future.risk.submit")}
      </Button>
    </FormShell>
  );
}

export function DecisionForm({ reference, onDone }: { reference: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { busy, failure, problems, run } = useSubmit();
  const [option, setOption] = useState("");
  const [decidedOn, setDecidedOn] = useState("");
  const [planned, setPlanned] = useState("");
  const [note, setNote] = useState("");
  const returning = option !== "" && isReturnOption(option as FutureOption);
  const submit = () =>
    void run(
      () =>
        api.post(futurePath(reference, "decisions"), {
          option,
          decidedOn: orNull(decidedOn),
          plannedDepartureOn: returning ? orNull(planned) : null,
          note: orNull(note),
        }),
      t("future.decision.recorded"),
      () => {
        setNote("");
        onDone();
      },
    );
  return (
    <FormShell testId="decision-form" title={t("future.decision.record")} failure={failure} onSubmit={submit}>
      <Text size="sm" c="dimmed">
        {t("future.decision.hint")}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t("future.decision.option")}
          data={[
            { value: "", label: t("common.choose") },
            ...futureOptions.map((v) => ({ value: v, label: t(`future.option.${v}`) })),
          ]}
          value={option}
          onChange={(e) => setOption(e.currentTarget.value)}
          error={problemAt(problems, "option")}
          data-testid="decision-option"
        />
        <TextInput
          type="date"
          label={t("future.decision.decidedOn")}
          description={t("future.todayByDefault")}
          value={decidedOn}
          onChange={(e) => setDecidedOn(e.currentTarget.value)}
          error={problemAt(problems, "decidedOn")}
        />
        {returning && (
          <TextInput
            type="date"
            label={t("future.decision.plannedDepartureOn")}
            value={planned}
            onChange={(e) => setPlanned(e.currentTarget.value)}
            error={problemAt(problems, "plannedDepartureOn")}
            data-testid="decision-planned"
          />
        )}
      </SimpleGrid>
      {returning && (
        <Text size="sm" c="dimmed">
          {t("future.decision.prosecutorNotified")}
        </Text>
      )}
      <Textarea
        label={t("future.decision.note")}
        description={t("future.sealedHint")}
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={problemAt(problems, "note")}
      />
      <Button type="submit" loading={busy} w="fit-content" data-testid="decision-submit">
        {t("future.decision.submit")}
      </Button>
    </FormShell>
  );
}

export function ReturnForm({
  reference,
  team,
  onDone,
}: {
  reference: string;
  team: TeamMember[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { countryOptions } = useNames();
  const { busy, failure, problems, run } = useSubmit();
  const [status, setStatus] = useState("");
  const [documentOn, setDocumentOn] = useState("");
  const [documentNumber, setDocumentNumber] = useState("");
  const [escorted, setEscorted] = useState(false);
  const [escortAgencyId, setEscortAgencyId] = useState("");
  const [departureOn, setDepartureOn] = useState("");
  const [destination, setDestination] = useState("");
  const [partnerName, setPartnerName] = useState("");
  const [partnerCountry, setPartnerCountry] = useState("");
  const countries = [{ value: "", label: t("common.choose") }, ...countryOptions()];
  const submit = () =>
    void run(
      () =>
        api.post(futurePath(reference, "return"), {
          travelDocumentStatus: orNull(status),
          travelDocumentOn: orNull(documentOn),
          travelDocumentNumber: orNull(documentNumber),
          escorted,
          escortAgencyId: escorted ? orNull(escortAgencyId) : null,
          departureOn: orNull(departureOn),
          destinationCountry: destination,
          partnerName: orNull(partnerName),
          partnerCountry: orNull(partnerCountry),
        }),
      t("future.return.recorded"),
      () => {
        setDocumentNumber("");
        onDone();
      },
    );
  return (
    <FormShell testId="return-form" title={t("future.return.record")} failure={failure} onSubmit={submit}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t("future.return.travelDocumentStatus")}
          data={[
            { value: "", label: t("future.return.noDocument") },
            ...travelDocumentStatuses.map((v) => ({ value: v, label: t(`future.documentStatus.${v}`) })),
          ]}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          error={problemAt(problems, "travelDocumentStatus")}
          data-testid="return-document-status"
        />
        <TextInput
          type="date"
          label={t("future.return.travelDocumentOn")}
          value={documentOn}
          onChange={(e) => setDocumentOn(e.currentTarget.value)}
          error={problemAt(problems, "travelDocumentOn")}
        />
        <TextInput
          label={t("future.return.travelDocumentNumber")}
          description={t("future.sealedHint")}
          value={documentNumber}
          onChange={(e) => setDocumentNumber(e.currentTarget.value)}
          error={problemAt(problems, "travelDocumentNumber")}
        />
        <TextInput
          type="date"
          label={t("future.return.departureOn")}
          value={departureOn}
          onChange={(e) => setDepartureOn(e.currentTarget.value)}
          error={problemAt(problems, "departureOn")}
          data-testid="return-departure"
        />
        <NativeSelect
          label={t("future.return.destinationCountry")}
          data={countries}
          value={destination}
          onChange={(e) => setDestination(e.currentTarget.value)}
          error={problemAt(problems, "destinationCountry")}
          data-testid="return-destination"
        />
      </SimpleGrid>
      <Group gap="lg" align="flex-end">
        <Checkbox
          label={t("future.return.escorted")}
          checked={escorted}
          onChange={(e) => setEscorted(e.currentTarget.checked)}
          data-testid="return-escorted"
        />
        {escorted && (
          <NativeSelect
            label={t("future.return.escortAgency")}
            data={[
              { value: "", label: t("common.choose") },
              ...team.map((m) => ({ value: m.agency.id, label: m.agency.name })),
            ]}
            value={escortAgencyId}
            onChange={(e) => setEscortAgencyId(e.currentTarget.value)}
            error={problemAt(problems, "escortAgencyId")}
            data-testid="return-escort-agency"
          />
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("future.return.partnerName")}
          value={partnerName}
          onChange={(e) => setPartnerName(e.currentTarget.value)}
          error={problemAt(problems, "partnerName")}
          data-testid="return-partner-name"
        />
        <NativeSelect
          label={t("future.return.partnerCountry")}
          data={countries}
          value={partnerCountry}
          onChange={(e) => setPartnerCountry(e.currentTarget.value)}
          error={problemAt(problems, "partnerCountry")}
          data-testid="return-partner-country"
        />
      </SimpleGrid>
      <Button type="submit" loading={busy} w="fit-content" data-testid="return-submit">
        {t("future.return.submit")}
      </Button>
    </FormShell>
  );
}

export function HandOverForm({ reference, onDone }: { reference: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { busy, failure, problems, run } = useSubmit();
  const [sections, setSections] = useState<HandOverSection[]>([]);
  const [consent, setConsent] = useState(false);
  const [made, setMade] = useState<HandOverMade | null>(null);
  const submit = () =>
    void run(
      async () => {
        setMade(
          await api.post<HandOverMade>(futurePath(reference, "return/hand-over"), {
            sections,
            consentGiven: consent,
            language: i18n.language,
          }),
        );
      },
      t("future.handOver.made"),
      () => {
        setConsent(false);
        onDone();
      },
    );
  return (
    <FormShell testId="handover-form" title={t("future.handOver.make")} failure={failure} onSubmit={submit}>
      <Text size="sm" c="dimmed">
        {t("future.handOver.hint")}
      </Text>
      <Checkbox.Group
        label={t("future.handOver.sections")}
        value={sections}
        onChange={(values) => setSections(handOverSections.filter((s) => values.includes(s)))}
        error={problemAt(problems, "sections")}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt={6} spacing="xs">
          {handOverSections.map((s) => (
            <Checkbox
              key={s}
              value={s}
              label={t(`future.section.${s}`)}
              data-testid={`handover-section-${s}`}
            />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Checkbox
        label={t("future.handOver.consent")}
        checked={consent}
        onChange={(e) => setConsent(e.currentTarget.checked)}
        error={problemAt(problems, "consentGiven")}
        data-testid="handover-consent"
      />
      <Button type="submit" loading={busy} w="fit-content" data-testid="handover-submit">
        {t("future.handOver.submit")}
      </Button>
      {made && (
        <Alert color="yellow" title={t("future.handOver.keyTitle")}>
          <Stack gap="xs">
            <Text size="sm">{t("future.handOver.keyOnce")}</Text>
            <Code block data-testid="handover-key">
              {made.passphrase}
            </Code>
            <Group gap="md">
              <Anchor href={made.packageUrl} download data-testid="handover-package-link">
                {t("future.handOver.package")}
              </Anchor>
              <Anchor href={made.pdfUrl} download data-testid="handover-pdf-link">
                {t("future.handOver.pdf")}
              </Anchor>
            </Group>
          </Stack>
        </Alert>
      )}
    </FormShell>
  );
}

export function FollowUpResultForm({
  reference,
  followUpId,
  onDone,
}: {
  reference: string;
  followUpId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { busy, failure, problems, run } = useSubmit();
  const [heldOn, setHeldOn] = useState("");
  const [outcomes, setOutcomes] = useState<FollowUpOutcome[]>([]);
  const [notes, setNotes] = useState("");
  const submit = () =>
    void run(
      () =>
        api.post(futurePath(reference, `follow-ups/${followUpId}/result`), {
          heldOn: orNull(heldOn),
          outcomes,
          notes: orNull(notes),
        }),
      t("future.followUp.recorded"),
      onDone,
    );
  return (
    <FormShell
      testId="follow-up-result-form"
      title={t("future.followUp.record")}
      failure={failure}
      onSubmit={submit}
    >
      <TextInput
        type="date"
        label={t("future.followUp.heldOn")}
        description={t("future.todayByDefault")}
        value={heldOn}
        onChange={(e) => setHeldOn(e.currentTarget.value)}
        error={problemAt(problems, "heldOn")}
        maw={240}
      />
      <Checkbox.Group
        label={t("future.followUp.outcomes")}
        value={outcomes}
        onChange={(values) => setOutcomes(followUpOutcomes.filter((o) => values.includes(o)))}
        error={problemAt(problems, "outcomes")}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt={6} spacing="xs">
          {followUpOutcomes.map((o) => (
            <Checkbox
              key={o}
              value={o}
              label={t(`future.outcome.${o}`)}
              data-testid={`follow-up-outcome-${o}`}
            />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      {outcomes.includes("re_trafficked") && (
        <Alert color="orange">{t("future.followUp.linkSuggestion")}</Alert>
      )}
      <Textarea
        label={t("future.followUp.notes")}
        description={t("future.sealedHint")}
        autosize
        minRows={2}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        error={problemAt(problems, "notes")}
      />
      <Button type="submit" loading={busy} w="fit-content" data-testid="follow-up-submit">
        {t("future.followUp.submit")}
      </Button>
    </FormShell>
  );
}

export function ReTraffickingForm({ reference, onDone }: { reference: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { busy, failure, problems, run } = useSubmit();
  const [earlier, setEarlier] = useState("");
  const submit = () =>
    void run(
      () => api.post(futurePath(reference, "re-trafficking"), { earlierReference: earlier.trim() }),
      t("future.reTrafficking.linked"),
      () => {
        setEarlier("");
        onDone();
      },
    );
  return (
    <FormShell
      testId="retrafficking-form"
      title={t("future.reTrafficking.link")}
      failure={failure}
      onSubmit={submit}
    >
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t("future.reTrafficking.earlierReference")}
          placeholder="NRM-2026-00001"
          value={earlier}
          onChange={(e) => setEarlier(e.currentTarget.value)}
          error={problemAt(problems, "earlierReference")}
          data-testid="retrafficking-reference"
        />
        <Button type="submit" loading={busy} data-testid="retrafficking-submit">
          {t("future.reTrafficking.submit")}
        </Button>
      </Group>
    </FormShell>
  );
}
