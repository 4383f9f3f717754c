import { Code, Pagination, Paper, Table, Text } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { withQuery } from "../../platform/api";
import { useNames } from "../../platform/labels";
import { ErrorNotice, Loading, Page } from "../../platform/layout/Page";
import type { Page as ResultPage } from "../../platform/types";
import { useResource } from "../../platform/useResource";
import { AuditFilterForm, auditFilterNames, type AuditFilters } from "./AuditFilterForm";
import { type AuditRow, isAuditAction } from "./types";
import { VerifyChain } from "./VerifyChain";

const pageSize = 50;

function describeDetail(detail: unknown): string {
  if (detail === null || detail === undefined) return "";
  if (typeof detail !== "object") return JSON.stringify(detail);
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`)
    .join(", ");
}

export function AuditPage() {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const [parameters, setParameters] = useSearchParams();
  const filters = useMemo(
    () =>
      Object.fromEntries(auditFilterNames.map((name) => [name, parameters.get(name) ?? ""])) as AuditFilters,
    [parameters],
  );
  const requested = Number(parameters.get("page"));
  const page = Number.isInteger(requested) && requested > 0 ? requested : 1;
  const rows = useResource<ResultPage<AuditRow>>(withQuery("/api/audit", { ...filters, page, pageSize }));

  const go = (next: AuditFilters, nextPage: number) => {
    const search = new URLSearchParams();
    for (const name of auditFilterNames) if (next[name].trim()) search.set(name, next[name].trim());
    if (nextPage > 1) search.set("page", String(nextPage));
    setParameters(search);
  };
  const pages = rows.data ? Math.max(1, Math.ceil(rows.data.total / pageSize)) : 1;
  const actionLabel = (action: string) => (isAuditAction(action) ? t(`auditAction.${action}`) : action);

  return (
    <Page title={t("audit.title")} actions={<VerifyChain />}>
      <Paper withBorder p="sm">
        <AuditFilterForm filters={filters} onApply={(next) => go(next, 1)} />
      </Paper>
      {rows.error && <ErrorNotice error={rows.error} onRetry={rows.reload} />}
      {rows.loading && !rows.data && <Loading />}
      {rows.data && (
        <>
          <Text size="sm" c="dimmed" data-testid="audit-total">
            {t("audit.total", { count: rows.data.total })}
          </Text>
          <Table.ScrollContainer minWidth={1000}>
            <Table striped verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>#</Table.Th>
                  <Table.Th>{t("audit.at")}</Table.Th>
                  <Table.Th>{t("audit.actor")}</Table.Th>
                  <Table.Th>{t("audit.action")}</Table.Th>
                  <Table.Th>{t("cases.reference")}</Table.Th>
                  <Table.Th>{t("audit.detail")}</Table.Th>
                  <Table.Th>{t("audit.reason")}</Table.Th>
                  <Table.Th>{t("audit.ip")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.data.items.map((row) => (
                  <Table.Tr key={row.seq} data-testid="audit-row" data-action={row.action}>
                    <Table.Td>{row.seq}</Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{dateTime(row.at)}</Table.Td>
                    <Table.Td>
                      {row.actor ? (
                        <>
                          <Text size="sm" ff="monospace">
                            {row.actor.username}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {row.actor.agencyName}
                          </Text>
                        </>
                      ) : (
                        t("audit.noActor")
                      )}
                    </Table.Td>
                    <Table.Td title={row.action}>{actionLabel(row.action)}</Table.Td>
                    <Table.Td ff="monospace" style={{ whiteSpace: "nowrap" }}>
                      {row.reference ?? ""}
                    </Table.Td>
                    <Table.Td>
                      {row.entity && (
                        <Text size="xs" c="dimmed">
                          {row.entity}
                          {row.entityId ? ` ${row.entityId}` : ""}
                        </Text>
                      )}
                      {describeDetail(row.detail) && <Code>{describeDetail(row.detail)}</Code>}
                    </Table.Td>
                    <Table.Td>{row.reason ?? ""}</Table.Td>
                    <Table.Td ff="monospace">{row.ip ?? ""}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages > 1 && (
            <Pagination total={pages} value={page} onChange={(next) => go(filters, next)} siblings={1} />
          )}
        </>
      )}
    </Page>
  );
}
