import { Checkbox, Pagination, Paper, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { withQuery } from "../../platform/api";
import { hasAnyRole, useMe } from "../../platform/auth";
import { useNames } from "../../platform/labels";
import { ErrorNotice, Loading, Page } from "../../platform/layout/Page";
import type { Page as ResultPage } from "../../platform/types";
import { useResource } from "../../platform/useResource";
import { BreakGlassRequestForm } from "./BreakGlassRequestForm";
import { type BreakGlassGrant, mayBreakGlass } from "./types";

const pageSize = 50;

/**
 * Emergency access: auditors see every access (who, which case, why, from, until, ended); those who
 * may break glass ask for it here by the case reference they were given.
 */
export function BreakGlassPage() {
  const { t } = useTranslation();
  const user = useMe();
  const navigate = useNavigate();
  return (
    <Page title={t("breakglass.title")}>
      {hasAnyRole(user, ["auditor"]) && <BreakGlassList />}
      {mayBreakGlass(user) && (
        <Paper withBorder p="sm">
          <BreakGlassRequestForm
            onGranted={(grant) => void navigate(`/cases/${encodeURIComponent(grant.reference)}`)}
          />
        </Paper>
      )}
    </Page>
  );
}

function BreakGlassList() {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const [parameters, setParameters] = useSearchParams();
  const activeOnly = parameters.get("active") === "true";
  const requested = Number(parameters.get("page"));
  const page = Number.isInteger(requested) && requested > 0 ? requested : 1;
  const rows = useResource<ResultPage<BreakGlassGrant>>(
    withQuery("/api/break-glass", { active: activeOnly ? "true" : undefined, page, pageSize }),
  );
  const go = (active: boolean, nextPage: number) => {
    const search = new URLSearchParams();
    if (active) search.set("active", "true");
    if (nextPage > 1) search.set("page", String(nextPage));
    setParameters(search);
  };
  const pages = rows.data ? Math.max(1, Math.ceil(rows.data.total / pageSize)) : 1;

  return (
    <Stack gap="sm">
      <Text fw={600}>{t("breakglass.listTitle")}</Text>
      <Checkbox
        label={t("breakglass.activeOnly")}
        checked={activeOnly}
        onChange={(event) => go(event.currentTarget.checked, 1)}
        data-testid="breakglass-active-only"
      />
      {rows.error && <ErrorNotice error={rows.error} onRetry={rows.reload} />}
      {rows.loading && !rows.data && <Loading />}
      {rows.data && (
        <>
          <Text size="sm" c="dimmed" data-testid="breakglass-total">
            {rows.data.total === 0 ? t("breakglass.none") : t("breakglass.total", { count: rows.data.total })}
          </Text>
          <Table.ScrollContainer minWidth={900}>
            <Table striped fz="sm" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("breakglass.who")}</Table.Th>
                  <Table.Th>{t("breakglass.case")}</Table.Th>
                  <Table.Th>{t("breakglass.reasonCode")}</Table.Th>
                  <Table.Th>{t("breakglass.from")}</Table.Th>
                  <Table.Th>{t("breakglass.until")}</Table.Th>
                  <Table.Th>{t("breakglass.endedAt")}</Table.Th>
                  <Table.Th>{t("breakglass.state")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.data.items.map((grant) => (
                  <Table.Tr
                    key={grant.id}
                    data-testid="breakglass-row"
                    data-reference={grant.reference}
                    data-state={grant.state}
                  >
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {grant.user.username}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {grant.agency.name}
                      </Text>
                    </Table.Td>
                    <Table.Td ff="monospace" style={{ whiteSpace: "nowrap" }}>
                      {grant.reference}
                    </Table.Td>
                    <Table.Td>{t(`breakglass.reason.${grant.reasonCode}`)}</Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{dateTime(grant.grantedAt)}</Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{dateTime(grant.expiresAt)}</Table.Td>
                    <Table.Td>
                      {grant.endedAt ? `${dateTime(grant.endedAt)} (${grant.endedBy?.username ?? ""})` : ""}
                    </Table.Td>
                    <Table.Td>{t(`breakglass.stateName.${grant.state}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages > 1 && (
            <Pagination total={pages} value={page} onChange={(next) => go(activeOnly, next)} siblings={1} />
          )}
        </>
      )}
    </Stack>
  );
}
