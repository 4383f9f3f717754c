import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  inspectorKinds,
  interpreterStates,
  offLimitsLanguages,
  type OperationKind,
  operationKinds,
  perpetratorRoles,
  type PremisesKind,
  premisesKinds,
  type PremisesStatus,
  seizureKinds,
  type StatusSource,
  statusSources,
} from "../../../../shared/intelligence";
import { genders } from "../../../../shared/vocabulary";
import { api } from "../../platform/api";
import { useMe } from "../../platform/auth";
import { problemAt } from "../../platform/errors";
import { useJurisdiction } from "../../platform/jurisdiction";
import { useNames } from "../../platform/labels";
import { ErrorNotice, Loading, Page } from "../../platform/layout/Page";
import { FormFailure } from "../../platform/FormFailure";
import { useResource } from "../../platform/useResource";
import { useSubmit } from "../../platform/useSubmit";

interface PremisesSummary {
  id: string;
  name: string;
  kind: PremisesKind;
  address: string;
  municipality: string;
  region: string;
  status: PremisesStatus;
  offLimits: boolean;
  openFlags: number;
}

interface Flag {
  id: string;
  reason: "same_address" | "same_operator";
  decision: string;
  premisesId: string;
  premisesName: string;
  closedPremisesId: string;
  closedPremisesName: string;
}

interface PremisesDetail extends PremisesSummary {
  parties: { id: string; role: "operator" | "owner"; kind: "person" | "company"; name: string }[];
  history: { status: PremisesStatus; source: StatusSource; effectiveOn: string; recordedAt: string }[];
  closures: { orderedOn: string; authority: string; durationDays: number | null; endsOn: string | null }[];
  flags: Flag[];
  operations: { id: string; kind: OperationKind; conductedOn: string }[];
  suspects: { id: string; kind: string; name: string; roles: string[] }[];
}

interface OperationSummary {
  id: string;
  kind: OperationKind;
  conductedOn: string;
  region: string;
  premisesId: string | null;
  peopleFound: number;
  identified: number;
  arrests: number;
}

interface OperationDetail {
  id: string;
  premisesName: string | null;
  units: string;
  inspectors: string[];
  interview: {
    inPrivate: boolean;
    outOfSightAndHearingOfOwners: boolean;
    interpreter: (typeof interpreterStates)[number];
    femaleOfficerPresent: boolean;
  };
  arrests: { nationality: string }[];
  seizures: { kind: (typeof seizureKinds)[number]; quantity: number }[];
  cases: { reference: string; created: boolean }[];
}

interface OffLimits {
  current: PremisesSummary[];
  pending: { added: string[]; removed: string[] };
  versions: { version: number; publishedOn: string; count: number; added: number; removed: number }[];
}

interface Figures {
  operationsByKind: Record<string, number>;
  operations: number;
  premisesClosed: number;
  reopenings: number;
  peopleFound: number;
  peopleIdentified: number;
  arrests: number;
  arrestsByNationality: { nationality: string; count: number }[];
}

const policeAgencies = ["police_anti_trafficking", "border_police"];

/**
 * Police intelligence (seed 002): premises, operations, suspects and the off-limits list, in their
 * own compartment. The server answers 404 to anyone outside it; coordinators see the figures only.
 */
