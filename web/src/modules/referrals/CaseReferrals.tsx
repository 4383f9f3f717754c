import { Anchor, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMe } from "../../platform/auth";
import { useNames } from "../../platform/labels";
import { useResource } from "../../platform/useResource";
import { Section } from "../cases/Facts";
import type { CaseDetail } from "../cases/types";
import { GrantedScopes, ReferralPurposeText, ReferralStatusBadge } from "./ReferralBits";
import { ReferForm } from "./ReferForm";
import type { Referral } from "./types";

const referringRoles = ["case_worker", "supervisor", "police_investigator"] as const;

/** The case's referrals with their status, and the form to refer it on. */
export function CaseReferrals({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const me = useMe();
  const list = useResource<Referral[]>(`/api/cases/${encodeURIComponent(detail.reference)}/referrals`);
  const mayRefer = me.roles.some((role) => (referringRoles as readonly string[]).includes(role));
  const referrals = list.data ?? [];
  return (
    <Section title={t("referrals.title")} testId="case-referrals">
      {referrals.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("referrals.none")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("referrals.to")}</Table.Th>
                <Table.Th>{t("referrals.purpose")}</Table.Th>
                <Table.Th>{t("referrals.granted")}</Table.Th>
                <Table.Th>{t("referrals.status")}</Table.Th>
                <Table.Th>{t("referrals.referredAt")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {referrals.map((referral) => (
                <Table.Tr key={referral.id} data-testid="case-referral">
                  <Table.Td>
                    <Anchor component={Link} to={`/referrals/${referral.id}`} size="sm">
                      {referral.to.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <ReferralPurposeText referral={referral} />
                  </Table.Td>
                  <Table.Td>
                    <GrantedScopes referral={referral} />
                  </Table.Td>
                  <Table.Td>
                    <ReferralStatusBadge status={referral.status} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{dateTime(referral.referredAt)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {mayRefer && <ReferForm detail={detail} onReferred={list.reload} />}
    </Section>
  );
}
