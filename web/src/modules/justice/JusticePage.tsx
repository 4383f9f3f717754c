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
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { proceedingStages } from "../../../../shared/justice";
import { api } from "../../platform/api";
import { hasAnyRole, useMe } from "../../platform/auth";
import { describeError, problemAt } from "../../platform/errors";
import { useJurisdiction } from "../../platform/jurisdiction";
import { useNames } from "../../platform/labels";
import { ErrorNotice, Loading, Page } from "../../platform/layout/Page";
import { useResource } from "../../platform/useResource";
import { useSubmit } from "../../platform/useSubmit";
import { type DocketEntry, type JusticeFigures, openingRoles } from "./types";

/**
 * The docket of the justice compartment (prosecution, courts, police: the navigation shows the page
 * only there), and for the coordinator the figures without identities.
 */
export function JusticePage() {
  const { t } = useTranslation();
  const me = useMe();
  const docketRoles = ["prosecutor", "police_investigator", "supervisor", "case_worker"] as const;
  return (
    <Page title={t("justice.title")} testId="justice-title">
      {hasAnyRole(me, docketRoles) && <Docket />}
      {hasAnyRole(me, ["coordinator", "prosecutor"]) && <Figures />}
    </Page>
  );
}

function Docket() {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const me = useMe();
  const docket = useResource<DocketEntry[]>("/api/justice/proceedings");
  return (
    <Stack gap="md">
      {hasAnyRole(me, openingRoles) && <OpenProceedingForm />}
      <Paper withBorder p="md" data-testid="justice-docket">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t("justice.docket")}
          </Title>
          {docket.error ? (
            <ErrorNotice error={docket.error} onRetry={docket.reload} />
          ) : !docket.data ? (
            <Loading />
          ) : docket.data.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="docket-empty">
              {t("justice.docketEmpty")}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("justice.references")}</Table.Th>
                    <Table.Th>{t("justice.stage")}</Table.Th>
                    <Table.Th>{t("justice.victims")}</Table.Th>
                    <Table.Th>{t("justice.defendants")}</Table.Th>
                    <Table.Th>{t("justice.nextHearing")}</Table.Th>
                    <Table.Th>{t("justice.flags")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {docket.data.map((p) => (
                    <Table.Tr key={p.id} data-testid="docket-row">
                      <Table.Td>
                        <Anchor component={Link} to={`/justice/${p.id}`} size="sm" data-testid="docket-open">
                          {[p.prosecutorReference, p.courtReference, p.policeCaseNumber]
                            .filter(Boolean)
                            .join(" · ") || t("justice.noReference")}
                        </Anchor>
                        {p.court && (
                          <Text size="xs" c="dimmed">
                            {p.court}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light">{t(`justice.stages.${p.stage}`)}</Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{p.victims.join(", ")}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{p.defendants}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {p.nextHearing
                            ? `${dateTime(p.nextHearing.at)} (${t(`justice.hearingKinds.${p.nextHearing.kind}`)})`
                            : "—"}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {p.witnessesNotInformed > 0 && (
                          <Badge color="orange" data-testid="docket-not-informed">
                            {t("justice.notInformedCount", { count: p.witnessesNotInformed })}
                          </Badge>
                        )}
                        {p.outOfRange > 0 && (
                          <Badge color="red" data-testid="docket-out-of-range">
                            {t("justice.outOfRangeCount", { count: p.outOfRange })}
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

/** Opens a proceeding for a victim's case, by the case reference. */
function OpenProceedingForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useSubmit();
  const [caseReference, setCaseReference] = useState("");
  const [stage, setStage] = useState("investigation");
  const [injuredParty, setInjuredParty] = useState(true);
  const [witness, setWitness] = useState(true);
  const [policeCaseNumber, setPoliceCaseNumber] = useState("");
  const [prosecutorReference, setProsecutorReference] = useState("");
  const [courtReference, setCourtReference] = useState("");
  const [court, setCourt] = useState("");

  async function submit(event: FormEvent) {
    event.preventDefault();
    let id = "";
    await form.run(
      async () => {
        id = (
          await api.post<{ id: string }>("/api/justice/proceedings", {
            caseReference: caseReference.trim(),
            stage,
            injuredParty,
            witness,
            policeCaseNumber,
            prosecutorReference,
            courtReference,
            court,
          })
        ).id;
      },
      t("justice.opened"),
      () => void navigate(`/justice/${id}`),
    );
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={(event) => void submit(event)} data-testid="justice-open-form" noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t("justice.open")}
          </Title>
          {form.failure !== null && (
            <Alert color="red" role="alert" data-testid="justice-open-error">
              {describeError(form.failure)}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("justice.caseReference")}
              value={caseReference}
              onChange={(event) => setCaseReference(event.currentTarget.value)}
              error={problemAt(form.problems, "caseReference")}
              data-testid="open-case-reference"
            />
            <NativeSelect
              label={t("justice.stage")}
              data={proceedingStages.map((value) => ({ value, label: t(`justice.stages.${value}`) }))}
              value={stage}
              onChange={(event) => setStage(event.currentTarget.value)}
              error={problemAt(form.problems, "stage")}
              data-testid="open-stage"
            />
            <TextInput
              label={t("justice.policeCaseNumber")}
              value={policeCaseNumber}
              onChange={(event) => setPoliceCaseNumber(event.currentTarget.value)}
              error={problemAt(form.problems, "policeCaseNumber")}
              data-testid="open-police-number"
            />
            <TextInput
              label={t("justice.prosecutorReference")}
              value={prosecutorReference}
              onChange={(event) => setProsecutorReference(event.currentTarget.value)}
              error={problemAt(form.problems, "prosecutorReference")}
              data-testid="open-prosecutor-reference"
            />
            <TextInput
              label={t("justice.courtReference")}
              value={courtReference}
              onChange={(event) => setCourtReference(event.currentTarget.value)}
              error={problemAt(form.problems, "courtReference")}
              data-testid="open-court-reference"
            />
            <TextInput
              label={t("justice.court")}
              value={court}
              onChange={(event) => setCourt(event.currentTarget.value)}
              error={problemAt(form.problems, "court")}
              data-testid="open-court"
            />
          </SimpleGrid>
          <Group gap="lg">
            <Checkbox
              label={t("justice.injuredParty")}
              checked={injuredParty}
              onChange={(event) => setInjuredParty(event.currentTarget.checked)}
              error={problemAt(form.problems, "injuredParty")}
              data-testid="open-injured-party"
            />
            <Checkbox
              label={t("justice.witness")}
              checked={witness}
              onChange={(event) => setWitness(event.currentTarget.checked)}
              data-testid="open-witness"
            />
          </Group>
          <Button type="submit" loading={form.busy} w="fit-content" data-testid="open-submit">
            {t("justice.openSubmit")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** The prosecution funnel and the sentences against the statutory ranges, counted, never named. */
function Figures() {
  const { t } = useTranslation();
  const { jurisdiction } = useJurisdiction();
  const [year, setYear] = useState<number>(
    Number((jurisdiction?.today ?? new Date().toISOString()).slice(0, 4)),
  );
  const figures = useResource<JusticeFigures>(`/api/justice/statistics?year=${year}`);
  const funnel = ["charged", "convicted", "acquitted", "released", "pending"] as const;
  return (
    <Paper withBorder p="md" data-testid="justice-figures">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t("justice.figures")}
          </Title>
          <NumberInput
            aria-label={t("justice.year")}
            value={year}
            min={1990}
            max={2200}
            w={110}
            onChange={(value) => typeof value === "number" && setYear(value)}
            data-testid="figures-year"
          />
        </Group>
        {figures.error ? (
          <ErrorNotice error={figures.error} onRetry={figures.reload} />
        ) : !figures.data ? (
          <Loading />
        ) : (
          <>
            <SimpleGrid cols={{ base: 2, sm: 5 }}>
              {funnel.map((key) => (
                <Stack key={key} gap={0}>
                  <Text size="xs" c="dimmed">
                    {t(`justice.funnel.${key}`)}
                  </Text>
                  <Text fz={24} fw={700} data-testid={`funnel-${key}`}>
                    {figures.data?.funnel[key]}
                  </Text>
                </Stack>
              ))}
            </SimpleGrid>
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="xs" data-testid="figures-sentences">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("justice.section")}</Table.Th>
                    <Table.Th>{t("justice.statutoryRange")}</Table.Th>
                    <Table.Th>{t("justice.sentenced")}</Table.Th>
                    <Table.Th>{t("justice.rangeChecks.below_minimum")}</Table.Th>
                    <Table.Th>{t("justice.rangeChecks.within")}</Table.Th>
                    <Table.Th>{t("justice.rangeChecks.above_maximum")}</Table.Th>
                    <Table.Th>{t("justice.suspended")}</Table.Th>
                    <Table.Th>{t("justice.sentencesMonths")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {figures.data.sections.map((s) => (
                    <Table.Tr key={s.section}>
                      <Table.Td>{s.section}</Table.Td>
                      <Table.Td>
                        {s.maximumMonths === null
                          ? t("justice.rangeFrom", { min: s.minimumMonths })
                          : t("justice.rangeMonths", { min: s.minimumMonths, max: s.maximumMonths })}
                      </Table.Td>
                      <Table.Td>{s.sentenced}</Table.Td>
                      <Table.Td>{s.belowMinimum}</Table.Td>
                      <Table.Td>{s.within}</Table.Td>
                      <Table.Td>{s.aboveMaximum}</Table.Td>
                      <Table.Td>{s.suspended}</Table.Td>
                      <Table.Td>{s.months.join(", ") || "—"}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Stack>
    </Paper>
  );
}
