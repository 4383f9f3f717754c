import { Anchor, Badge, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useNames } from "../../platform/labels";
import { ErrorNotice, Loading, Page } from "../../platform/layout/Page";
import { useResource } from "../../platform/useResource";
import { PathwayBadge } from "../cases/PathwayBadge";
import { ReferralPurposeText, ReferralStatusBadge } from "./ReferralBits";
import { type Inbox, inboxPath } from "./types";

/** Referrals to the user's agency: the case's reference and pathway, never the person. */
export function InboxPage() {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const inbox = useResource<Inbox>(inboxPath);
  if (inbox.error) return <ErrorNotice error={inbox.error} onRetry={inbox.reload} />;
  if (!inbox.data) return <Loading />;
  const { items, pending } = inbox.data;
  return (
    <Page
      title={t("referrals.inboxTitle")}
      actions={
        <Text size="sm" c="dimmed" data-testid="inbox-pending">
          {t("referrals.pendingCount", { count: pending })}
        </Text>
      }
    >
      {items.length === 0 ? (
        <Text>{t("referrals.inboxEmpty")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("referrals.case")}</Table.Th>
                <Table.Th>{t("referrals.from")}</Table.Th>
                <Table.Th>{t("referrals.purpose")}</Table.Th>
                <Table.Th>{t("referrals.status")}</Table.Th>
                <Table.Th>{t("referrals.referredAt")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id} data-testid="inbox-row" data-unread={item.unread}>
                  <Table.Td>
                    <Group gap="xs">
                      <Anchor
                        component={Link}
                        to={`/referrals/${item.id}`}
                        fw={item.unread ? 700 : 400}
                        size="sm"
                      >
                        {item.case.reference}
                      </Anchor>
                      <PathwayBadge pathway={item.case.pathway} />
                      {item.unread && item.status === "pending" && (
                        <Badge size="xs" color="blue">
                          {t("referrals.unread")}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{item.from.name}</Text>
                  </Table.Td>
                  <Table.Td>
                    <ReferralPurposeText referral={item} />
                  </Table.Td>
                  <Table.Td>
                    <ReferralStatusBadge status={item.status} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{dateTime(item.referredAt)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Page>
  );
}
