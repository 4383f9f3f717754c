import { Badge, Group, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorNotice, Loading, NotFoundPage, Page } from "../../platform/layout/Page";
import { useResource } from "../../platform/useResource";
import { CaseSummarySection, CircumstancesSection, IdentitySection, PersonSection } from "./CaseSections";
import { CaseReferrals } from "../referrals/CaseReferrals";
import { CaseRightsInformation } from "../rights/CaseRightsInformation";
import { CaseProcedure } from "../pathway/CaseProcedure";
import { CaseTeam } from "./CaseTeam";
import { PathwayBadge } from "./PathwayBadge";
import type { CaseDetail } from "./types";

export function CasePage() {
  const { t } = useTranslation();
  const { reference = "" } = useParams();
  const detail = useResource<CaseDetail>(`/api/cases/${encodeURIComponent(reference)}`);

  // Outside the case team the server answers 404; that page says no more than "not found".
  if (detail.error && (detail.error.status === 404 || detail.error.status === 403)) return <NotFoundPage />;
  if (detail.error) return <ErrorNotice error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loading />;

  const record = detail.data;
  return (
    <Page
      title={record.reference}
      testId="case-reference"
      actions={
        <Group gap="xs">
          <PathwayBadge pathway={record.pathway} size="md" />
          <Badge variant="outline" color="gray" size="md">
            {t(`vocabulary.caseStatus.${record.status}`)}
          </Badge>
        </Group>
      }
    >
      <Stack gap="md">
        <CaseSummarySection detail={record} />
        <CaseProcedure detail={record} />
        <PersonSection detail={record} />
        {record.identity !== null && <IdentitySection identity={record.identity} />}
        <CircumstancesSection
          circumstances={record.circumstances}
          inScope={record.permissions.canSeeCircumstances}
        />
        <CaseTeam detail={record} onChanged={detail.replace} />
        <CaseRightsInformation detail={record} />
        <CaseReferrals detail={record} />
      </Stack>
    </Page>
  );
}