export function IntelligencePage() {
  const { t } = useTranslation();
  const me = useMe();
  const inside =
    policeAgencies.includes(me.agency.type) &&
    (me.roles.includes("police_investigator") || me.roles.includes("supervisor"));
  if (!inside && me.roles.includes("coordinator"))
    return (
      <Page title={t("intelligence.title")}>
        <FiguresPanel />
      </Page>
    );
  if (!inside)
    return (
      <Page title={t("intelligence.title")}>
        <Alert color="gray">{t("intelligence.outside")}</Alert>
      </Page>
    );
  return (
    <Page title={t("intelligence.title")}>
      <Tabs defaultValue="premises" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="premises" data-testid="intel-tab-premises">
            {t("intelligence.tabs.premises")}
          </Tabs.Tab>
          <Tabs.Tab value="operations" data-testid="intel-tab-operations">
            {t("intelligence.tabs.operations")}
          </Tabs.Tab>
          <Tabs.Tab value="suspects" data-testid="intel-tab-suspects">
            {t("intelligence.tabs.suspects")}
          </Tabs.Tab>
          <Tabs.Tab value="offLimits" data-testid="intel-tab-off-limits">
            {t("intelligence.tabs.offLimits")}
          </Tabs.Tab>
          <Tabs.Tab value="figures" data-testid="intel-tab-figures">
            {t("intelligence.tabs.figures")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="premises" pt="md">
          <PremisesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="operations" pt="md">
          <OperationsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="suspects" pt="md">
          <SuspectsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="offLimits" pt="md">
          <OffLimitsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="figures" pt="md">
          <FiguresPanel />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}

function RegionSelect(props: {
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  testId: string;
}) {
  const { t } = useTranslation();
  const { jurisdiction } = useJurisdiction();
  return (
    <NativeSelect
      label={t("intelligence.region")}
      data={[
        { value: "", label: t("common.choose") },
        ...(jurisdiction?.regions ?? []).map((r) => ({ value: r.code, label: r.name })),
      ]}
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      error={props.error}
      data-testid={props.testId}
    />
  );
}

function StatusBadge({ status }: { status: PremisesStatus }) {
  const { t } = useTranslation();
  const color =
    status === "closed_by_order"
      ? "red"
      : status === "off_limits" || status === "reopened"
        ? "orange"
        : "gray";
  return (
    <Badge color={color} variant="light" data-testid="premises-status" data-status={status}>
      {t(`intelligence.status.${status}`)}
    </Badge>
  );
}

function PremisesPanel() {
  const { t } = useTranslation();
  const list = useResource<PremisesSummary[]>("/api/intelligence/premises");
  const [selected, setSelected] = useState<string | null>(null);
  if (list.error) return <ErrorNotice error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  return (
    <Stack gap="md">
      <PremisesForm
        onCreated={(id) => {
          list.reload();
          setSelected(id);
        }}
      />
      <Stack gap="xs" data-testid="premises-list">
        {list.data.length === 0 && <Text>{t("intelligence.premises.none")}</Text>}
        {list.data.map((p) => (
          <Paper key={p.id} withBorder p="sm" data-testid="premises-row" data-name={p.name}>
            <Group justify="space-between" wrap="wrap">
              <Stack gap={2}>
                <Text fw={600}>{p.name}</Text>
                <Text size="sm" c="dimmed">
                  {t(`intelligence.kind.${p.kind}`)} · {p.address}, {p.municipality}
                </Text>
              </Stack>
              <Group gap="xs">
                <StatusBadge status={p.status} />
                {p.openFlags > 0 && (
                  <Badge color="red" data-testid="premises-flagged">
                    {t("intelligence.premises.flagged")}
                  </Badge>
                )}
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => setSelected(p.id)}
                  data-testid="premises-open"
                >
                  {t("intelligence.open")}
                </Button>
              </Group>
            </Group>
            {selected === p.id && <PremisesView id={p.id} onChanged={list.reload} />}
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

function PremisesForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [kind, setKind] = useState("");
  const [address, setAddress] = useState("");
  const [municipality, setMunicipality] = useState("");
  const [region, setRegion] = useState("");
  const [status, setStatus] = useState("suspected");
  const [operator, setOperator] = useState("");
  const { problems, failure, busy, run } = useSubmit();

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const created = await api.post<{ id: string; flags: Flag[] }>("/api/intelligence/premises", {
        name,
        kind,
        address,
        municipality,
        region,
        status,
        parties: operator.trim() ? [{ role: "operator", kind: "person", name: operator }] : [],
      });
      notifications.show({
        color: created.flags.length > 0 ? "red" : "green",
        message:
          created.flags.length > 0 ? t("intelligence.premises.flaggedNotice") : t("intelligence.saved"),
      });
      setName("");
      setAddress("");
      setOperator("");
      onCreated(created.id);
    });
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate data-testid="premises-form">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t("intelligence.premises.new")}
          </Title>
          <FormFailure failure={failure} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("intelligence.premises.name")}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={problemAt(problems, "name")}
              data-testid="premises-name"
            />
            <NativeSelect
              label={t("intelligence.premises.kind")}
              data={[
                { value: "", label: t("common.choose") },
                ...premisesKinds.map((k) => ({ value: k, label: t(`intelligence.kind.${k}`) })),
              ]}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value)}
              error={problemAt(problems, "kind")}
              data-testid="premises-kind"
            />
            <TextInput
              label={t("intelligence.premises.address")}
              value={address}
              onChange={(e) => setAddress(e.currentTarget.value)}
              error={problemAt(problems, "address")}
              data-testid="premises-address"
            />
            <TextInput
              label={t("intelligence.premises.municipality")}
              value={municipality}
              onChange={(e) => setMunicipality(e.currentTarget.value)}
              error={problemAt(problems, "municipality")}
              data-testid="premises-municipality"
            />
            <RegionSelect
              value={region}
              onChange={setRegion}
              error={problemAt(problems, "region")}
              testId="premises-region"
            />
            <NativeSelect
              label={t("intelligence.premises.status")}
              data={(["suspected", "off_limits"] as const).map((s) => ({
                value: s,
                label: t(`intelligence.status.${s}`),
              }))}
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value)}
              data-testid="premises-initial-status"
            />
            <TextInput
              label={t("intelligence.premises.operator")}
              value={operator}
              onChange={(e) => setOperator(e.currentTarget.value)}
              error={problemAt(problems, "parties.0.name")}
              data-testid="premises-operator"
            />
          </SimpleGrid>
          <Button type="submit" loading={busy} w="fit-content" data-testid="premises-submit">
            {t("intelligence.premises.create")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text fw={600}>{title}</Text>
      {children}
    </Stack>
  );
}

