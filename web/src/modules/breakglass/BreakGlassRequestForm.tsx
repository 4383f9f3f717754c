import { Button, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { breakGlassReasons, breakGlassReasonTextMax } from "../../../../shared/breakglass";
import { api } from "../../platform/api";
import { problemAt } from "../../platform/errors";
import { FormFailure } from "../../platform/FormFailure";
import { useNames } from "../../platform/labels";
import { useSubmit } from "../../platform/useSubmit";
import type { BreakGlassGrant } from "./types";

/**
 * Asks for emergency access to a case by its reference. The answer for a reference that does not
 * exist is the same "not found" as for any case one may not see.
 */
export function BreakGlassRequestForm({
  initialReference = "",
  onGranted,
}: {
  initialReference?: string;
  onGranted: (grant: BreakGlassGrant) => void;
}) {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const [reference, setReference] = useState(initialReference);
  const [reasonCode, setReasonCode] = useState("");
  const [reasonText, setReasonText] = useState("");
  const { busy, failure, problems, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    let granted: BreakGlassGrant | null = null;
    await run(
      async () => {
        granted = await api.post<BreakGlassGrant>("/api/break-glass", {
          reference: reference.trim(),
          reasonCode,
          reasonText: reasonText.trim() === "" ? null : reasonText,
        });
      },
      undefined,
      () => {
        if (!granted) return;
        notifications.show({
          color: "orange",
          message: t("breakglass.granted", { until: dateTime(granted.expiresAt) }),
        });
        onGranted(granted);
      },
    );
  }

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="breakglass-form" noValidate>
      <Stack gap="sm" maw={720}>
        <Text fw={600}>{t("breakglass.request")}</Text>
        <Text size="sm" c="dimmed">
          {t("breakglass.intro")}
        </Text>
        <FormFailure failure={failure} testId="breakglass-error" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("breakglass.reference")}
            description={t("breakglass.referenceHint")}
            value={reference}
            onChange={(event) => setReference(event.currentTarget.value)}
            error={problemAt(problems, "reference")}
            maxLength={40}
            required
            data-testid="breakglass-reference"
          />
          <NativeSelect
            label={t("breakglass.reasonCode")}
            data={[
              { value: "", label: t("common.choose") },
              ...breakGlassReasons.map((code) => ({ value: code, label: t(`breakglass.reason.${code}`) })),
            ]}
            value={reasonCode}
            onChange={(event) => setReasonCode(event.currentTarget.value)}
            error={problemAt(problems, "reasonCode")}
            required
            data-testid="breakglass-reason"
          />
        </SimpleGrid>
        <Textarea
          label={t("breakglass.reasonText")}
          description={t("breakglass.reasonTextHint")}
          value={reasonText}
          onChange={(event) => setReasonText(event.currentTarget.value)}
          error={problemAt(problems, "reasonText")}
          maxLength={breakGlassReasonTextMax}
          autosize
          minRows={2}
          data-testid="breakglass-text"
        />
        <Button type="submit" color="red" loading={busy} data-testid="breakglass-submit" w="fit-content">
          {t("breakglass.submit")}
        </Button>
      </Stack>
    </form>
  );
}
