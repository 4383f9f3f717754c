import { Alert, Button, Group, Modal, NativeSelect, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { agencyTypes } from "../../../../shared/roles";
import { api } from "../../platform/api";
import { describeError, type FieldProblems, fieldProblemsFrom, problemAt } from "../../platform/errors";
import { useJurisdiction } from "../../platform/jurisdiction";
import type { Agency } from "../../platform/types";

interface Props {
  opened: boolean;
  onClose: () => void;
  onCreated: (agency: Agency) => void;
}

const blank = { code: "", name: "", type: "", region: "" };

export function AgencyForm({ opened, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { jurisdiction } = useJurisdiction();
  const [values, setValues] = useState(blank);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const bind = (name: keyof typeof blank) => ({
    value: values[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setValues((previous) => ({ ...previous, [name]: value }));
    },
    error: problemAt(problems, name),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const missing: FieldProblems = {};
    for (const name of ["code", "name", "type"] as const)
      if (!values[name].trim()) missing[name] = { code: "required" };
    setProblems(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      const body = {
        code: values.code.trim(),
        name: values.name.trim(),
        type: values.type,
        region: values.region || null,
      };
      onCreated(await api.post<Agency>("/api/admin/agencies", body));
      setValues(blank);
    } catch (error) {
      const fromServer = fieldProblemsFrom(error);
      setProblems(fromServer);
      if (Object.keys(fromServer).length === 0) setFailure(error);
    }
    setBusy(false);
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t("admin.newAgency")} centered>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          {failure !== null && (
            <Alert color="red" role="alert">
              {describeError(failure)}
            </Alert>
          )}
          <TextInput
            label={t("admin.code")}
            description={t("admin.codeHint")}
            withAsterisk
            autoCapitalize="none"
            {...bind("code")}
          />
          <TextInput label={t("admin.name")} withAsterisk {...bind("name")} />
          <NativeSelect
            label={t("admin.type")}
            withAsterisk
            data={[
              { value: "", label: t("common.choose") },
              ...agencyTypes.map((type) => ({ value: type, label: t(`agencyType.${type}`) })),
            ]}
            {...bind("type")}
          />
          <NativeSelect
            label={t("cases.region")}
            data={[
              { value: "", label: t("admin.national") },
              ...(jurisdiction?.regions ?? []).map((region) => ({ value: region.code, label: region.name })),
            ]}
            {...bind("region")}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={busy} data-testid="agency-submit">
              {t("common.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