function PremisesView({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { regionName } = useJurisdiction();
  const detail = useResource<PremisesDetail>(`/api/intelligence/premises/${id}`);
  if (detail.error) return <ErrorNotice error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loading />;
  const p = detail.data;
  const changed = () => {
    detail.reload();
    onChanged();
  };
  return (
    <Stack gap="sm" mt="sm" data-testid="premises-detail">
      <Text size="sm">
        {p.address}, {p.municipality} · {regionName(p.region)}
      </Text>
      {p.flags.filter((f) => f.decision === "open").length > 0 && (
        <Stack gap="xs" data-testid="premises-flags">
          {p.flags
            .filter((f) => f.decision === "open")
            .map((f) => (
              <FlagRow key={f.id} flag={f} onDecided={changed} />
            ))}
        </Stack>
      )}
      <Section title={t("intelligence.premises.parties")}>
        <Stack gap={2} data-testid="premises-parties">
          {p.parties.map((party) => (
            <Text key={party.id} size="sm">
              {party.name} · {t(`intelligence.partyRole.${party.role}`)} ·{" "}
              {t(`intelligence.partyKind.${party.kind}`)}
            </Text>
          ))}
        </Stack>
        <PartyForm id={id} onDone={changed} />
      </Section>
      <Section title={t("intelligence.premises.history")}>
        <Stack gap={2} data-testid="premises-history">
          {p.history.map((h) => (
            <Text key={h.recordedAt + h.status} size="sm">
              {h.effectiveOn} · {t(`intelligence.status.${h.status}`)} ·{" "}
              {t(`intelligence.source.${h.source}`)}
            </Text>
          ))}
        </Stack>
      </Section>
      {p.operations.length > 0 && (
        <Section title={t("intelligence.tabs.operations")}>
          {p.operations.map((o) => (
            <Text key={o.id} size="sm" data-testid="premises-operation">
              {o.conductedOn} · {t(`intelligence.operationKind.${o.kind}`)}
            </Text>
          ))}
        </Section>
      )}
      {p.closures.length > 0 && (
        <Section title={t("intelligence.closure.title")}>
          {p.closures.map((c) => (
            <Text key={c.orderedOn + c.authority} size="sm" data-testid="premises-closure">
              {c.orderedOn} · {c.authority}
              {c.endsOn ? ` · ${t("intelligence.closure.until", { date: c.endsOn })}` : ""}
            </Text>
          ))}
        </Section>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <StatusForm id={id} current={p.status} onDone={changed} />
        {p.status !== "closed_by_order" && <ClosureForm id={id} onDone={changed} />}
      </SimpleGrid>
    </Stack>
  );
}

/** An operator or owner found later: an operator shared with a closed premises flags this one. */
function PartyForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<"operator" | "owner">("operator");
  const [kind, setKind] = useState<"person" | "company">("person");
  const [name, setName] = useState("");
  const { problems, failure, busy, run } = useSubmit();
  return (
    <form
      noValidate
      data-testid="party-form"
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          await api.post(`/api/intelligence/premises/${id}/parties`, { role, kind, name });
          setName("");
          onDone();
        });
      }}
    >
      <Stack gap="xs">
        <FormFailure failure={failure} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            aria-label={t("intelligence.party.role")}
            data={(["operator", "owner"] as const).map((r) => ({
              value: r,
              label: t(`intelligence.partyRole.${r}`),
            }))}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value === "owner" ? "owner" : "operator")}
            data-testid="party-role"
          />
          <NativeSelect
            aria-label={t("intelligence.party.kind")}
            data={(["person", "company"] as const).map((k) => ({
              value: k,
              label: t(`intelligence.partyKind.${k}`),
            }))}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value === "company" ? "company" : "person")}
            data-testid="party-kind"
          />
          <TextInput
            aria-label={t("intelligence.party.name")}
            placeholder={t("intelligence.party.name")}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={problemAt(problems, "name")}
            data-testid="party-name"
          />
        </SimpleGrid>
        <Button
          type="submit"
          size="xs"
          variant="default"
          loading={busy}
          w="fit-content"
          data-testid="party-submit"
        >
          {t("intelligence.party.add")}
        </Button>
      </Stack>
    </form>
  );
}

