import { Alert, Button, Checkbox, Group, Select, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../../shared/messages";
import { api } from "../../platform/api";
import { describeError } from "../../platform/errors";
import { currentLanguage } from "../../platform/i18n";
import type { Agency } from "../../platform/types";
import { useResource } from "../../platform/useResource";
import { type CaseDetail, type TeamScope, teamScopes } from "./types";

/** Need to know: an agency joins the team with only the scopes its work requires. */
export function AddAgencyForm({
  detail,
  onAdded,
}: {
  detail: CaseDetail;
  onAdded: (detail: CaseDetail) => void;
}) {
  const { t } = useTranslation();
  const agencies = useResource<Agency[]>("/api/agencies");
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [scopes, setScopes] = useState<TeamScope[]>([]);
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const onTeam = new Set(detail.team.map((member) => member.agency.id));
  const candidates = (agencies.data ?? []).filter((agency) => agency.active && !onTeam.has(agency.id));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setMissing(!agencyId);
    if (!agencyId) return;
    setBusy(true);
    try {
      const path = `/api/cases/${encodeURIComponent(detail.reference)}/team`;
      const updated = await api.post<CaseDetail>(path, { agencyId, scopes });
      setAgencyId(null);
      setScopes([]);
      notifications.show({ color: "green", message: t("casePage.agencyAdded") });
      onAdded(updated);
    } catch (error) {
      setFailure(error);
    }
    setBusy(false);
  }

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="add-agency-form" noValidate>
      <Stack gap="sm" mt="sm">
        <Text fw={600}>{t("casePage.addAgency")}</Text>
        {failure !== null && (
          <Alert color="red" role="alert">
            {describeError(failure)}
          </Alert>
        )}
        <Select
          label={t("casePage.agency")}
          placeholder={t("common.choose")}
          data={candidates.map((agency) => ({ value: agency.id, label: agency.name }))}
          value={agencyId}
          onChange={setAgencyId}
          searchable
          nothingFoundMessage={t("common.nothingFound")}
          error={missing && !agencyId ? errorMessage(currentLanguage(), "required") : undefined}
          data-testid="add-agency-select"
          maw={420}
        />
        <Checkbox.Group
          label={t("casePage.scopes")}
          description={t("casePage.scopesExplanation")}
          value={scopes}
          onChange={(values) => setScopes(teamScopes.filter((scope) => values.includes(scope)))}
        >
          <Group mt={6} gap="lg">
            {teamScopes.map((scope) => (
              <Checkbox
                key={scope}
                value={scope}
                label={t(`casePage.scope.${scope}`)}
                data-testid={`scope-${scope}`}
              />
            ))}
          </Group>
        </Checkbox.Group>
        <Button type="submit" loading={busy} w="fit-content" data-testid="add-agency-submit">
          {t("casePage.addAgencyButton")}
        </Button>
      </Stack>
    </form>
  );
}
