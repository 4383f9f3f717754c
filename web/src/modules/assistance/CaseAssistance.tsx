import { Stack } from "@mantine/core";
import type { CaseDetail } from "../cases/types";
import { NeedsSection } from "./NeedsSection";
import { PlansSection } from "./PlansSection";
import { ReflectionSection } from "./ReflectionSection";
import { ServicesSection } from "./ServicesSection";

/**
 * The help the person receives (issue 3, items 5 and 6): needs, services, support plans, and the
 * reflection period with temporary residence. Nothing here asks whether the person cooperates with
 * the police or prosecution: assistance never depends on it (DOMAIN.md "The pathway" step 4).
 */
export function CaseAssistance({ detail }: { detail: CaseDetail }) {
  return (
    <Stack gap="md" data-testid="case-assistance">
      <NeedsSection reference={detail.reference} />
      <ServicesSection reference={detail.reference} />
      <PlansSection reference={detail.reference} />
      <ReflectionSection reference={detail.reference} />
    </Stack>
  );
}
