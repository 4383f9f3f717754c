import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useMe } from "../../platform/auth";
import { useNames } from "../../platform/labels";
import { useResource } from "../../platform/useResource";
import { Section } from "../cases/Facts";
import type { CaseDetail } from "../cases/types";
import { LeafletButton } from "../leaflet/LeafletButton";
import { RightsInformationForm } from "./RightsInformationForm";
import { informingRoles, type RightsInformation } from "./types";

/** When, which rights, in which language and by whom the person was informed; and the form to record it. */
export function CaseRightsInformation({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { dateTime, spokenLanguage } = useNames();
  const me = useMe();
  const list = useResource<RightsInformation[]>(
    `/api/cases/${encodeURIComponent(detail.reference)}/rights-information`,
  );
  const mayRecord = me.roles.some((role) => (informingRoles as readonly string[]).includes(role));
  const records = list.data ?? [];
  const yesNo = (value: boolean) => (value ? t("rights.yes") : t("rights.no"));
  return (
    <Section title={t("rights.title")} testId="case-rights">
      {records.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="rights-none">
          {t("rights.none")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("rights.informedAt")}</Table.Th>
                <Table.Th>{t("rights.rights")}</Table.Th>
                <Table.Th>{t("rights.language")}</Table.Th>
                <Table.Th>{t("rights.withInterpreter")}</Table.Th>
                <Table.Th>{t("rights.understood")}</Table.Th>
                <Table.Th>{t("rights.informedBy")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {records.map((record) => (
                <Table.Tr key={record.id} data-testid="rights-record">
                  <Table.Td>
                    <Text size="sm">{dateTime(record.informedAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {record.rights.map((right) => t(`rights.right.${right}`)).join("; ")}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{spokenLanguage(record.language)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{yesNo(record.withInterpreter)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{yesNo(record.understood)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {record.informedBy.name}, {record.agency.name}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LeafletButton detail={detail} />
      {mayRecord && <RightsInformationForm reference={detail.reference} onRecorded={list.reload} />}
    </Section>
  );
}