function FlagRow({ flag, onDecided }: { flag: Flag; onDecided: () => void }) {
  const { t } = useTranslation();
  const { failure, busy, run } = useSubmit();
  const decide = (decision: "confirmed" | "dismissed") =>
    void run(async () => {
      await api.post(`/api/intelligence/reopenings/${flag.id}`, { decision });
      onDecided();
    });
  return (
    <Alert
      color="red"
      title={t("intelligence.flag.title")}
      data-testid="reopening-flag"
      data-reason={flag.reason}
    >
      <Stack gap="xs">
        <Text size="sm">
          {t(`intelligence.flag.${flag.reason}`, { name: flag.closedPremisesName, other: flag.premisesName })}
        </Text>
        <FormFailure failure={failure} />
        <Group gap="xs">
          <Button
            size="xs"
            color="red"
            loading={busy}
            onClick={() => decide("confirmed")}
            data-testid="flag-confirm"
          >
            {t("intelligence.flag.confirm")}
          </Button>
          <Button
            size="xs"
            variant="default"
            loading={busy}
            onClick={() => decide("dismissed")}
            data-testid="flag-dismiss"
          >
            {t("intelligence.flag.dismiss")}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function StatusForm({ id, current, onDone }: { id: string; current: PremisesStatus; onDone: () => void }) {
  const { t } = useTranslation();
  const { jurisdiction } = useJurisdiction();
  const [status, setStatus] = useState("");
  const [source, setSource] = useState("investigation");
  const { problems, failure, busy, run } = useSubmit();
  const options = (["suspected", "off_limits", "reopened", "cleared"] as const).filter((s) => s !== current);
  return (
    <form
      noValidate
      data-testid="status-form"
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          await api.post(`/api/intelligence/premises/${id}/status`, {
            status,
            source,
            on: jurisdiction?.today ?? "",
          });
          onDone();
        });
      }}
    >
      <Stack gap="xs">
        <FormFailure failure={failure} />
        <NativeSelect
          label={t("intelligence.premises.newStatus")}
          data={[
            { value: "", label: t("common.choose") },
            ...options.map((s) => ({ value: s, label: t(`intelligence.status.${s}`) })),
          ]}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          error={problemAt(problems, "status")}
          data-testid="status-select"
        />
        <NativeSelect
          label={t("intelligence.premises.source")}
          data={statusSources
            .filter((s) => s !== "court_order")
            .map((s) => ({ value: s, label: t(`intelligence.source.${s}`) }))}
          value={source}
          onChange={(e) => setSource(e.currentTarget.value)}
          data-testid="status-source"
        />
        <Button
          type="submit"
          size="xs"
          variant="default"
          loading={busy}
          w="fit-content"
          data-testid="status-submit"
        >
          {t("intelligence.premises.changeStatus")}
        </Button>
      </Stack>
    </form>
  );
}

function ClosureForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { jurisdiction } = useJurisdiction();
  const [chosenDate, setDate] = useState("");
  const orderedOn = chosenDate || (jurisdiction?.today ?? "");
  const [authority, setAuthority] = useState("");
  const [duration, setDuration] = useState<number | string>("");
  const { problems, failure, busy, run } = useSubmit();
  return (
    <form
      noValidate
      data-testid="closure-form"
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          await api.post(`/api/intelligence/premises/${id}/closures`, {
            orderedOn,
            authority,
            durationDays: typeof duration === "number" ? duration : null,
          });
          onDone();
        });
      }}
    >
      <Stack gap="xs">
        <FormFailure failure={failure} />
        <TextInput
          type="date"
          label={t("intelligence.closure.orderedOn")}
          value={orderedOn}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={problemAt(problems, "orderedOn")}
          data-testid="closure-date"
        />
        <TextInput
          label={t("intelligence.closure.authority")}
          value={authority}
          onChange={(e) => setAuthority(e.currentTarget.value)}
          error={problemAt(problems, "authority")}
          data-testid="closure-authority"
        />
        <NumberInput
          label={t("intelligence.closure.durationDays")}
          min={1}
          value={duration}
          onChange={setDuration}
          error={problemAt(problems, "durationDays")}
          data-testid="closure-duration"
        />
        <Button
          type="submit"
          size="xs"
          color="red"
          loading={busy}
          w="fit-content"
          data-testid="closure-submit"
        >
          {t("intelligence.closure.record")}
        </Button>
      </Stack>
    </form>
  );
}

