import { Anchor, Badge, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { describeError } from "../../platform/errors";
import { useNames } from "../../platform/labels";
import { useResource } from "../../platform/useResource";
import { Section } from "../cases/Facts";
import type { CaseDetail } from "../cases/types";
import {
  DecisionForm,
  FollowUpResultForm,
  HandOverForm,
  ReTraffickingForm,
  ReturnForm,
  RiskAssessmentForm,
} from "./FutureForms";
import { futurePath, type FutureView } from "./types";

function Field({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid={testId}>
      <Text size="sm" c="dimmed" miw={160}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
        {value}
      </Text>
    </Group>
  );
}

const levelColour = { low: "green", medium: "yellow", high: "red" } as const;

/**
 * The decision on the future, return and reintegration (issue 3, items 7 and 9): the risk
 * assessment, the person's own decision, the return, the hand-over abroad, follow-ups and any
 * re-trafficking. A pending statement or court date never appears here as a condition: it never
 * holds up a return.
 */
export function CaseFuture({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { country, dateTime } = useNames();
  const view = useResource<FutureView>(futurePath(detail.reference, "future"));
  if (view.error) return <Text c="red">{describeError(view.error)}</Text>;
  const data = view.data;
  if (!data) return null;
  const { permissions } = data;
  const by = (person: { name: string } | null, agency: { name: string } | null) =>
    [person?.name, agency?.name].filter(Boolean).join(", ");
  const latestRisk = data.riskAssessments[0];
  const decision = data.decision;
  const ret = data.returnDetails;
  const returning = decision?.option.startsWith("voluntary_return") ?? false;
  const sealed = (has: boolean, text: string | null) =>
    text ?? (has ? t("future.sealedNotShown") : t("future.none"));

  return (
    <Stack gap="md" data-testid="case-future">
      <Section title={t("future.risk.title")} testId="future-risk">
        {latestRisk ? (
          <Stack gap={4} data-testid="risk-current" data-level={latestRisk.level}>
            <Group gap="xs">
              <Badge color={levelColour[latestRisk.level]}>{t(`future.riskLevel.${latestRisk.level}`)}</Badge>
              <Text size="sm">{t(`future.recommendation.${latestRisk.recommendation}`)}</Text>
            </Group>
            <Field label={t("future.risk.assessedOn")} value={latestRisk.assessedOn} />
            <Field
              label={t("future.risk.factors")}
              value={
                latestRisk.factors.map((f) => t(`future.riskFactor.${f}`)).join("; ") || t("future.none")
              }
            />
            <Field
              label={t("future.risk.assessment")}
              value={sealed(latestRisk.hasAssessment, latestRisk.assessment)}
            />
            <Field label={t("future.recordedBy")} value={by(latestRisk.recordedBy, latestRisk.agency)} />
            {data.riskAssessments.length > 1 && (
              <Text size="xs" c="dimmed">
                {t("future.risk.earlier", { n: data.riskAssessments.length - 1 })}
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed" data-testid="risk-none">
            {t("future.risk.none")}
          </Text>
        )}
        {permissions.canAssessRisk && (
          <RiskAssessmentForm reference={detail.reference} onDone={view.reload} />
        )}
      </Section>

      <Section title={t("future.decision.title")} testId="future-decision">
        {decision ? (
          <Stack gap={4} data-testid="decision-current" data-option={decision.option}>
            <Text fw={600}>{t(`future.option.${decision.option}`)}</Text>
            <Field label={t("future.decision.decidedOn")} value={decision.decidedOn} />
            {decision.plannedDepartureOn && (
              <Field label={t("future.decision.plannedDepartureOn")} value={decision.plannedDepartureOn} />
            )}
            <Field label={t("future.decision.note")} value={sealed(decision.hasNote, decision.note)} />
            <Field label={t("future.recordedBy")} value={by(decision.recordedBy, decision.agency)} />
          </Stack>
        ) : (
          <Text size="sm" c="dimmed" data-testid="decision-none">
            {t("future.decision.none")}
          </Text>
        )}
        {permissions.canDecide && <DecisionForm reference={detail.reference} onDone={view.reload} />}
      </Section>

      {(returning || ret) && (
        <Section title={t("future.return.title")} testId="future-return">
          {ret ? (
            <Stack gap={4} data-testid="return-current">
              <Field label={t("future.return.destinationCountry")} value={country(ret.destinationCountry)} />
              <Field label={t("future.return.departureOn")} value={ret.departureOn ?? t("future.none")} />
              <Field
                label={t("future.return.travelDocumentStatus")}
                value={
                  ret.travelDocumentStatus
                    ? `${t(`future.documentStatus.${ret.travelDocumentStatus}`)}${ret.travelDocumentOn ? ` (${ret.travelDocumentOn})` : ""}`
                    : t("future.none")
                }
              />
              <Field
                label={t("future.return.travelDocumentNumber")}
                value={sealed(ret.hasTravelDocumentNumber, ret.travelDocumentNumber)}
              />
              <Field
                label={t("future.return.escorted")}
                value={
                  ret.escorted
                    ? `${t("future.yes")}${ret.escortAgency ? `, ${ret.escortAgency.name}` : ""}`
                    : t("future.no")
                }
              />
              <Field
                label={t("future.return.partnerName")}
                value={
                  ret.partnerName
                    ? `${ret.partnerName}${ret.partnerCountry ? ` (${country(ret.partnerCountry)})` : ""}`
                    : t("future.none")
                }
              />
              <Field label={t("future.recordedBy")} value={by(ret.recordedBy, ret.agency)} />
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t("future.return.none")}
            </Text>
          )}
          {permissions.canRecordReturn && returning && (
            <ReturnForm reference={detail.reference} team={detail.team} onDone={view.reload} />
          )}
        </Section>
      )}

      {(returning || data.handOvers.length > 0) && (
        <Section title={t("future.handOver.title")} testId="future-hand-over">
          {data.handOvers.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("future.handOver.none")}
            </Text>
          ) : (
            <Stack gap={4}>
              {data.handOvers.map((h) => (
                <Text size="sm" key={h.id} data-testid="handover-row">
                  {dateTime(h.createdAt)}: {h.sections.map((s) => t(`future.section.${s}`)).join(", ")} —{" "}
                  {by(h.createdBy, h.agency)}
                </Text>
              ))}
            </Stack>
          )}
          {permissions.canHandOver && <HandOverForm reference={detail.reference} onDone={view.reload} />}
        </Section>
      )}

      <Section title={t("future.followUp.title")} testId="future-follow-ups">
        {data.followUps.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("future.followUp.none")}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("future.followUp.due")}</Table.Th>
                  <Table.Th>{t("future.followUp.status")}</Table.Th>
                  <Table.Th>{t("future.followUp.outcomes")}</Table.Th>
                  <Table.Th>{t("future.followUp.notes")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.followUps.map((f) => {
                  const status = f.status === "held" ? "held" : f.overdue ? "overdue" : "scheduled";
                  return (
                    <Table.Tr key={f.id} data-testid="follow-up-row" data-status={status}>
                      <Table.Td>
                        <Text size="sm">
                          {f.dueOn} ({t("future.followUp.months", { n: f.months })})
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={status === "held" ? "green" : status === "overdue" ? "red" : "gray"}>
                          {t(`future.followUpStatus.${status}`)}
                        </Badge>
                        {f.heldOn && (
                          <Text size="xs" c="dimmed">
                            {f.heldOn}, {by(f.heldBy, f.resultAgency)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{f.outcomes.map((o) => t(`future.outcome.${o}`)).join("; ")}</Text>
                      </Table.Td>
                      <Table.Td>
                        {f.status === "held" ? (
                          <Text size="sm">{sealed(f.hasNotes, f.notes)}</Text>
                        ) : (
                          permissions.canRecordFollowUp && (
                            <FollowUpResultForm
                              reference={detail.reference}
                              followUpId={f.id}
                              onDone={view.reload}
                            />
                          )
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>

      <Section title={t("future.reTrafficking.title")} testId="future-re-trafficking">
        {data.reTrafficking.earlier.length + data.reTrafficking.later.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("future.reTrafficking.none")}
          </Text>
        ) : (
          <Stack gap={4} data-testid="retrafficking-links">
            {data.reTrafficking.earlier.map((l) => (
              <Text size="sm" key={`e-${l.reference}`}>
                {t("future.reTrafficking.earlier")}{" "}
                <Anchor component={Link} to={`/cases/${encodeURIComponent(l.reference)}`}>
                  {l.reference}
                </Anchor>
              </Text>
            ))}
            {data.reTrafficking.later.map((l) => (
              <Text size="sm" key={`l-${l.reference}`}>
                {t("future.reTrafficking.later")}{" "}
                <Anchor component={Link} to={`/cases/${encodeURIComponent(l.reference)}`}>
                  {l.reference}
                </Anchor>
              </Text>
            ))}
          </Stack>
        )}
        {permissions.canLinkReTrafficking && (
          <ReTraffickingForm reference={detail.reference} onDone={view.reload} />
        )}
      </Section>
    </Stack>
  );
}
