import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Pathway } from "../../../../shared/vocabulary";

const colours: Record<Pathway, string> = { child: "orange", foreign_adult: "blue", domestic_adult: "teal" };

export function PathwayBadge({ pathway, size = "sm" }: { pathway: Pathway; size?: "sm" | "md" | "lg" }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={colours[pathway]}
      variant="light"
      size={size}
      tt="none"
      miw="max-content"
      data-testid="pathway"
    >
      {t(`vocabulary.pathway.${pathway}`)}
    </Badge>
  );
}
