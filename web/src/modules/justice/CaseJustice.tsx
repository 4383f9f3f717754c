import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { compensationKinds } from "../../../../shared/justice";
import { riskLevels } from "../../../../shared/security";
import { api } from "../../platform/api";
import { hasAnyRole, useMe } from "../../platform/auth";
import { describeError, problemAt } from "../../platform/errors";
import { useJurisdiction } from "../../platform/jurisdiction";
import { useNames } from "../../platform/labels";
import { useResource } from "../../platform/useResource";
import { casePath, useSubmit } from "../../platform/useSubmit";
import { Section } from "../cases/Facts";
import type { CaseDetail } from "../cases/types";
import { type CaseJustice as CaseJusticeData, compensationRoles, reassessingRoles } from "./types";

/**
 * The justice side of a case as the viewer may see it: that a proceeding exists and its stage (the
 * justice compartment opens it), a risk reassessment due after a defendant's release, and the
 * victim's compensation claims.
 */
export function CaseJustice({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const me = useMe();
  const justice = useResource<CaseJusticeData>(casePath(detail.reference, "justice"));
  const data = justice.data;
  if (!data) return null;
  return (
    <Section title={t("justice.caseTitle")} testId="case-justice">
      {data.proceedings.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="case-justice-none">
          {t("justice.noProceeding")}
        </Text>
      ) : (
        <Stack gap={4}>
          {data.proceedings.map((p) => (
            <Group key={p.id} gap="xs" data-testid="case-justice-proceeding">
              <Text size="sm">{t("justice.proceeding")}</Text>
              <Badge variant="light" data-testid="case-justice-stage">
                {t(`justice.stages.${p.stage}`)}
              </Badge>
              {p.open && (
                <Anchor component={Link} to={`/justice/${p.id}`} size="sm" data-testid="case-justice-open">
                  {t("justice.openProceeding")}
                </Anchor>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {data.reassessmentDue && (
        <Alert color="red" data-testid="case-justice-reassessment-due">
          {t("justice.reassessmentDue")}
        </Alert>
      )}
      {data.lastReassessment && (
        <Text size="sm" data-testid="case-justice-last-reassessment">
          {t("justice.lastReassessment", {
            level: t(`justice.riskLevels.${data.lastReassessment.level}`),
            time: dateTime(data.lastReassessment.at),
          })}
        </Text>
      )}
      {data.reassessmentDue && hasAnyRole(me, reassessingRoles) && (
        <ReassessmentForm reference={detail.reference} onSaved={justice.reload} />
      )}
      <Compensation
        reference={detail.reference}
        claims={data.compensation}
        proceedings={data.proceedings.map((p) => p.id)}
        mayRecord={hasAnyRole(me, compensationRoles)}
        onSaved={justice.reload}
      />
    </Section>
  );
}

function ReassessmentForm({ reference, onSaved }: { reference: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const form = useSubmit();
  const [level, setLevel] = useState("high");
  async function submit(event: FormEvent) {
    event.preventDefault();
    await form.run(
      () => api.post(casePath(reference, "justice/reassessments"), { level }),
      t("justice.reassessed"),
      onSaved,
    );
  }
  return (
    <form onSubmit={(event) => void submit(event)} data-testid="reassessment-form" noValidate>
      <Stack gap="xs">
        {form.failure !== null && (
          <Alert color="red" role="alert">
            {describeError(form.failure)}
          </Alert>
        )}
        <Group align="end" gap="sm">
          <NativeSelect
            label={t("justice.riskNow")}
            data={riskLevels.map((value) => ({ value, label: t(`justice.riskLevels.${value}`) }))}
            value={level}
            onChange={(event) => setLevel(event.currentTarget.value)}
            error={problemAt(form.problems, "level")}
            data-testid="reassessment-level"
          />
          <Button type="submit" loading={form.busy} data-testid="reassessment-submit">
            {t("justice.recordReassessment")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Compensation({
  reference,
  claims,
  proceedings,
  mayRecord,
  onSaved,
}: {
  reference: string;
  claims: CaseJusticeData["compensation"];
  proceedings: string[];
  mayRecord: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { jurisdiction } = useJurisdiction();
  const form = useSubmit();
  const [kind, setKind] = useState<string>("criminal");
  const [claimed, setClaimed] = useState<number | string>("");
  const [claimedOn, setClaimedOn] = useState(jurisdiction?.today ?? "");
  const money = (value: number | null) => (value === null ? "—" : `€${value}`);
  async function submit(event: FormEvent) {
    event.preventDefault();
    await form.run(
      () =>
        api.post(casePath(reference, "justice/compensation"), {
          kind,
          claimedEuros: typeof claimed === "number" ? claimed : null,
          claimedOn,
          proceedingId: kind === "criminal" ? (proceedings[0] ?? null) : null,
        }),
      t("justice.saved"),
      () => {
        setClaimed("");
        onSaved();
      },
    );
  }
  return (
    <Stack gap="xs">
      <Text fw={600}>{t("justice.compensation")}</Text>
      {claims.map((c) => (
        <Paper key={c.id} withBorder p="xs" data-testid="compensation-row">
          <Stack gap={4}>
            <Text size="sm">
              {t(`justice.compensationKinds.${c.kind}`)} · {t("justice.claimed")}: {money(c.claimedEuros)} (
              {c.claimedOn}) · {t("justice.decided")}: {money(c.decidedEuros)}
              {c.decidedOn ? ` (${c.decidedOn})` : ""} · {t("justice.paid")}: {money(c.paidEuros)}
              {c.paidOn ? ` (${c.paidOn})` : ""}
            </Text>
            {mayRecord && c.paidEuros === null && (
              <CompensationUpdate reference={reference} claim={c} onSaved={onSaved} />
            )}
          </Stack>
        </Paper>
      ))}
      {mayRecord && (
        <form onSubmit={(event) => void submit(event)} data-testid="compensation-form" noValidate>
          <Stack gap="xs">
            {form.failure !== null && (
              <Alert color="red" role="alert">
                {describeError(form.failure)}
              </Alert>
            )}
            <Group align="end" gap="sm">
              <NativeSelect
                label={t("justice.compensationKind")}
                data={compensationKinds.map((value) => ({
                  value,
                  label: t(`justice.compensationKinds.${value}`),
                }))}
                value={kind}
                onChange={(event) => setKind(event.currentTarget.value)}
              />
              <NumberInput
                label={t("justice.claimedEuros")}
                value={claimed}
                min={0}
                allowDecimal={false}
                onChange={setClaimed}
                error={problemAt(form.problems, "claimedEuros")}
                w={140}
              />
              <TextInput
                type="date"
                label={t("justice.claimedOn")}
                value={claimedOn}
                onChange={(event) => setClaimedOn(event.currentTarget.value)}
                error={problemAt(form.problems, "claimedOn")}
              />
              <Button type="submit" variant="light" loading={form.busy}>
                {t("justice.add")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

/** What was decided on a claim and then paid: the decision first, the payment after it. */
function CompensationUpdate({
  reference,
  claim,
  onSaved,
}: {
  reference: string;
  claim: CaseJusticeData["compensation"][number];
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { jurisdiction } = useJurisdiction();
  const form = useSubmit();
  const decidedAlready = claim.decidedEuros !== null;
  const [amount, setAmount] = useState<number | string>("");
  const [on, setOn] = useState(jurisdiction?.today ?? "");
  async function submit(event: FormEvent) {
    event.preventDefault();
    const euros = typeof amount === "number" ? amount : null;
    await form.run(
      () =>
        api.patch(
          casePath(reference, `justice/compensation/${claim.id}`),
          decidedAlready ? { paidEuros: euros, paidOn: on } : { decidedEuros: euros, decidedOn: on },
        ),
      t("justice.saved"),
      () => {
        setAmount("");
        onSaved();
      },
    );
  }
  const prefix = decidedAlready ? "paid" : "decided";
  return (
    <form onSubmit={(event) => void submit(event)} data-testid="compensation-update-form" noValidate>
      <Stack gap="xs">
        {form.failure !== null && (
          <Alert color="red" role="alert">
            {describeError(form.failure)}
          </Alert>
        )}
        <Group align="end" gap="sm">
          <NumberInput
            label={t(decidedAlready ? "justice.paidEuros" : "justice.decidedEuros")}
            value={amount}
            min={0}
            allowDecimal={false}
            onChange={setAmount}
            error={problemAt(form.problems, `${prefix}Euros`)}
            w={140}
          />
          <TextInput
            type="date"
            label={t("justice.on")}
            value={on}
            onChange={(event) => setOn(event.currentTarget.value)}
            error={problemAt(form.problems, `${prefix}On`)}
          />
          <Button type="submit" variant="light" loading={form.busy}>
            {t("justice.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
