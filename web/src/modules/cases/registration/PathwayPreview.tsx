import { Alert, Group, Text } from "@mantine/core";
import { IconRoute } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { PathwayBadge } from "../PathwayBadge";
import type { Pathway } from "../../../../../shared/vocabulary";

/** DOMAIN.md: a person whose age is unknown is treated as a child until assessed. */
export function PathwayPreview({ pathway, age }: { pathway: Pathway; age: number | null }) {
  const { t } = useTranslation();
  const reason =
    age === null
      ? t("registration.pathwayAgeUnknown")
      : pathway === "child"
        ? t("registration.pathwayChild", { age })
        : pathway === "domestic_adult"
          ? t("registration.pathwayDomestic", { age })
          : t("registration.pathwayForeign", { age });
  return (
    <Alert
      color={pathway === "child" ? "orange" : "indigo"}
      variant="light"
      icon={<IconRoute size={18} />}
      data-testid="pathway-preview"
    >
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {t("registration.pathwayLabel")}
        </Text>
        <PathwayBadge pathway={pathway} size="md" />
      </Group>
      <Text size="sm" mt={4}>
        {reason}
      </Text>
    </Alert>
  );
}
