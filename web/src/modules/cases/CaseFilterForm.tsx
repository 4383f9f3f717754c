import { Button, Group, NativeSelect, SimpleGrid, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { caseStatuses, identificationSources, pathways } from "../../../../shared/vocabulary";
import type { Agency } from "../../platform/types";
import { type CaseFilters, filterNames } from "./filters";

interface Props {
  filters: CaseFilters;
  agencies: readonly Agency[];
  onApply: (filters: CaseFilters) => void;
}

export function CaseFilterForm({ filters, agencies, onApply }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [filters]);

  const set = (name: keyof CaseFilters) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setDraft((previous) => ({ ...previous, [name]: value }));
  };
  const any = { value: "", label: t("common.any") };

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(draft);
  }

  function clear() {
    const empty = Object.fromEntries(filterNames.map((name) => [name, ""])) as CaseFilters;
    setDraft(empty);
    onApply(empty);
  }

  return (
    <form onSubmit={submit} aria-label={t("cases.filters")} data-testid="case-filters">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
        <TextInput
          label={t("cases.reference")}
          value={draft.reference}
          onChange={set("reference")}
          name="reference"
        />
        <TextInput label={t("cases.nameSearch")} value={draft.name} onChange={set("name")} name="name" />
        <NativeSelect
          label={t("cases.pathway")}
          value={draft.pathway}
          onChange={set("pathway")}
          data={[any, ...pathways.map((value) => ({ value, label: t(`vocabulary.pathway.${value}`) }))]}
        />
        <NativeSelect
          label={t("cases.status")}
          value={draft.status}
          onChange={set("status")}
          data={[
            any,
            ...caseStatuses.map((value) => ({ value, label: t(`vocabulary.caseStatus.${value}`) })),
          ]}
        />
        <NativeSelect
          label={t("cases.source")}
          value={draft.source}
          onChange={set("source")}
          data={[
            any,
            ...identificationSources.map((value) => ({ value, label: t(`vocabulary.source.${value}`) })),
          ]}
        />
        <NativeSelect
          label={t("cases.identifyingAgency")}
          value={draft.agencyId}
          onChange={set("agencyId")}
          data={[any, ...agencies.map((agency) => ({ value: agency.id, label: agency.name }))]}
        />
        <TextInput type="date" label={t("cases.from")} value={draft.from} onChange={set("from")} />
        <TextInput type="date" label={t("cases.to")} value={draft.to} onChange={set("to")} />
      </SimpleGrid>
      <Group mt="sm" gap="sm">
        <Button type="submit" data-testid="case-filters-apply">
          {t("common.search")}
        </Button>
        <Button variant="default" onClick={clear}>
          {t("common.clear")}
        </Button>
      </Group>
    </form>
  );
}
