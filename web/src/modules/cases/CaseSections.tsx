import { Alert, Badge, Group, Text } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useJurisdiction } from "../../platform/jurisdiction";
import { useNames } from "../../platform/labels";
import { Facts, Section } from "./Facts";
import { PathwayBadge } from "./PathwayBadge";
import type { CaseDetail, CaseIdentity } from "./types";

export function CaseSummarySection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { regionName } = useJurisdiction();
  const { dateTime } = useNames();
  return (
    <Section title={t("casePage.summary")}>
      <Facts
        facts={[
          { label: t("cases.pathway"), value: <PathwayBadge pathway={detail.pathway} /> },
          { label: t("cases.status"), value: t(`vocabulary.caseStatus.${detail.status}`) },
          {
            label: t("casePage.traffickingStatus"),
            value: t(`vocabulary.traffickingStatus.${detail.traffickingStatus}`),
          },
          { label: t("cases.source"), value: t(`vocabulary.source.${detail.source}`) },
          { label: t("cases.identificationDate"), value: detail.identificationDate },
          { label: t("cases.region"), value: regionName(detail.identificationRegion) },
          { label: t("cases.identifyingAgency"), value: detail.identifyingAgency.name },
          { label: t("casePage.registeredAt"), value: dateTime(detail.createdAt) },
        ]}
      />
    </Section>
  );
}

export function PersonSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { country, spokenLanguage } = useNames();
  const age =
    detail.ageAtIdentification === null
      ? t("common.unknown")
      : detail.ageEstimated
        ? t("casePage.ageEstimated", { age: detail.ageAtIdentification })
        : String(detail.ageAtIdentification);
  const person = detail.person;
  return (
    <Section title={t("casePage.person")}>
      <Facts
        facts={[
          { label: t("cases.gender"), value: t(`vocabulary.gender.${detail.gender}`) },
          { label: t("casePage.ageAtIdentification"), value: age },
          { label: t("registration.citizenship"), value: detail.citizenship.map(country).join(", ") },
          {
            label: t("registration.primaryLanguage"),
            value: person.primaryLanguage ? spokenLanguage(person.primaryLanguage) : null,
          },
          {
            label: t("registration.otherLanguages"),
            value: person.otherLanguages.map(spokenLanguage).join(", "),
          },
          {
            label: t("registration.maritalStatus"),
            value: person.maritalStatus ? t(`vocabulary.maritalStatus.${person.maritalStatus}`) : null,
          },
          {
            label: t("registration.numberOfChildren"),
            value: person.numberOfChildren === null ? null : String(person.numberOfChildren),
          },
          {
            label: t("registration.education"),
            value: person.education ? t(`vocabulary.education.${person.education}`) : null,
          },
          {
            label: t("registration.exploitationTypes"),
            value: detail.exploitationTypes.map((type) => t(`vocabulary.exploitation.${type}`)).join(", "),
          },
          {
            label: t("registration.controlMethods"),
            value: detail.controlMethods.map((method) => t(`vocabulary.control.${method}`)).join(", "),
          },
        ]}
      />
    </Section>
  );
}

/** Identifying data: shown only to those with the identity scope, and every read is audited. */
export function IdentitySection({ identity }: { identity: CaseIdentity }) {
  const { t } = useTranslation();
  return (
    <Section
      testId="identity-section"
      title={
        <Group gap="xs">
          <IconLock size={18} />
          {t("casePage.identity")}
          <Badge color="red" variant="filled" size="sm">
            {t("common.confidential")}
          </Badge>
        </Group>
      }
      extra={
        <Text size="xs" c="dimmed">
          {t("casePage.identityNotice")}
        </Text>
      }
    >
      <Facts
        facts={[
          { label: t("registration.givenName"), value: identity.givenName },
          { label: t("registration.familyName"), value: identity.familyName },
          { label: t("registration.otherNames"), value: identity.otherNames },
          { label: t("registration.birthDate"), value: identity.birthDate },
          { label: t("registration.identityNumber"), value: identity.identityNumber },
          { label: t("registration.phone"), value: identity.phone },
          { label: t("registration.address"), value: identity.address },
          { label: t("registration.identificationPlace"), value: identity.identificationPlace },
        ]}
      />
    </Section>
  );
}

/** Null circumstances mean either "not shared with this agency" or "not recorded"; the permission tells which. */
export function CircumstancesSection({
  circumstances,
  inScope,
}: {
  circumstances: string | null;
  inScope: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Section title={t("registration.circumstances")}>
      {!inScope && circumstances === null ? (
        <Alert color="gray" variant="light">
          {t("casePage.circumstancesHidden")}
        </Alert>
      ) : circumstances === null || circumstances.trim() === "" ? (
        <Text size="sm" c="dimmed">
          {t("common.notRecorded")}
        </Text>
      ) : (
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {circumstances}
        </Text>
      )}
    </Section>
  );
}
