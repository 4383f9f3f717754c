import { Button, Collapse, Group, Pagination, Paper, Text } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { IconAdjustments, IconUserPlus } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useMe } from "../../platform/auth";
import { ErrorNotice, Loading, Page } from "../../platform/layout/Page";
import { mayOpen } from "../../platform/navigation";
import type { Agency, Page as ResultPage } from "../../platform/types";
import { usePostQuery, useResource } from "../../platform/useResource";
import { CaseFilterForm } from "./CaseFilterForm";
import { CaseCards, CaseTable } from "./CaseList";
import {
  activeFilterCount,
  addressFor,
  type CaseFilters,
  filtersFrom,
  pageFrom,
  pageSize,
  rememberedName,
  rememberName,
  searchBody,
} from "./filters";
import type { CaseSummary } from "./types";

export function CasesPage() {
  const { t } = useTranslation();
  const user = useMe();
  const [parameters, setParameters] = useSearchParams();
  const phone = useMediaQuery("(max-width: 48em)");
  const [name, setName] = useState(() => rememberedName(user.id));
  const filters = useMemo(() => filtersFrom(parameters, name), [parameters, name]);
  const page = pageFrom(parameters);
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(false);

  const cases = usePostQuery<ResultPage<CaseSummary>>("/api/cases/search", searchBody(filters, page));
  const agencies = useResource<Agency[]>("/api/agencies");

  const apply = (next: CaseFilters) => {
    rememberName(user.id, next.name.trim());
    setName(next.name.trim());
    setParameters(addressFor(next, 1));
  };
  const turnTo = (next: number) => setParameters(addressFor(filters, next));
  const active = activeFilterCount(filters);
  const pages = cases.data ? Math.max(1, Math.ceil(cases.data.total / pageSize)) : 1;

  return (
    <Page
      title={t("cases.title")}
      actions={
        <Group gap="sm">
          {mayOpen.register(user.roles) && (
            <Button component={Link} to="/cases/new" leftSection={<IconUserPlus size={18} />}>
              {t("nav.register")}
            </Button>
          )}
          {phone && (
            <Button
              variant="default"
              leftSection={<IconAdjustments size={18} />}
              onClick={toggleFilters}
              aria-expanded={filtersOpen}
            >
              {active > 0 ? t("cases.filtersActive", { count: active }) : t("cases.filters")}
            </Button>
          )}
        </Group>
      }
    >
      <Collapse expanded={!phone || filtersOpen}>
        <Paper withBorder p="sm">
          <CaseFilterForm filters={filters} agencies={agencies.data ?? []} onApply={apply} />
        </Paper>
      </Collapse>
      {cases.error && <ErrorNotice error={cases.error} onRetry={cases.reload} />}
      {cases.loading && !cases.data && <Loading />}
      {cases.data && (
        <>
          <Text size="sm" c="dimmed" data-testid="case-total">
            {t("cases.total", { count: cases.data.total })}
          </Text>
          {cases.data.items.length === 0 ? (
            <Text>{t("cases.none")}</Text>
          ) : phone ? (
            <CaseCards cases={cases.data.items} />
          ) : (
            <CaseTable cases={cases.data.items} />
          )}
          {pages > 1 && (
            <Pagination
              total={pages}
              value={page}
              onChange={turnTo}
              siblings={phone ? 0 : 1}
              aria-label={t("common.pages")}
            />
          )}
        </>
      )}
    </Page>
  );
}
