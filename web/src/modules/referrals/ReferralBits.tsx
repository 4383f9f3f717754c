import { Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ReferralStatus } from "../../../../shared/vocabulary";
import type { Referral } from "./types";

const statusColour: Record<ReferralStatus, string> = {
  pending: "yellow",
  accepted: "green",
  declined: "red",
  revoked: "gray",
};

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColour[status]} variant="light" data-testid="referral-status" data-status={status}>
      {t(`referrals.statusValue.${status}`)}
    </Badge>
  );
}

/** "Safe housing" or "Case responsibility": what the recipient is asked to do. */
export function ReferralPurposeText({ referral }: { referral: Pick<Referral, "purpose" | "service"> }) {
  const { t } = useTranslation();
  return (
    <Text size="sm">
      {referral.purpose === "service" && referral.service
        ? t(`referrals.serviceValue.${referral.service}`)
        : t("referrals.purposeResponsibility")}
    </Text>
  );
}

export function GrantedScopes({ referral }: { referral: Pick<Referral, "grantedScopes"> }) {
  const { t } = useTranslation();
  if (referral.grantedScopes.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t("referrals.basic")}
      </Text>
    );
  return (
    <Group gap={4}>
      {referral.grantedScopes.map((scope) => (
        <Badge key={scope} size="sm" variant="light" color={scope === "identity" ? "red" : "gray"}>
          {t(`casePage.scope.${scope}`)}
        </Badge>
      ))}
    </Group>
  );
}