function OperationsPanel() {
  const { t } = useTranslation();
  const { regionName } = useJurisdiction();
  const list = useResource<OperationSummary[]>("/api/intelligence/operations");
  const premises = useResource<PremisesSummary[]>("/api/intelligence/premises");
  const [selected, setSelected] = useState<string | null>(null);
  if (list.error) return <ErrorNotice error={list.error} onRetry={list.reload} />;
  if (!list.data || !premises.data) return <Loading />;
  return (
    <Stack gap="md">
      <OperationForm
        premises={premises.data}
        onRecorded={(id) => {
          list.reload();
          setSelected(id);
        }}
      />
      <Stack gap="xs" data-testid="operation-list">
        {list.data.length === 0 && <Text>{t("intelligence.operation.none")}</Text>}
        {list.data.map((o) => (
          <Paper key={o.id} withBorder p="sm" data-testid="operation-row">
            <Group justify="space-between" wrap="wrap">
              <Text fw={600}>
                {o.conductedOn} · {t(`intelligence.operationKind.${o.kind}`)} · {regionName(o.region)}
              </Text>
              <Text size="sm" data-testid="operation-counts">
                {t("intelligence.operation.counts", {
                  found: o.peopleFound,
                  identified: o.identified,
                  arrests: o.arrests,
                })}
              </Text>
              <Button
                size="xs"
                variant="default"
                onClick={() => setSelected(o.id)}
                data-testid="operation-open"
              >
                {t("intelligence.open")}
              </Button>
            </Group>
            {selected === o.id && <OperationView id={o.id} onChanged={list.reload} />}
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

function OperationForm({
  premises,
  onRecorded,
}: {
  premises: PremisesSummary[];
  onRecorded: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { jurisdiction } = useJurisdiction();
  const { countryOptions } = useNames();
  const [kind, setKind] = useState("raid");
  const [chosenDate, setDate] = useState("");
  const conductedOn = chosenDate || (jurisdiction?.today ?? "");
  const [region, setRegion] = useState("");
  const [premisesId, setPremisesId] = useState("");
  const [units, setUnits] = useState("");
  const [inspectors, setInspectors] = useState<string[]>([]);
  const [found, setFound] = useState<number | string>(0);
  const [arrests, setArrests] = useState<string[]>([]);
  const [seizures, setSeizures] = useState<{ kind: string; quantity: number | string }[]>([]);
  const [inPrivate, setInPrivate] = useState(false);
  const [outOfSight, setOutOfSight] = useState(false);
  const [interpreter, setInterpreter] = useState("not_needed");
  const [femaleOfficer, setFemaleOfficer] = useState(false);
  const { problems, failure, busy, run } = useSubmit();

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const created = await api.post<{ id: string }>("/api/intelligence/operations", {
        kind,
        conductedOn,
        region,
        premisesId: premisesId || null,
        units,
        inspectors,
        peopleFound: typeof found === "number" ? found : null,
        arrests: arrests.map((nationality) => ({ nationality })),
        seizures: seizures.map((one) => ({
          kind: one.kind,
          quantity: typeof one.quantity === "number" ? one.quantity : null,
        })),
        interview: {
          inPrivate,
          outOfSightAndHearingOfOwners: outOfSight,
          interpreter,
          femaleOfficerPresent: femaleOfficer,
        },
      });
      notifications.show({ color: "green", message: t("intelligence.saved") });
      setArrests([]);
      setSeizures([]);
      onRecorded(created.id);
    });
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate data-testid="operation-form">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t("intelligence.operation.new")}
          </Title>
          <FormFailure failure={failure} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t("intelligence.operation.kind")}
              data={operationKinds.map((k) => ({ value: k, label: t(`intelligence.operationKind.${k}`) }))}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value)}
              data-testid="operation-kind"
            />
            <TextInput
              type="date"
              label={t("intelligence.operation.date")}
              value={conductedOn}
              onChange={(e) => setDate(e.currentTarget.value)}
              error={problemAt(problems, "conductedOn")}
              data-testid="operation-date"
            />
            <RegionSelect
              value={region}
              onChange={setRegion}
              error={problemAt(problems, "region")}
              testId="operation-region"
            />
            <NativeSelect
              label={t("intelligence.operation.premises")}
              data={[
                { value: "", label: t("intelligence.operation.noPremises") },
                ...premises.map((p) => ({ value: p.id, label: `${p.name} · ${p.municipality}` })),
              ]}
              value={premisesId}
              onChange={(e) => setPremisesId(e.currentTarget.value)}
              error={problemAt(problems, "premisesId")}
              data-testid="operation-premises"
            />
            <TextInput
              label={t("intelligence.operation.units")}
              value={units}
              onChange={(e) => setUnits(e.currentTarget.value)}
              error={problemAt(problems, "units")}
              data-testid="operation-units"
            />
            {kind === "joint_inspection" && (
              <MultiSelect
                label={t("intelligence.operation.inspectors")}
                data={inspectorKinds.map((k) => ({ value: k, label: t(`intelligence.inspector.${k}`) }))}
                value={inspectors}
                onChange={setInspectors}
                error={problemAt(problems, "inspectors")}
                data-testid="operation-inspectors"
              />
            )}
            <NumberInput
              label={t("intelligence.operation.peopleFound")}
              min={0}
              value={found}
              onChange={setFound}
              error={problemAt(problems, "peopleFound")}
              data-testid="operation-found"
            />
          </SimpleGrid>
          <Section title={t("intelligence.operation.arrests")}>
            <Stack gap="xs" data-testid="operation-arrests">
              {arrests.map((nationality, index) => (
                <Group key={index} gap="xs">
                  <NativeSelect
                    aria-label={t("intelligence.operation.nationality")}
                    data={[
                      { value: "", label: t("common.choose") },
                      ...countryOptions(["XK", "AL", "RS", "MK", "MD", "RO", "UA"]),
                    ]}
                    value={nationality}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setArrests((all) => all.map((n, i) => (i === index ? value : n)));
                    }}
                    error={problemAt(problems, `arrests.${index}.nationality`)}
                    data-testid="arrest-nationality"
                  />
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => setArrests((all) => all.filter((_, i) => i !== index))}
                  >
                    {t("intelligence.remove")}
                  </Button>
                </Group>
              ))}
              <Button
                size="xs"
                variant="default"
                w="fit-content"
                onClick={() => setArrests((all) => [...all, ""])}
                data-testid="arrest-add"
              >
                {t("intelligence.operation.addArrest")}
              </Button>
            </Stack>
          </Section>
          <Section title={t("intelligence.operation.seizures")}>
            <Stack gap="xs" data-testid="operation-seizures">
              {seizures.map((one, index) => (
                <Group key={index} gap="xs" wrap="wrap">
                  <NativeSelect
                    aria-label={t("intelligence.operation.seizureKind")}
                    data={[
                      { value: "", label: t("common.choose") },
                      ...seizureKinds.map((k) => ({ value: k, label: t(`intelligence.seizure.${k}`) })),
                    ]}
                    value={one.kind}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setSeizures((all) => all.map((s, i) => (i === index ? { ...s, kind: value } : s)));
                    }}
                    error={problemAt(problems, `seizures.${index}.kind`)}
                    data-testid="seizure-kind"
                  />
                  <NumberInput
                    aria-label={t("intelligence.operation.quantity")}
                    min={0}
                    w={120}
                    value={one.quantity}
                    onChange={(value) =>
                      setSeizures((all) => all.map((s, i) => (i === index ? { ...s, quantity: value } : s)))
                    }
                    error={problemAt(problems, `seizures.${index}.quantity`)}
                    data-testid="seizure-quantity"
                  />
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => setSeizures((all) => all.filter((_, i) => i !== index))}
                  >
                    {t("intelligence.remove")}
                  </Button>
                </Group>
              ))}
              <Button
                size="xs"
                variant="default"
                w="fit-content"
                onClick={() => setSeizures((all) => [...all, { kind: "", quantity: 1 }])}
                data-testid="seizure-add"
              >
                {t("intelligence.operation.addSeizure")}
              </Button>
            </Stack>
          </Section>
          <Section title={t("intelligence.interview.title")}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Checkbox
                label={t("intelligence.interview.inPrivate")}
                checked={inPrivate}
                onChange={(e) => setInPrivate(e.currentTarget.checked)}
                data-testid="interview-private"
              />
              <Checkbox
                label={t("intelligence.interview.outOfSight")}
                checked={outOfSight}
                onChange={(e) => setOutOfSight(e.currentTarget.checked)}
                data-testid="interview-out-of-sight"
              />
              <Checkbox
                label={t("intelligence.interview.femaleOfficer")}
                checked={femaleOfficer}
                onChange={(e) => setFemaleOfficer(e.currentTarget.checked)}
                data-testid="interview-female-officer"
              />
              <NativeSelect
                label={t("intelligence.interview.interpreter")}
                data={interpreterStates.map((s) => ({ value: s, label: t(`intelligence.interpreter.${s}`) }))}
                value={interpreter}
                onChange={(e) => setInterpreter(e.currentTarget.value)}
                data-testid="interview-interpreter"
              />
            </SimpleGrid>
          </Section>
          <Button type="submit" loading={busy} w="fit-content" data-testid="operation-submit">
            {t("intelligence.operation.record")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function OperationView({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { country } = useNames();
  const detail = useResource<OperationDetail>(`/api/intelligence/operations/${id}`);
  if (detail.error) return <ErrorNotice error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loading />;
  const o = detail.data;
  const checklist = [
    ["inPrivate", o.interview.inPrivate],
    ["outOfSight", o.interview.outOfSightAndHearingOfOwners],
    ["femaleOfficer", o.interview.femaleOfficerPresent],
  ] as const;
  return (
    <Stack gap="sm" mt="sm" data-testid="operation-detail">
      {o.premisesName && <Text size="sm">{o.premisesName}</Text>}
      <Text size="sm">{o.units}</Text>
      <Group gap="xs">
        {checklist.map(([key, done]) => (
          <Badge key={key} color={done ? "green" : "red"} variant="light">
            {t(`intelligence.interview.${key}`)}
          </Badge>
        ))}
        <Badge variant="light">
          {t("intelligence.interview.interpreter")}:{" "}
          {t(`intelligence.interpreter.${o.interview.interpreter}`)}
        </Badge>
      </Group>
      {o.arrests.length > 0 && (
        <Text size="sm" data-testid="operation-arrest-list">
          {t("intelligence.operation.arrests")}: {o.arrests.map((a) => country(a.nationality)).join(", ")}
        </Text>
      )}
      {o.seizures.length > 0 && (
        <Text size="sm" data-testid="operation-seizure-list">
          {t("intelligence.operation.seizures")}:{" "}
          {o.seizures.map((one) => `${t(`intelligence.seizure.${one.kind}`)} × ${one.quantity}`).join(", ")}
        </Text>
      )}
      <Section title={t("intelligence.identified.title")}>
        <Text size="sm" data-testid="operation-cases">
          {o.cases.map((c) => c.reference).join(", ") || "—"}
        </Text>
      </Section>
      <IdentifiedForm
        operationId={id}
        onDone={() => {
          detail.reload();
          onChanged();
        }}
      />
    </Stack>
  );
}

/** A presumed victim identified: a new case through the registration, or an existing one linked. */
function IdentifiedForm({ operationId, onDone }: { operationId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { countryOptions } = useNames();
  const [givenName, setGivenName] = useState("");
  const [familyName, setFamilyName] = useState("");
  const [gender, setGender] = useState("");
  const [birthDate, setBirthDate] = useState("");
  const [age, setAge] = useState<number | string>("");
  const [citizenship, setCitizenship] = useState("");
  const [reference, setReference] = useState("");
  const { problems, failure, busy, run } = useSubmit();
  const [result, setResult] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const body = reference.trim()
        ? { reference: reference.trim() }
        : {
            person: {
              givenName,
              familyName: familyName || null,
              gender,
              birthDate: birthDate || null,
              estimatedAge: typeof age === "number" ? age : null,
              citizenship: citizenship ? [citizenship] : [],
            },
          };
      const created = await api.post<{ reference: string }>(
        `/api/intelligence/operations/${operationId}/identified`,
        body,
      );
      setResult(created.reference);
      setGivenName("");
      setFamilyName("");
      setReference("");
      onDone();
    });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="identified-form">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t("intelligence.identified.hint")}
        </Text>
        <FormFailure failure={failure} testId="identified-error" />
        {result && (
          <Alert color="green" data-testid="identified-result">
            {t("intelligence.identified.done", { reference: result })}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t("intelligence.identified.givenName")}
            value={givenName}
            onChange={(e) => setGivenName(e.currentTarget.value)}
            error={problemAt(problems, "person.givenName")}
            data-testid="identified-given-name"
          />
          <TextInput
            label={t("intelligence.identified.familyName")}
            value={familyName}
            onChange={(e) => setFamilyName(e.currentTarget.value)}
            error={problemAt(problems, "person.familyName")}
            data-testid="identified-family-name"
          />
          <NativeSelect
            label={t("intelligence.identified.gender")}
            data={[
              { value: "", label: t("common.choose") },
              ...genders.map((g) => ({ value: g, label: t(`vocabulary.gender.${g}`) })),
            ]}
            value={gender}
            onChange={(e) => setGender(e.currentTarget.value)}
            error={problemAt(problems, "person.gender")}
            data-testid="identified-gender"
          />
          <TextInput
            type="date"
            label={t("intelligence.identified.birthDate")}
            value={birthDate}
            onChange={(e) => setBirthDate(e.currentTarget.value)}
            error={problemAt(problems, "person.birthDate")}
            data-testid="identified-birth-date"
          />
          <NumberInput
            label={t("intelligence.identified.estimatedAge")}
            min={0}
            max={120}
            value={age}
            onChange={setAge}
            error={problemAt(problems, "person.estimatedAge")}
            data-testid="identified-age"
          />
          <NativeSelect
            label={t("intelligence.identified.citizenship")}
            data={[
              { value: "", label: t("common.choose") },
              ...countryOptions(["MD", "RO", "UA", "AL", "XK"]),
            ]}
            value={citizenship}
            onChange={(e) => setCitizenship(e.currentTarget.value)}
            data-testid="identified-citizenship"
          />
        </SimpleGrid>
        <TextInput
          label={t("intelligence.identified.reference")}
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
          error={problemAt(problems, "reference")}
          data-testid="identified-reference"
        />
        <Button type="submit" size="xs" loading={busy} w="fit-content" data-testid="identified-submit">
          {t("intelligence.identified.submit")}
        </Button>
      </Stack>
    </form>
  );
}

