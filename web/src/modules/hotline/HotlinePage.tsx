import { Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { hasAnyRole, useMe } from "../../platform/auth";
import { Page } from "../../platform/layout/Page";
import { CallbacksPanel } from "./CallbacksPanel";
import { ContactForm } from "./ContactForm";
import { ContactList } from "./ContactList";
import { FiguresPanel } from "./FiguresPanel";
import { HandoversPanel } from "./HandoversPanel";

const policeTypes = ["police_anti_trafficking", "border_police"];

/**
 * The helpline in one screen (seeds 001, 003): the operator records a contact while on the call,
 * with key phrases in the caller's language, hands imminent danger to the police at once and
 * follows up. The police unit reads and acknowledges what was handed to it; supervisors and
 * coordinators read the figures.
 */
export function HotlinePage() {
  const { t } = useTranslation();
  const me = useMe();
  const [generation, setGeneration] = useState(0);
  const police = policeTypes.includes(me.agency.type);
  const operator = hasAnyRole(me, ["hotline_operator"]);
  const helplineStaff = operator || (!police && hasAnyRole(me, ["supervisor"]));
  const receivesHandovers = police && hasAnyRole(me, ["police_investigator", "supervisor"]);
  const figures = helplineStaff || hasAnyRole(me, ["coordinator"]);
  const mayRegister = hasAnyRole(me, ["case_worker", "supervisor", "police_investigator"]);
  const changed = () => setGeneration((n) => n + 1);
  return (
    <Page title={t("hotline.title")}>
      <Stack gap="md">
        {operator && (
          <Text size="sm" c="dimmed">
            {t("hotline.intro")}
          </Text>
        )}
        {operator && <ContactForm onRecorded={changed} />}
        {receivesHandovers && <HandoversPanel />}
        {helplineStaff && <CallbacksPanel key={`callbacks-${generation}`} onChanged={changed} />}
        {helplineStaff && (
          <ContactList
            key={`contacts-${generation}`}
            operator={operator}
            mayRegister={mayRegister}
            onChanged={changed}
          />
        )}
        {figures && <FiguresPanel key={`figures-${generation}`} />}
      </Stack>
    </Page>
  );
}
