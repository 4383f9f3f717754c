import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import {
  custodyStatuses,
  hearingKinds,
  mitigatingGrounds,
  perpetratorRoles,
  proceedingStages,
  protectiveMeasures,
  testimonyKinds,
  testimonyPresences,
  verdictOutcomes,
} from "../../../../shared/justice";
import { api } from "../../platform/api";
import { hasAnyRole, useMe } from "../../platform/auth";
import { type FieldProblems, problemAt } from "../../platform/errors";
import { useJurisdiction } from "../../platform/jurisdiction";
import { useNames } from "../../platform/labels";
import { ErrorNotice, Loading, NotFoundPage, Page } from "../../platform/layout/Page";
import { useResource } from "../../platform/useResource";
import { FormFailure } from "../../platform/FormFailure";
import { useSubmit } from "../../platform/useSubmit";
import type { Interpreter } from "../security/types";
import { custodyRoles, type LawTable, type Proceeding, recordingRoles, type Victim } from "./types";

/** A local date-time from the browser's picker as an instant; an unreadable value goes as it is. */
function instantOf(local: string): string {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}
const emptyToNull = (value: string) => (value.trim() === "" ? null : value.trim());

function useToday(): string {
  const { jurisdiction } = useJurisdiction();
  return jurisdiction?.today ?? new Date().toISOString().slice(0, 10);
}

