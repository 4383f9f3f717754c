import { Alert, Badge, Button, List, Stack, Text } from "@mantine/core";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CandidatesInput, CandidatesResult } from "../../../../shared/matching";
import { api } from "../../platform/api";

/** The identity fields of a registration, as the candidates look-up takes them. */
export type IdentityDraft = Pick<
  CandidatesInput,
  "givenName" | "familyName" | "birthDate" | "estimatedAge" | "gender" | "citizenship"
>;

export interface EarlierRecordsState {
  result: CandidatesResult | null;
  /**
   * Before saving: looks for possible earlier records of the person; true when some were found
   * and the registrar has not yet chosen to continue with these identity fields. A failed
   * look-up never stops a registration (the victim's help comes first).
   */
  shouldPause: (person: IdentityDraft) => Promise<boolean>;
  confirm: () => void;
}

export function useEarlierRecords(): EarlierRecordsState {
  const [result, setResult] = useState<CandidatesResult | null>(null);
  const [checked, setChecked] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState<string | null>(null);

  const shouldPause = useCallback(
    async (person: IdentityDraft) => {
      const body: IdentityDraft = {
        givenName: person.givenName,
        familyName: person.familyName ?? null,
        birthDate: person.birthDate ?? null,
        estimatedAge: person.estimatedAge ?? null,
        gender: person.gender ?? null,
        citizenship: person.citizenship ?? [],
      };
      const key = JSON.stringify(body);
      if (confirmed === key || (checked === key && result !== null && isEmpty(result))) return false;
      try {
        const found = await api.post<CandidatesResult>("/api/matching/candidates", body);
        setResult(found);
        setChecked(key);
        return !isEmpty(found);
      } catch {
        return false;
      }
    },
    [checked, confirmed, result],
  );
  const confirm = useCallback(() => setConfirmed(checked), [checked]);
  return { result, shouldPause, confirm };
}

const isEmpty = (result: CandidatesResult) => result.candidates.length === 0 && result.elsewhere.length === 0;

/** "Possible earlier record": shown in the registration form before saving; the user may go on. */
export function EarlierRecords({ state }: { state: EarlierRecordsState }) {
  const { t } = useTranslation();
  const { result } = state;
  if (!result || isEmpty(result)) return null;
  return (
    <Alert color="yellow" title={t("matching.earlier.title")} data-testid="possible-earlier-record">
      <Stack gap="sm">
        <Text size="sm">{t("matching.earlier.intro")}</Text>
        {result.candidates.length > 0 && (
          <List size="sm" spacing="xs">
            {result.candidates.map((c) => (
              <List.Item key={c.reference} data-testid="earlier-record-candidate">
                <Stack gap={2}>
                  <Text size="sm">
                    <Link to={`/cases/${encodeURIComponent(c.reference)}`} target="_blank">
                      {c.reference}
                    </Link>{" "}
                    <Badge variant="light" color="yellow">
                      {t("matching.earlier.score", { percent: Math.round(c.score * 100) })}
                    </Badge>
                  </Text>
                  <Text size="xs" c="dimmed">
                    {c.reasons.map((r) => t(`matching.reason.${r}`)).join("; ")}
                  </Text>
                </Stack>
              </List.Item>
            ))}
          </List>
        )}
        {result.elsewhere.map((e) => (
          <Text size="sm" key={e.agency.id} data-testid="earlier-record-elsewhere">
            {t("matching.earlier.elsewhere", { agency: e.agency.name })}
          </Text>
        ))}
        <Text size="sm">{t("matching.earlier.decide")}</Text>
        <Button type="submit" variant="light" onClick={state.confirm} data-testid="earlier-record-continue">
          {t("matching.earlier.continue")}
        </Button>
      </Stack>
    </Alert>
  );
}
