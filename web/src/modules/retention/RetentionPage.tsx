import { Badge, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMe } from "../../platform/auth";
import { ErrorNotice, Loading, Page } from "../../platform/layout/Page";
import { useNames } from "../../platform/labels";
import { useResource } from "../../platform/useResource";
import { Section } from "../cases/Facts";
import type { DueList, StandingHold } from "./types";

/**
 * Records due for erasure in the supervisor's agency (and those falling due within the announced
 * days), and the legal holds the agency placed. Erasure itself is done on the case page.
 */
export function RetentionPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mayHold = me.roles.includes("supervisor") || me.roles.includes("prosecutor");
  const due = useResource<DueList>(mayHold ? "/api/retention/due" : null);
  const holds = useResource<StandingHold[]>(mayHold ? "/api/retention/holds" : null);
  const { dateTime } = useNames();
  if (due.error) return <ErrorNotice error={due.error} onRetry={due.reload} />;
  if (holds.error) return <ErrorNotice error={holds.error} onRetry={holds.reload} />;
  if (mayHold && (!due.data || !holds.data)) return <Loading />;
  return (
    <Page title={t("retention.pageTitle")} testId="retention-page">
      <Stack gap="md">
        {due.data && (
          <Section title={t("retention.dueTitle")} extra={<Text size="sm">{t("retention.dueHelp")}</Text>}>
            {due.data.cases.length + due.data.contacts.length + due.data.proceedings.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="retention-due-none">
                {t("retention.dueNone")}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={480}>
                <Table verticalSpacing="xs" data-testid="retention-due">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("retention.record")}</Table.Th>
                      <Table.Th>{t("retention.dueOn")}</Table.Th>
                      <Table.Th>{t("retention.state")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {due.data.cases.map((c) => (
                      <Table.Tr key={c.reference} data-testid="retention-due-case">
                        <Table.Td>
                          <Link to={`/cases/${encodeURIComponent(c.reference)}`}>{c.reference}</Link>
                        </Table.Td>
                        <Table.Td>{c.dueOn}</Table.Td>
                        <Table.Td>
                          {c.held ? (
                            <Badge color="orange">{t("retention.held")}</Badge>
                          ) : (
                            <Badge color={c.due ? "red" : "yellow"}>
                              {c.due ? t("retention.due") : t("retention.dueSoon")}
                            </Badge>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                    {due.data.contacts.map((contact) => (
                      <Table.Tr key={contact.id} data-testid="retention-due-contact">
                        <Table.Td>
                          {contact.identified
                            ? t("retention.contactIdentified")
                            : t("retention.contactAnonymous")}
                        </Table.Td>
                        <Table.Td>{contact.dueOn}</Table.Td>
                        <Table.Td>
                          <Badge color={contact.due ? "red" : "yellow"}>
                            {contact.due ? t("retention.due") : t("retention.dueSoon")}
                          </Badge>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                    {due.data.proceedings.map((proceeding) => (
                      <Table.Tr key={proceeding.id} data-testid="retention-due-proceeding">
                        <Table.Td>
                          <Link to={`/justice/${proceeding.id}`}>{t("retention.proceeding")}</Link>
                        </Table.Td>
                        <Table.Td>{proceeding.dueOn}</Table.Td>
                        <Table.Td>
                          <Badge color={proceeding.due ? "red" : "yellow"}>
                            {proceeding.due ? t("retention.due") : t("retention.dueSoon")}
                          </Badge>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Section>
        )}
        {holds.data && (
          <Section title={t("retention.holdsTitle")}>
            {holds.data.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("retention.noHolds")}
              </Text>
            ) : (
              <Stack gap="xs" data-testid="retention-holds">
                {holds.data.map((hold) => (
                  <Text key={hold.id} size="sm">
                    <Link to={`/cases/${encodeURIComponent(hold.reference)}`}>{hold.reference}</Link>
                    {" · "}
                    {t(`retention.holdReason.${hold.reason}`)}
                    {hold.proceedingReference ? ` · ${hold.proceedingReference}` : ""}
                    {" · "}
                    {dateTime(hold.placedAt)}
                  </Text>
                ))}
              </Stack>
            )}
          </Section>
        )}
      </Stack>
    </Page>
  );
}
