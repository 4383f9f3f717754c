import { Badge, Group, Stack, Tabs } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { ErrorNotice, Loading, Page } from "../../platform/layout/Page";
import { useResource } from "../../platform/useResource";
import { CaseAssistance } from "../assistance/CaseAssistance";
import { BreakGlassBanner } from "../breakglass/BreakGlassBanner";
import { CaseNotFound } from "../breakglass/CaseNotFound";
import { CaseChild } from "../children/CaseChild";
import { CaseFuture } from "../future/CaseFuture";
import { CaseInterview } from "../interview/CaseInterview";
import { CaseJustice } from "../justice/CaseJustice";
import { CaseLinks } from "../matching/CaseLinks";
import { CaseProcedure } from "../pathway/CaseProcedure";
import { CaseReferrals } from "../referrals/CaseReferrals";
import { CaseRetention } from "../retention/CaseRetention";
import { CaseRightsInformation } from "../rights/CaseRightsInformation";
import { CaseInterpreters } from "../security/CaseInterpreters";
import { CaseShelter } from "../shelters/CaseShelter";
import { CaseRiskLevel } from "../security/CaseRiskLevel";
import { CaseTimeline } from "../timeline/CaseTimeline";
import { CaseSummarySection, CircumstancesSection, IdentitySection, PersonSection } from "./CaseSections";
import { CaseTeam } from "./CaseTeam";
import { PathwayBadge } from "./PathwayBadge";
import type { CaseDetail } from "./types";

const caseTabs = ["overview", "interview", "assistance", "child", "future", "timeline"] as const;
type CaseTab = (typeof caseTabs)[number];

function isCaseTab(value: string | null): value is CaseTab {
  return value !== null && (caseTabs as readonly string[]).includes(value);
}

export function CasePage() {
  const { t } = useTranslation();
  const { reference = "" } = useParams();
  const [search, setSearch] = useSearchParams();
  const detail = useResource<CaseDetail>(`/api/cases/${encodeURIComponent(reference)}`);

  // Outside the case team the server answers 404; that page says no more than "not found".
  if (detail.error && (detail.error.status === 404 || detail.error.status === 403))
    return <CaseNotFound reference={reference} onGranted={detail.reload} />;
  if (detail.error) return <ErrorNotice error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loading />;

  const record = detail.data;
  const requested = search.get("tab");
  const tabs = caseTabs.filter((tab) => tab !== "child" || record.pathway === "child");
  const tab: CaseTab = isCaseTab(requested) && tabs.includes(requested) ? requested : "overview";
  // The tab is kept in the address so a reload or a shared link opens the same part of the file;
  // it names a part of the page, never anything about the person.
  const select = (value: string | null) => {
    if (isCaseTab(value)) setSearch(value === "overview" ? {} : { tab: value }, { replace: true });
  };

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
      <BreakGlassBanner reference={record.reference} onEnded={detail.reload} />
      <Tabs value={tab} onChange={select} keepMounted={false}>
        <Tabs.List mb="md">
          {tabs.map((value) => (
            <Tabs.Tab key={value} value={value} data-testid={`case-tab-${value}`}>
              {t(`caseTabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <Stack gap="md">
            <CaseSummarySection detail={record} />
            <CaseLinks detail={record} />
            <CaseProcedure detail={record} />
            <PersonSection detail={record} />
            {record.identity !== null && <IdentitySection identity={record.identity} />}
            <CircumstancesSection
              circumstances={record.circumstances}
              inScope={record.permissions.canSeeCircumstances}
            />
            <CaseTeam detail={record} onChanged={detail.replace} />
            <CaseRiskLevel detail={record} />
            <CaseJustice detail={record} />
            <CaseShelter detail={record} />
            <CaseRightsInformation detail={record} />
            <CaseInterpreters detail={record} />
            <CaseReferrals detail={record} />
            <CaseRetention reference={record.reference} onChanged={detail.reload} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="interview">
          <CaseInterview detail={record} />
        </Tabs.Panel>
        <Tabs.Panel value="assistance">
          <CaseAssistance detail={record} />
        </Tabs.Panel>
        {record.pathway === "child" && (
          <Tabs.Panel value="child">
            <CaseChild detail={record} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="future">
          <CaseFuture detail={record} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline">
          <CaseTimeline detail={record} />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}
