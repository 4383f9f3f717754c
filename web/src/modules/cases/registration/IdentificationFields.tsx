import { Checkbox, NativeSelect, SimpleGrid, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import {
  controlMethods,
  exploitationTypes,
  identificationSources,
  traffickingStatuses,
} from "../../../../../shared/vocabulary";
import { problemAt } from "../../../platform/errors";
import { useJurisdiction } from "../../../platform/jurisdiction";
import { Section } from "../Facts";
import { bindText, type SectionProps } from "./fields";

export function IdentificationFields(props: SectionProps) {
  const { t } = useTranslation();
  const { draft, update, problems } = props;
  const { jurisdiction } = useJurisdiction();
  const choose = { value: "", label: t("common.choose") };
  return (
    <Section title={t("registration.identificationSection")}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <TextInput
          type="date"
          label={t("cases.identificationDate")}
          withAsterisk
          max={jurisdiction?.today}
          {...bindText(props, "identificationDate")}
        />
        <NativeSelect
          label={t("cases.region")}
          withAsterisk
          data={[
            choose,
            ...(jurisdiction?.regions ?? []).map((region) => ({ value: region.code, label: region.name })),
          ]}
          {...bindText(props, "identificationRegion")}
        />
        <TextInput
          label={t("registration.identificationPlace")}
          description={t("registration.identificationPlaceHint")}
          autoComplete="off"
          {...bindText(props, "identificationPlace")}
        />
        <NativeSelect
          label={t("cases.source")}
          withAsterisk
          data={[
            choose,
            ...identificationSources.map((value) => ({ value, label: t(`vocabulary.source.${value}`) })),
          ]}
          {...bindText(props, "source")}
        />
        <NativeSelect
          label={t("casePage.traffickingStatus")}
          data={traffickingStatuses.map((value) => ({
            value,
            label: t(`vocabulary.traffickingStatus.${value}`),
          }))}
          {...bindText(props, "traffickingStatus")}
        />
      </SimpleGrid>
      <Checkbox.Group
        label={t("registration.exploitationTypes")}
        value={draft.exploitationTypes}
        onChange={(values) => update({ exploitationTypes: values })}
        error={problemAt(problems, "exploitationTypes")}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs" mt={6}>
          {exploitationTypes.map((value) => (
            <Checkbox key={value} value={value} label={t(`vocabulary.exploitation.${value}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Checkbox.Group
        label={t("registration.controlMethods")}
        value={draft.controlMethods}
        onChange={(values) => update({ controlMethods: values })}
        error={problemAt(problems, "controlMethods")}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs" mt={6}>
          {controlMethods.map((value) => (
            <Checkbox key={value} value={value} label={t(`vocabulary.control.${value}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Textarea
        label={t("registration.circumstances")}
        description={t("registration.circumstancesHint")}
        autosize
        minRows={4}
        maxLength={4000}
        {...bindText(props, "circumstances")}
      />
    </Section>
  );
}
