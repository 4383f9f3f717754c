import { Button, Group, NativeSelect, SimpleGrid, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { auditActions } from "./types";

export const auditFilterNames = ["action", "reference", "username", "from", "to"] as const;
export type AuditFilters = Record<(typeof auditFilterNames)[number], string>;

export function AuditFilterForm({
  filters,
  onApply,
}: {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [filters]);
  const set = (name: keyof AuditFilters) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setDraft((previous) => ({ ...previous, [name]: value }));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(draft);
  }

  function clear() {
    const empty: AuditFilters = { action: "", reference: "", username: "", from: "", to: "" };
    setDraft(empty);
    onApply(empty);
  }

  return (
    <form onSubmit={submit} aria-label={t("audit.filters")} data-testid="audit-filters">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm" verticalSpacing="xs">
        <NativeSelect
          label={t("audit.action")}
          value={draft.action}
          onChange={set("action")}
          data={[
            { value: "", label: t("common.any") },
            ...auditActions.map((action) => ({ value: action, label: t(`auditAction.${action}`) })),
          ]}
        />
        <TextInput label={t("cases.reference")} value={draft.reference} onChange={set("reference")} />
        <TextInput
          label={t("auth.username")}
          value={draft.username}
          onChange={set("username")}
          autoCapitalize="none"
        />
        <TextInput type="date" label={t("cases.from")} value={draft.from} onChange={set("from")} />
        <TextInput type="date" label={t("cases.to")} value={draft.to} onChange={set("to")} />
      </SimpleGrid>
      <Group mt="sm" gap="sm">
        <Button type="submit">{t("common.search")}</Button>
        <Button variant="default" onClick={clear}>
          {t("common.clear")}
        </Button>
      </Group>
    </form>
  );
}
