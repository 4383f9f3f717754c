import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { assistanceServices, consentMethods, referralLegalBases } from "../../../../shared/vocabulary";
import { api } from "../../platform/api";
import { describeError, type FieldProblems, fieldProblemsFrom, problemAt } from "../../platform/errors";
import { useJurisdiction } from "../../platform/jurisdiction";
import type { Agency } from "../../platform/types";
import { useResource } from "../../platform/useResource";
import { type CaseDetail, type TeamScope, teamScopes } from "../cases/types";

type Grounds = "consent" | "legal_basis";
const responsibility = "case_responsibility";

/**
 * Refers the case to another agency. Consent is asked for this recipient and this purpose; the
 * data ticked are what the person agreed to share, and all the recipient will see.
 */
export function ReferForm({ detail, onReferred }: { detail: CaseDetail; onReferred: () => void }) {
  const { t } = useTranslation();
  const today = useJurisdiction().jurisdiction?.today ?? "";
  const agencies = useResource<Agency[]>("/api/agencies");
  const [toAgencyId, setToAgencyId] = useState("");
  const [purpose, setPurpose] = useState("");
  const [scopes, setScopes] = useState<TeamScope[]>([]);
  const [grounds, setGrounds] = useState<Grounds>("consent");
  const [consentGiven, setConsentGiven] = useState(false);
  // Today by default; the jurisdiction may load after the form, so the default is applied late.
  const [chosenDate, setDate] = useState("");
  const date = chosenDate || today;
  const [method, setMethod] = useState("");
  const [basis, setBasis] = useState("");
  const [decidedBy, setDecidedBy] = useState("");
  const [note, setNote] = useState("");
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const onTeam = new Set(detail.team.map((member) => member.agency.id));
  const candidates = (agencies.data ?? []).filter((agency) => agency.active && !onTeam.has(agency.id));

  function body() {
    const service = purpose && purpose !== responsibility ? purpose : null;
    return {
      toAgencyId,
      purpose: purpose === responsibility ? "case_responsibility" : "service",
      service,
      scopes,
      consent:
        grounds === "consent"
          ? { given: consentGiven, date: date || null, method: method || null, scopes }
          : null,
      legalBasis: grounds === "legal_basis" ? { basis, decidedBy, date, scopes } : null,
      note: note.trim() || null,
    };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setProblems({});
    setBusy(true);
    try {
      await api.post(`/api/cases/${encodeURIComponent(detail.reference)}/referrals`, body());
      notifications.show({ color: "green", message: t("referrals.referred") });
      setToAgencyId("");
      setPurpose("");
      setNote("");
      setConsentGiven(false);
      onReferred();
    } catch (error) {
      setProblems(fieldProblemsFrom(error));
      setFailure(error);
    }
    setBusy(false);
  }

  const choose = { value: "", label: t("common.choose") };
  return (
    <form onSubmit={(event) => void submit(event)} data-testid="refer-form" noValidate>
      <Stack gap="sm" mt="sm">
        <Text fw={600}>{t("referrals.refer")}</Text>
        {failure !== null && (
          <Alert color="red" role="alert" data-testid="refer-error">
            {describeError(failure)}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t("referrals.to")}
            data={[choose, ...candidates.map((agency) => ({ value: agency.id, label: agency.name }))]}
            value={toAgencyId}
            onChange={(event) => setToAgencyId(event.currentTarget.value)}
            error={problemAt(problems, "toAgencyId")}
            data-testid="refer-agency"
          />
          <NativeSelect
            label={t("referrals.purpose")}
            data={[
              choose,
              { value: responsibility, label: t("referrals.purposeResponsibility") },
              ...assistanceServices.map((service) => ({
                value: service,
                label: t(`referrals.serviceValue.${service}`),
              })),
            ]}
            value={purpose}
            onChange={(event) => setPurpose(event.currentTarget.value)}
            error={problemAt(problems, "service") ?? problemAt(problems, "purpose")}
            data-testid="refer-purpose"
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t("referrals.scopes")}
          description={t("referrals.scopesExplanation")}
          value={scopes}
          onChange={(values) => setScopes(teamScopes.filter((scope) => values.includes(scope)))}
        >
          <Group mt={6} gap="lg">
            {teamScopes.map((scope) => (
              <Checkbox
                key={scope}
                value={scope}
                label={t(`casePage.scope.${scope}`)}
                data-testid={`refer-scope-${scope}`}
              />
            ))}
          </Group>
        </Checkbox.Group>
        <Radio.Group
          label={t("referrals.grounds")}
          value={grounds}
          onChange={(value) => setGrounds(value === "legal_basis" ? "legal_basis" : "consent")}
        >
          <Group mt={6} gap="lg">
            <Radio
              value="consent"
              label={t("referrals.groundsConsent")}
              data-testid="refer-grounds-consent"
            />
            <Radio
              value="legal_basis"
              label={t("referrals.groundsLegalBasis")}
              data-testid="refer-grounds-legal-basis"
            />
          </Group>
        </Radio.Group>
        {grounds === "consent" ? (
          <Stack gap="xs">
            <Checkbox
              label={t("referrals.consentGiven")}
              checked={consentGiven}
              onChange={(event) => setConsentGiven(event.currentTarget.checked)}
              error={problemAt(problems, "consent") ?? problemAt(problems, "consent.given")}
              data-testid="refer-consent-given"
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                type="date"
                label={t("referrals.consentDate")}
                value={date}
                max={today}
                onChange={(event) => setDate(event.currentTarget.value)}
                error={problemAt(problems, "consent.date")}
                data-testid="refer-consent-date"
              />
              <NativeSelect
                label={t("referrals.consentMethod")}
                data={[
                  choose,
                  ...consentMethods.map((value) => ({ value, label: t(`referrals.methodValue.${value}`) })),
                ]}
                value={method}
                onChange={(event) => setMethod(event.currentTarget.value)}
                error={problemAt(problems, "consent.method")}
                data-testid="refer-consent-method"
              />
            </SimpleGrid>
          </Stack>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              label={t("referrals.legalBasis")}
              data={[
                choose,
                ...referralLegalBases.map((value) => ({ value, label: t(`referrals.basisValue.${value}`) })),
              ]}
              value={basis}
              onChange={(event) => setBasis(event.currentTarget.value)}
              error={problemAt(problems, "legalBasis.basis") ?? problemAt(problems, "legalBasis")}
              data-testid="refer-legal-basis"
            />
            <TextInput
              label={t("referrals.decidedBy")}
              value={decidedBy}
              onChange={(event) => setDecidedBy(event.currentTarget.value)}
              error={problemAt(problems, "legalBasis.decidedBy")}
              data-testid="refer-decided-by"
            />
            <TextInput
              type="date"
              label={t("referrals.decisionDate")}
              value={date}
              max={today}
              onChange={(event) => setDate(event.currentTarget.value)}
              error={problemAt(problems, "legalBasis.date")}
            />
          </SimpleGrid>
        )}
        <Textarea
          label={t("referrals.note")}
          description={t("referrals.noteHint")}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={4000}
          data-testid="refer-note"
        />
        <Button type="submit" loading={busy} w="fit-content" data-testid="refer-submit">
          {t("referrals.submit")}
        </Button>
      </Stack>
    </form>
  );
}