function SuspectsPanel() {
  const { t } = useTranslation();
  const { country, countryOptions } = useNames();
  const list = useResource<
    {
      id: string;
      kind: "person" | "organisation";
      name: string;
      nationality: string | null;
      roles: (typeof perpetratorRoles)[number][];
    }[]
  >("/api/intelligence/suspects");
  const premises = useResource<PremisesSummary[]>("/api/intelligence/premises");
  const [kind, setKind] = useState("person");
  const [name, setName] = useState("");
  const [nationality, setNationality] = useState("");
  const [roles, setRoles] = useState<string[]>([]);
  const [premisesIds, setPremisesIds] = useState<string[]>([]);
  const { problems, failure, busy, run } = useSubmit();
  if (list.error) return <ErrorNotice error={list.error} onRetry={list.reload} />;
  if (!list.data || !premises.data) return <Loading />;
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <form
          noValidate
          data-testid="suspect-form"
          onSubmit={(event) => {
            event.preventDefault();
            void run(async () => {
              await api.post("/api/intelligence/suspects", {
                kind,
                name,
                nationality: nationality || null,
                roles,
                premisesIds,
              });
              setName("");
              setRoles([]);
              list.reload();
            });
          }}
        >
          <Stack gap="sm">
            <FormFailure failure={failure} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t("intelligence.suspect.kind")}
                data={(["person", "organisation"] as const).map((k) => ({
                  value: k,
                  label: t(`intelligence.suspectKind.${k}`),
                }))}
                value={kind}
                onChange={(e) => setKind(e.currentTarget.value)}
              />
              <TextInput
                label={t("intelligence.suspect.name")}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={problemAt(problems, "name")}
                data-testid="suspect-name"
              />
              <NativeSelect
                label={t("intelligence.suspect.nationality")}
                data={[{ value: "", label: "—" }, ...countryOptions(["XK", "AL", "RS", "MK"])]}
                value={nationality}
                onChange={(e) => setNationality(e.currentTarget.value)}
              />
              <MultiSelect
                label={t("intelligence.suspect.roles")}
                data={perpetratorRoles.map((r) => ({ value: r, label: t(`intelligence.role.${r}`) }))}
                value={roles}
                onChange={setRoles}
                error={problemAt(problems, "roles")}
                data-testid="suspect-roles"
              />
              <MultiSelect
                label={t("intelligence.suspect.premises")}
                data={premises.data.map((p) => ({ value: p.id, label: p.name }))}
                value={premisesIds}
                onChange={setPremisesIds}
              />
            </SimpleGrid>
            <Button type="submit" loading={busy} w="fit-content" data-testid="suspect-submit">
              {t("intelligence.suspect.record")}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Stack gap="xs" data-testid="suspect-list">
        {list.data.map((s) => (
          <Paper key={s.id} withBorder p="sm">
            <Text fw={600}>{s.name}</Text>
            <Text size="sm">
              {t(`intelligence.suspectKind.${s.kind}`)}
              {s.nationality ? ` · ${country(s.nationality)}` : ""} ·{" "}
              {s.roles.map((r) => t(`intelligence.role.${r}`)).join(", ")}
            </Text>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

function OffLimitsPanel() {
  const { t } = useTranslation();
  const overview = useResource<OffLimits>("/api/intelligence/off-limits");
  const { failure, busy, run } = useSubmit();
  if (overview.error) return <ErrorNotice error={overview.error} onRetry={overview.reload} />;
  if (!overview.data) return <Loading />;
  const o = overview.data;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t("intelligence.offLimits.intro")}
      </Text>
      <Stack gap={2} data-testid="off-limits-current">
        {o.current.length === 0 && <Text>{t("intelligence.offLimits.empty")}</Text>}
        {o.current.map((p) => (
          <Text key={p.id} size="sm">
            {p.name} · {p.address}, {p.municipality} · {t(`intelligence.status.${p.status}`)}
          </Text>
        ))}
      </Stack>
      <Text size="sm" data-testid="off-limits-pending">
        {t("intelligence.offLimits.pending", {
          added: o.pending.added.length,
          removed: o.pending.removed.length,
        })}
      </Text>
      <FormFailure failure={failure} />
      <Button
        w="fit-content"
        loading={busy}
        data-testid="off-limits-publish"
        onClick={() =>
          void run(async () => {
            const published = await api.post<{ version: number }>("/api/intelligence/off-limits/versions");
            notifications.show({
              color: "green",
              message: t("intelligence.offLimits.published", { version: published.version }),
            });
            overview.reload();
          })
        }
      >
        {t("intelligence.offLimits.publish")}
      </Button>
      <Table.ScrollContainer minWidth={480}>
        <Table data-testid="off-limits-versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("intelligence.offLimits.version")}</Table.Th>
              <Table.Th>{t("intelligence.offLimits.date")}</Table.Th>
              <Table.Th>{t("intelligence.offLimits.changes")}</Table.Th>
              <Table.Th>{t("intelligence.offLimits.files")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {o.versions.map((v) => (
              <Table.Tr key={v.version} data-testid="off-limits-version" data-version={v.version}>
                <Table.Td>{v.version}</Table.Td>
                <Table.Td>{v.publishedOn}</Table.Td>
                <Table.Td>{t("intelligence.offLimits.versionChanges", v)}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    {offLimitsLanguages.flatMap((language) =>
                      (["pdf", "csv"] as const).map((format) => (
                        <Anchor
                          key={`${language}-${format}`}
                          href={`/api/intelligence/off-limits/versions/${v.version}/${format}?language=${language}`}
                          download
                          data-testid={`off-limits-${format}-${language}`}
                        >
                          {format.toUpperCase()} {language.toUpperCase()}
                        </Anchor>
                      )),
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function startOfYear(today: string): string {
  return `${today.slice(0, 4)}-01-01`;
}

function FiguresPanel() {
  const { t } = useTranslation();
  const { jurisdiction } = useJurisdiction();
  const { country } = useNames();
  const today = jurisdiction?.today ?? "";
  const [fromChosen, setFrom] = useState("");
  const [toChosen, setTo] = useState("");
  const from = fromChosen || (today ? startOfYear(today) : "");
  const to = toChosen || today;
  const figures = useResource<Figures>(from && to ? `/api/intelligence/figures?from=${from}&to=${to}` : null);
  return (
    <Stack gap="md" data-testid="intel-figures">
      <Group>
        <TextInput
          type="date"
          label={t("intelligence.figures.from")}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t("intelligence.figures.to")}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
      </Group>
      {figures.error && <ErrorNotice error={figures.error} onRetry={figures.reload} />}
      {figures.data && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Table>
            <Table.Tbody>
              {operationKinds.map((k) => (
                <Table.Tr key={k}>
                  <Table.Td>{t(`intelligence.operationKind.${k}`)}</Table.Td>
                  <Table.Td>{figures.data?.operationsByKind[k] ?? 0}</Table.Td>
                </Table.Tr>
              ))}
              {(
                [
                  ["premisesClosed", figures.data.premisesClosed],
                  ["reopenings", figures.data.reopenings],
                  ["peopleFound", figures.data.peopleFound],
                  ["peopleIdentified", figures.data.peopleIdentified],
                  ["arrests", figures.data.arrests],
                ] as const
              ).map(([key, value]) => (
                <Table.Tr key={key} data-testid={`figure-${key}`}>
                  <Table.Td>{t(`intelligence.figures.${key}`)}</Table.Td>
                  <Table.Td>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("intelligence.figures.nationality")}</Table.Th>
                <Table.Th>{t("intelligence.figures.arrests")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {figures.data.arrestsByNationality.map((a) => (
                <Table.Tr key={a.nationality}>
                  <Table.Td>{country(a.nationality)}</Table.Td>
                  <Table.Td>{a.count}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </SimpleGrid>
      )}
    </Stack>
  );
}