/** A titled block of the page. */
function Block({ title, testId, children }: { title: ReactNode; testId: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" data-testid={testId} component="section">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** One proceeding, whole, for the justice compartment: the server answers 404 to anyone else. */
export function ProceedingPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const proceeding = useResource<Proceeding>(`/api/justice/proceedings/${encodeURIComponent(id)}`);
  const law = useResource<LawTable>("/api/justice/law");
  const interpreters = useResource<Interpreter[]>("/api/interpreters");
  if (proceeding.error?.status === 404) return <NotFoundPage />;
  if (proceeding.error) return <ErrorNotice error={proceeding.error} onRetry={proceeding.reload} />;
  if (!proceeding.data) return <Loading />;
  const p = proceeding.data;
  const mayRecord = hasAnyRole(me, recordingRoles);
  const mayCustody = hasAnyRole(me, custodyRoles);
  const reload = proceeding.reload;
  const title =
    [p.prosecutorReference, p.courtReference, p.policeCaseNumber].filter(Boolean).join(" · ") ||
    t("justice.proceeding");
  return (
    <Page
      title={title}
      testId="proceeding-title"
      actions={
        <Group gap="xs">
          <Badge variant="light" data-testid="proceeding-stage">
            {t(`justice.stages.${p.stage}`)}
          </Badge>
          {p.court && <Text size="sm">{p.court}</Text>}
          <Text size="sm" c="dimmed">
            {p.owner.name}
          </Text>
        </Group>
      }
    >
      <Stack gap="md" data-testid="proceeding-page">
        {p.outOfRange > 0 && (
          <Alert color="red" data-testid="proceeding-out-of-range">
            {t("justice.outOfRangeWarning", { count: p.outOfRange })}
          </Alert>
        )}
        {mayRecord && <StageForm proceeding={p} onSaved={reload} />}
        <Victims
          proceeding={p}
          mayRecord={mayRecord}
          interpreters={interpreters.data ?? []}
          onSaved={reload}
        />
        <Defendants proceeding={p} mayRecord={mayRecord} mayCustody={mayCustody} onSaved={reload} />
        <Charges proceeding={p} law={law.data} mayRecord={mayRecord} onSaved={reload} />
        <Hearings
          proceeding={p}
          mayRecord={mayRecord}
          interpreters={interpreters.data ?? []}
          onSaved={reload}
        />
      </Stack>
    </Page>
  );
}

function StageForm({ proceeding, onSaved }: { proceeding: Proceeding; onSaved: () => void }) {
  const { t } = useTranslation();
  const form = useSubmit();
  const [stage, setStage] = useState<string>(proceeding.stage);
  const [courtReference, setCourtReference] = useState(proceeding.courtReference ?? "");
  const [court, setCourt] = useState(proceeding.court ?? "");
  async function submit(event: FormEvent) {
    event.preventDefault();
    await form.run(
      () =>
        api.patch(`/api/justice/proceedings/${proceeding.id}`, {
          stage,
          courtReference: emptyToNull(courtReference),
          court: emptyToNull(court),
        }),
      t("justice.saved"),
      onSaved,
    );
  }
  return (
    <form onSubmit={(event) => void submit(event)} data-testid="stage-form" noValidate>
      <Stack gap="xs">
        <FormFailure failure={form.failure} testId="stage-error" />
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <NativeSelect
            label={t("justice.stage")}
            data={proceedingStages.map((value) => ({ value, label: t(`justice.stages.${value}`) }))}
            value={stage}
            onChange={(event) => setStage(event.currentTarget.value)}
            data-testid="stage-select"
          />
          <TextInput
            label={t("justice.courtReference")}
            value={courtReference}
            onChange={(event) => setCourtReference(event.currentTarget.value)}
            error={problemAt(form.problems, "courtReference")}
          />
          <TextInput
            label={t("justice.court")}
            value={court}
            onChange={(event) => setCourt(event.currentTarget.value)}
            error={problemAt(form.problems, "court")}
          />
          <Button type="submit" loading={form.busy} mt={24} w="fit-content" data-testid="stage-submit">
            {t("justice.save")}
          </Button>
        </SimpleGrid>
      </Stack>
    </form>
  );
}

function Victims({
  proceeding,
  mayRecord,
  interpreters,
  onSaved,
}: {
  proceeding: Proceeding;
  mayRecord: boolean;
  interpreters: Interpreter[];
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const yesNo = (value: boolean) => (value ? t("justice.yes") : t("justice.no"));
  return (
    <Block title={t("justice.victims")} testId="proceeding-victims">
      {proceeding.victims.map((v) => (
        <Paper key={v.id} withBorder p="sm" data-testid="victim-row">
          <Stack gap={6}>
            <Group gap="xs">
              <Anchor component={Link} to={`/cases/${encodeURIComponent(v.case.reference)}`} fw={600}>
                {v.case.reference}
              </Anchor>
              {v.injuredParty && <Badge variant="outline">{t("justice.injuredParty")}</Badge>}
              {v.witness && <Badge variant="outline">{t("justice.witness")}</Badge>}
              {v.witnessProtectionUnit && <Badge color="grape">{t("justice.witnessProtectionUnit")}</Badge>}
            </Group>
            <Text size="sm">
              {t("justice.measuresGranted")}:{" "}
              {v.measuresGranted.map((m) => t(`justice.measures.${m}`)).join("; ") || "—"}
            </Text>
            <Text size="sm">
              {t("justice.measuresRequested")}:{" "}
              {v.measuresRequested.map((m) => t(`justice.measures.${m}`)).join("; ") || "—"}
            </Text>
            <Text size="sm" data-testid="victim-informed" c={v.informed ? undefined : "red"}>
              {v.informed
                ? t("justice.informedBy", { name: v.informed.by.name, time: dateTime(v.informed.at) })
                : t("justice.notInformed")}
            </Text>
            <Text size="sm">
              {t("justice.pastHistoryInCameraOnly")}: {yesNo(v.pastHistoryInCameraOnly)} ·{" "}
              {t("justice.lawyer")}: {v.lawyer ?? "—"}
            </Text>
            {v.testimonies.length > 0 && (
              <Text size="sm" data-testid="victim-testimonies">
                {t("justice.testimonies")}:{" "}
                {v.testimonies
                  .map(
                    (x) =>
                      `${x.on} ${t(`justice.testimonyKinds.${x.kind}`)} (${t(`justice.presences.${x.presence}`)})`,
                  )
                  .join("; ")}
              </Text>
            )}
            {mayRecord && (
              <WitnessForms
                proceedingId={proceeding.id}
                victim={v}
                interpreters={interpreters}
                onSaved={onSaved}
              />
            )}
          </Stack>
        </Paper>
      ))}
      {mayRecord && <LinkVictimForm proceedingId={proceeding.id} onSaved={onSaved} />}
    </Block>
  );
}

function LinkVictimForm({ proceedingId, onSaved }: { proceedingId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const form = useSubmit();
  const [caseReference, setCaseReference] = useState("");
  const [injuredParty, setInjuredParty] = useState(true);
  const [witness, setWitness] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    await form.run(
      () =>
        api.post(`/api/justice/proceedings/${proceedingId}/victims`, {
          caseReference: caseReference.trim(),
          injuredParty,
          witness,
        }),
      t("justice.saved"),
      () => {
        setCaseReference("");
        onSaved();
      },
    );
  }
  return (
    <form onSubmit={(event) => void submit(event)} data-testid="link-victim-form" noValidate>
      <Stack gap="xs">
        <FormFailure failure={form.failure} testId="link-victim-error" />
        <Group align="end" gap="sm">
          <TextInput
            label={t("justice.linkVictim")}
            placeholder={t("justice.caseReference")}
            value={caseReference}
            onChange={(event) => setCaseReference(event.currentTarget.value)}
            error={problemAt(form.problems, "caseReference")}
            data-testid="link-victim-reference"
          />
          <Checkbox
            label={t("justice.injuredParty")}
            checked={injuredParty}
            onChange={(event) => setInjuredParty(event.currentTarget.checked)}
          />
          <Checkbox
            label={t("justice.witness")}
            checked={witness}
            onChange={(event) => setWitness(event.currentTarget.checked)}
          />
          <Button type="submit" variant="light" loading={form.busy} data-testid="link-victim-submit">
            {t("justice.link")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Protective measures, the informed record, testimony, lawyer and interpreter for one victim. */
function WitnessForms({
  proceedingId,
  victim,
  interpreters,
  onSaved,
}: {
  proceedingId: string;
  victim: Victim;
  interpreters: Interpreter[];
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const today = useToday();
  const [opened, setOpened] = useState(false);
  const measuresForm = useSubmit();
  const informedForm = useSubmit();
  const testimonyForm = useSubmit();
  const [requested, setRequested] = useState<string[]>(victim.measuresRequested);
  const [granted, setGranted] = useState<string[]>(victim.measuresGranted);
  const [inCamera, setInCamera] = useState(victim.pastHistoryInCameraOnly);
  const [wpu, setWpu] = useState(victim.witnessProtectionUnit);
  const [lawyer, setLawyer] = useState(victim.lawyer ?? "");
  const [interpreterId, setInterpreterId] = useState(victim.interpreterId ?? "");
  const [testimonyKind, setTestimonyKind] = useState<string>("police_statement");
  const [presence, setPresence] = useState<string>("in_person");
  const [testimonyOn, setTestimonyOn] = useState(today);
  const base = `/api/justice/proceedings/${proceedingId}/victims/${victim.id}`;
  if (!opened)
    return (
      <Button variant="subtle" w="fit-content" onClick={() => setOpened(true)} data-testid="witness-open">
        {t("justice.witnessProtection")}
      </Button>
    );
  const measureOptions = protectiveMeasures.map((m) => (
    <Checkbox key={m} value={m} label={t(`justice.measures.${m}`)} />
  ));
  return (
    <Stack gap="sm">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void measuresForm.run(
            () =>
              api.put(`${base}/witness`, {
                measuresRequested: requested,
                measuresGranted: granted,
                pastHistoryInCameraOnly: inCamera,
                witnessProtectionUnit: wpu,
                lawyer: emptyToNull(lawyer),
                interpreterId: interpreterId === "" ? null : interpreterId,
              }),
            t("justice.saved"),
            onSaved,
          );
        }}
        data-testid="witness-form"
        noValidate
      >
        <Stack gap="xs">
          <FormFailure failure={measuresForm.failure} testId="witness-error" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Checkbox.Group label={t("justice.measuresRequested")} value={requested} onChange={setRequested}>
              <Stack gap={4} mt={4}>
                {measureOptions}
              </Stack>
            </Checkbox.Group>
            <Checkbox.Group label={t("justice.measuresGranted")} value={granted} onChange={setGranted}>
              <Stack gap={4} mt={4}>
                {measureOptions}
              </Stack>
            </Checkbox.Group>
          </SimpleGrid>
          <Checkbox
            label={t("justice.pastHistoryInCameraOnly")}
            checked={inCamera}
            onChange={(event) => setInCamera(event.currentTarget.checked)}
          />
          <Checkbox
            label={t("justice.witnessProtectionUnit")}
            checked={wpu}
            onChange={(event) => setWpu(event.currentTarget.checked)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("justice.lawyer")}
              value={lawyer}
              onChange={(event) => setLawyer(event.currentTarget.value)}
              error={problemAt(measuresForm.problems, "lawyer")}
            />
            <NativeSelect
              label={t("justice.interpreter")}
              data={[
                { value: "", label: "—" },
                ...interpreters.map((i) => ({ value: i.id, label: `${i.name} (${i.languages.join(", ")})` })),
              ]}
              value={interpreterId}
              onChange={(event) => setInterpreterId(event.currentTarget.value)}
            />
          </SimpleGrid>
          <Button type="submit" loading={measuresForm.busy} w="fit-content" data-testid="witness-submit">
            {t("justice.save")}
          </Button>
        </Stack>
      </form>
      <Group gap="sm">
        <FormFailure failure={informedForm.failure} testId="informed-error" />
        <Button
          variant="light"
          loading={informedForm.busy}
          onClick={() =>
            void informedForm.run(() => api.post(`${base}/informed`, {}), t("justice.saved"), onSaved)
          }
          data-testid="informed-submit"
        >
          {t("justice.recordInformed")}
        </Button>
      </Group>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void testimonyForm.run(
            () => api.post(`${base}/testimonies`, { kind: testimonyKind, presence, on: testimonyOn }),
            t("justice.saved"),
            onSaved,
          );
        }}
        data-testid="testimony-form"
        noValidate
      >
        <Stack gap="xs">
          <FormFailure failure={testimonyForm.failure} testId="testimony-error" />
          <Group align="end" gap="sm">
            <NativeSelect
              label={t("justice.testimony")}
              data={testimonyKinds.map((value) => ({ value, label: t(`justice.testimonyKinds.${value}`) }))}
              value={testimonyKind}
              onChange={(event) => setTestimonyKind(event.currentTarget.value)}
            />
            <NativeSelect
              label={t("justice.presence")}
              data={testimonyPresences.map((value) => ({ value, label: t(`justice.presences.${value}`) }))}
              value={presence}
              onChange={(event) => setPresence(event.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t("justice.on")}
              value={testimonyOn}
              onChange={(event) => setTestimonyOn(event.currentTarget.value)}
              error={problemAt(testimonyForm.problems, "on")}
            />
            <Button type="submit" variant="light" loading={testimonyForm.busy}>
              {t("justice.add")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function Defendants({
  proceeding,
  mayRecord,
  mayCustody,
  onSaved,
}: {
  proceeding: Proceeding;
  mayRecord: boolean;
  mayCustody: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { country } = useNames();
  return (
    <Block title={t("justice.defendants")} testId="proceeding-defendants">
      {proceeding.defendants.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("justice.none")}
        </Text>
      ) : (
        <Stack gap="xs">
          {proceeding.defendants.map((d) => (
            <Paper key={d.id} withBorder p="sm" data-testid="defendant-row">
              <Stack gap={6}>
                <Group gap="xs">
                  <Text fw={600} data-testid="defendant-name">
                    {d.name}
                  </Text>
                  {d.nationality && <Text size="sm">{country(d.nationality)}</Text>}
                  <Badge variant="outline">{t(`justice.roles.${d.role}`)}</Badge>
                  <Badge
                    color={
                      ["released_pending_appeal", "acquitted", "escaped"].includes(d.custody) ? "red" : "gray"
                    }
                    data-testid="defendant-custody"
                  >
                    {t(`justice.custody.${d.custody}`)}
                    {d.custodySince ? ` · ${d.custodySince}` : ""}
                  </Badge>
                </Group>
                {mayCustody && (
                  <CustodyForm proceedingId={proceeding.id} defendantId={d.id} onSaved={onSaved} />
                )}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      {mayRecord && <DefendantForm proceedingId={proceeding.id} onSaved={onSaved} />}
    </Block>
  );
}

function CustodyForm({
  proceedingId,
  defendantId,
  onSaved,
}: {
  proceedingId: string;
  defendantId: string;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const today = useToday();
  const form = useSubmit();
  const [status, setStatus] = useState<string>("detained");
  const [on, setOn] = useState(today);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void form.run(
          () =>
            api.post(`/api/justice/proceedings/${proceedingId}/defendants/${defendantId}/custody`, {
              status,
              on,
            }),
          t("justice.saved"),
          onSaved,
        );
      }}
      data-testid="custody-form"
      noValidate
    >
      <Stack gap="xs">
        <FormFailure failure={form.failure} testId="custody-error" />
        <Group align="end" gap="sm">
          <NativeSelect
            label={t("justice.custodyNow")}
            data={custodyStatuses.map((value) => ({ value, label: t(`justice.custody.${value}`) }))}
            value={status}
            onChange={(event) => setStatus(event.currentTarget.value)}
            data-testid="custody-status"
          />
          <TextInput
            type="date"
            label={t("justice.since")}
            value={on}
            onChange={(event) => setOn(event.currentTarget.value)}
            error={problemAt(form.problems, "on")}
            data-testid="custody-on"
          />
          <Button type="submit" variant="light" loading={form.busy} data-testid="custody-submit">
            {t("justice.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DefendantForm({ proceedingId, onSaved }: { proceedingId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const { countryOptions } = useNames();
  const form = useSubmit();
  const [name, setName] = useState("");
  const [nationality, setNationality] = useState("");
  const [role, setRole] = useState<string>("exploiter");
  const [custody, setCustody] = useState<string>("detained");
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void form.run(
          () =>
            api.post(`/api/justice/proceedings/${proceedingId}/defendants`, {
              name,
              nationality: nationality === "" ? null : nationality,
              role,
              custody,
            }),
          t("justice.saved"),
          () => {
            setName("");
            onSaved();
          },
        );
      }}
      data-testid="defendant-form"
      noValidate
    >
      <Stack gap="xs">
        <Text fw={600}>{t("justice.addDefendant")}</Text>
        <FormFailure failure={form.failure} testId="defendant-error" />
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <TextInput
            label={t("justice.name")}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={problemAt(form.problems, "name")}
            data-testid="defendant-name-input"
          />
          <NativeSelect
            label={t("justice.nationality")}
            data={[{ value: "", label: "—" }, ...countryOptions()]}
            value={nationality}
            onChange={(event) => setNationality(event.currentTarget.value)}
            data-testid="defendant-nationality"
          />
          <NativeSelect
            label={t("justice.role")}
            data={perpetratorRoles.map((value) => ({ value, label: t(`justice.roles.${value}`) }))}
            value={role}
            onChange={(event) => setRole(event.currentTarget.value)}
            data-testid="defendant-role"
          />
          <NativeSelect
            label={t("justice.custodyNow")}
            data={custodyStatuses.map((value) => ({ value, label: t(`justice.custody.${value}`) }))}
            value={custody}
            onChange={(event) => setCustody(event.currentTarget.value)}
          />
        </SimpleGrid>
        <Button type="submit" loading={form.busy} w="fit-content" data-testid="defendant-submit">
          {t("justice.add")}
        </Button>
      </Stack>
    </form>
  );
}

/** "min–max months" for a statutory range; a missing bound shows as a dash. */
function useRangeText() {
  const { t } = useTranslation();
  return (min: number | null, max: number | null) =>
    max === null
      ? t("justice.rangeFrom", { min: min ?? 0 })
      : t("justice.rangeMonths", { min: min ?? 0, max });
}

function Charges({
  proceeding,
  law,
  mayRecord,
  onSaved,
}: {
  proceeding: Proceeding;
  law: LawTable | undefined;
  mayRecord: boolean;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const rangeText = useRangeText();
  const nameOf = (id: string) => proceeding.defendants.find((d) => d.id === id)?.name ?? "";
  const titleOf = (section: string) => {
    const found = law?.sections.find((s) => s.section === section);
    if (!found) return section;
    const lang = (["en", "sq", "sr"] as const).find((l) => l === i18n.language) ?? "en";
    return `${section} ${found.title[lang]}`;
  };
  return (
    <Block title={t("justice.charges")} testId="proceeding-charges">
      {proceeding.charges.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("justice.none")}
        </Text>
      ) : (
        <Stack gap="xs">
          {proceeding.charges.map((c) => (
            <Paper key={c.id} withBorder p="sm" data-testid="charge-row">
              <Stack gap={6}>
                <Group gap="xs">
                  <Text fw={600}>{nameOf(c.defendantId)}</Text>
                  <Text size="sm" data-testid="charge-section">
                    {titleOf(c.section)}
                  </Text>
                  {c.minorVictim && <Badge color="orange">{t("justice.minorVictim")}</Badge>}
                  <Text size="xs" c="dimmed">
                    {c.chargedOn}
                  </Text>
                </Group>
                {c.verdict ? (
                  <Group gap="xs" data-testid="charge-verdict">
                    <Badge variant="light">{t(`justice.outcomes.${c.verdict.outcome}`)}</Badge>
                    {c.verdict.imprisonmentMonths !== null && (
                      <Text size="sm">{t("justice.months", { count: c.verdict.imprisonmentMonths })}</Text>
                    )}
                    {c.verdict.fineEuros !== null && <Text size="sm">€{c.verdict.fineEuros}</Text>}
                    {c.verdict.suspended && <Badge color="gray">{t("justice.suspended")}</Badge>}
                    {c.verdict.mitigatingGrounds.length > 0 && (
                      <Text size="sm">
                        {t("justice.mitigating")}:{" "}
                        {c.verdict.mitigatingGrounds.map((g) => t(`justice.grounds.${g}`)).join("; ")}
                      </Text>
                    )}
                    {c.verdict.rangeCheck && (
                      <Badge
                        color={c.verdict.outOfRange ? "red" : "green"}
                        data-testid={c.verdict.outOfRange ? "charge-out-of-range" : "charge-within-range"}
                      >
                        {t(`justice.rangeChecks.${c.verdict.rangeCheck}`)} (
                        {rangeText(c.verdict.minimumMonths, c.verdict.maximumMonths)})
                      </Badge>
                    )}
                  </Group>
                ) : (
                  mayRecord && <VerdictForm proceedingId={proceeding.id} chargeId={c.id} onSaved={onSaved} />
                )}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      {mayRecord && proceeding.defendants.length > 0 && law && (
        <ChargeForm proceeding={proceeding} law={law} titleOf={titleOf} onSaved={onSaved} />
      )}
    </Block>
  );
}

function ChargeForm({
  proceeding,
  law,
  titleOf,
  onSaved,
}: {
  proceeding: Proceeding;
  law: LawTable;
  titleOf: (section: string) => string;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const rangeText = useRangeText();
  const today = useToday();
  const form = useSubmit();
  const [defendantId, setDefendantId] = useState(proceeding.defendants[0]?.id ?? "");
  const [section, setSection] = useState(law.sections[0]?.section ?? "");
  const [chargedOn, setChargedOn] = useState(today);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void form.run(
          () =>
            api.post(`/api/justice/proceedings/${proceeding.id}/charges`, {
              defendantId,
              section,
              chargedOn,
            }),
          t("justice.saved"),
          onSaved,
        );
      }}
      data-testid="charge-form"
      noValidate
    >
      <Stack gap="xs">
        <Text fw={600}>{t("justice.addCharge")}</Text>
        <FormFailure failure={form.failure} testId="charge-error" />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t("justice.defendant")}
            data={proceeding.defendants.map((d) => ({ value: d.id, label: d.name }))}
            value={defendantId}
            onChange={(event) => setDefendantId(event.currentTarget.value)}
            error={problemAt(form.problems, "defendantId")}
            data-testid="charge-defendant"
          />
          <NativeSelect
            label={t("justice.section")}
            data={law.sections.map((s) => ({
              value: s.section,
              label: `${titleOf(s.section)} (${rangeText(s.minimumMonths, s.maximumMonths)})`,
            }))}
            value={section}
            onChange={(event) => setSection(event.currentTarget.value)}
            error={problemAt(form.problems, "section")}
            data-testid="charge-section-select"
          />
          <TextInput
            type="date"
            label={t("justice.chargedOn")}
            value={chargedOn}
            onChange={(event) => setChargedOn(event.currentTarget.value)}
            error={problemAt(form.problems, "chargedOn")}
            data-testid="charge-on"
          />
        </SimpleGrid>
        <Button type="submit" loading={form.busy} w="fit-content" data-testid="charge-submit">
          {t("justice.add")}
        </Button>
      </Stack>
    </form>
  );
}

function VerdictForm({
  proceedingId,
  chargeId,
  onSaved,
}: {
  proceedingId: string;
  chargeId: string;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const today = useToday();
  const form = useSubmit();
  const [outcome, setOutcome] = useState<string>("convicted");
  const [months, setMonths] = useState<number | string>("");
  const [fine, setFine] = useState<number | string>("");
  const [suspended, setSuspended] = useState(false);
  const [grounds, setGrounds] = useState<string[]>([]);
  const [decidedOn, setDecidedOn] = useState(today);
  const problems: FieldProblems = form.problems;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void form.run(
          () =>
            api.post(`/api/justice/proceedings/${proceedingId}/verdicts`, {
              chargeId,
              outcome,
              decidedOn,
              imprisonmentMonths: typeof months === "number" ? months : null,
              fineEuros: typeof fine === "number" ? fine : null,
              suspended,
              mitigatingGrounds: grounds,
            }),
          t("justice.saved"),
          onSaved,
        );
      }}
      data-testid="verdict-form"
      noValidate
    >
      <Stack gap="xs">
        <FormFailure failure={form.failure} testId="verdict-error" />
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <NativeSelect
            label={t("justice.verdict")}
            data={verdictOutcomes.map((value) => ({ value, label: t(`justice.outcomes.${value}`) }))}
            value={outcome}
            onChange={(event) => setOutcome(event.currentTarget.value)}
            data-testid="verdict-outcome"
          />
          <NumberInput
            label={t("justice.imprisonmentMonths")}
            value={months}
            min={0}
            max={600}
            allowDecimal={false}
            onChange={setMonths}
            error={problemAt(problems, "imprisonmentMonths")}
            data-testid="verdict-months"
          />
          <NumberInput
            label={t("justice.fineEuros")}
            value={fine}
            min={0}
            allowDecimal={false}
            onChange={setFine}
            error={problemAt(problems, "fineEuros")}
          />
          <TextInput
            type="date"
            label={t("justice.decidedOn")}
            value={decidedOn}
            onChange={(event) => setDecidedOn(event.currentTarget.value)}
            error={problemAt(problems, "decidedOn")}
            data-testid="verdict-on"
          />
        </SimpleGrid>
        <Checkbox
          label={t("justice.suspended")}
          checked={suspended}
          onChange={(event) => setSuspended(event.currentTarget.checked)}
          error={problemAt(problems, "suspended")}
          data-testid="verdict-suspended"
        />
        <Checkbox.Group label={t("justice.mitigating")} value={grounds} onChange={setGrounds}>
          <Group gap="sm" mt={4}>
            {mitigatingGrounds.map((g) => (
              <Checkbox key={g} value={g} label={t(`justice.grounds.${g}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Button type="submit" loading={form.busy} w="fit-content" data-testid="verdict-submit">
          {t("justice.recordVerdict")}
        </Button>
      </Stack>
    </form>
  );
}

function Hearings({
  proceeding,
  mayRecord,
  interpreters,
  onSaved,
}: {
  proceeding: Proceeding;
  mayRecord: boolean;
  interpreters: Interpreter[];
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const form = useSubmit();
  const [kind, setKind] = useState<string>("trial");
  const [at, setAt] = useState("");
  const [interpreterId, setInterpreterId] = useState("");
  const interpreterName = (id: string | null) => interpreters.find((i) => i.id === id)?.name;
  return (
    <Block title={t("justice.hearings")} testId="proceeding-hearings">
      {proceeding.hearings.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("justice.none")}
        </Text>
      ) : (
        <Table verticalSpacing="xs">
          <Table.Tbody>
            {proceeding.hearings.map((h) => (
              <Table.Tr key={h.id} data-testid="hearing-row">
                <Table.Td>{dateTime(h.at)}</Table.Td>
                <Table.Td>{t(`justice.hearingKinds.${h.kind}`)}</Table.Td>
                <Table.Td>
                  {h.interpreterId ? (interpreterName(h.interpreterId) ?? t("justice.interpreter")) : ""}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {mayRecord && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void form.run(
              () =>
                api.post(`/api/justice/proceedings/${proceeding.id}/hearings`, {
                  kind,
                  at: instantOf(at),
                  interpreterId: interpreterId === "" ? null : interpreterId,
                }),
              t("justice.saved"),
              () => {
                setAt("");
                onSaved();
              },
            );
          }}
          data-testid="hearing-form"
          noValidate
        >
          <Stack gap="xs">
            <FormFailure failure={form.failure} testId="hearing-error" />
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <NativeSelect
                label={t("justice.hearing")}
                data={hearingKinds.map((value) => ({ value, label: t(`justice.hearingKinds.${value}`) }))}
                value={kind}
                onChange={(event) => setKind(event.currentTarget.value)}
                data-testid="hearing-kind"
              />
              <TextInput
                type="datetime-local"
                label={t("justice.at")}
                value={at}
                onChange={(event) => setAt(event.currentTarget.value)}
                error={problemAt(form.problems, "at")}
                data-testid="hearing-at"
              />
              <NativeSelect
                label={t("justice.interpreter")}
                data={[
                  { value: "", label: "—" },
                  ...interpreters.map((i) => ({
                    value: i.id,
                    label: `${i.name} (${i.languages.join(", ")})`,
                  })),
                ]}
                value={interpreterId}
                onChange={(event) => setInterpreterId(event.currentTarget.value)}
              />
              <Button type="submit" loading={form.busy} mt={24} w="fit-content" data-testid="hearing-submit">
                {t("justice.add")}
              </Button>
            </SimpleGrid>
          </Stack>
        </form>
      )}
    </Block>
  );
}
