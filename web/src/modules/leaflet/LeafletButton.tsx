import { Alert, Button, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { IconPrinter } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  isLeafletLanguage,
  type LeafletLanguage,
  leafletLanguageNames,
  leafletLanguages,
} from "../../../../shared/leaflet";
import { ApiError } from "../../platform/api";
import { describeError } from "../../platform/errors";
import { useNames } from "../../platform/labels";
import type { CaseDetail } from "../cases/types";

/** The server's error body, when there is one, as the ApiError the rest of the app shows. */
async function failureOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; field?: string } };
    const code = body.error?.code ?? (response.status === 404 ? "not_found" : "internal");
    return new ApiError(response.status, code, body.error?.message ?? "", body.error?.field, []);
  } catch {
    return new ApiError(
      response.status,
      response.status === 404 ? "not_found" : "internal",
      "",
      undefined,
      [],
    );
  }
}

/**
 * The printable rights leaflet in the person's language, to hand over after informing them
 * (issue 3, item 3). It holds no personal data; the download of a case's leaflet is audited on the
 * server. Without a case it is the blank leaflet officers take along before a raid.
 */
export function LeafletButton({ detail }: { detail?: CaseDetail }) {
  const { t } = useTranslation();
  const { spokenLanguage } = useNames();
  const primary = detail?.person.primaryLanguage;
  const [language, setLanguage] = useState<LeafletLanguage>(isLeafletLanguage(primary) ? primary : "en");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function download() {
    setBusy(true);
    setFailure(null);
    try {
      const url = detail
        ? `/api/cases/${encodeURIComponent(detail.reference)}/rights-leaflet?language=${language}`
        : `/api/rights-leaflet?language=${language}`;
      const response = await fetch(url, {
        credentials: "same-origin",
        headers: { accept: "application/pdf" },
      });
      if (!response.ok) throw await failureOf(response);
      const objectUrl = URL.createObjectURL(await response.blob());
      const anchor = document.createElement("a");
      anchor.href = objectUrl;
      anchor.download = `rights-${language}.pdf`;
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      // The browser has started the download by now; the blob is not needed afterwards.
      setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
    } catch (error) {
      setFailure(error);
    }
    setBusy(false);
  }

  const options = leafletLanguages.map((code) => {
    const inInterface = spokenLanguage(code);
    const own = leafletLanguageNames[code];
    return { value: code, label: inInterface === own ? own : `${inInterface} · ${own}` };
  });
  return (
    <Stack gap="xs" mt="md" data-testid="leaflet">
      <Text fw={600}>{t("leaflet.title")}</Text>
      <Text size="sm" c="dimmed">
        {t(detail ? "leaflet.hint" : "leaflet.blankHint")}
      </Text>
      {failure !== null && (
        <Alert color="red" role="alert" data-testid="leaflet-error">
          {describeError(failure)}
        </Alert>
      )}
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t("leaflet.language")}
          data={options}
          value={language}
          onChange={(event) => {
            const chosen = event.currentTarget.value;
            if (isLeafletLanguage(chosen)) setLanguage(chosen);
          }}
          data-testid="leaflet-language"
        />
        <Button
          variant="light"
          leftSection={<IconPrinter size={16} />}
          loading={busy}
          onClick={() => void download()}
          data-testid="leaflet-download"
        >
          {t("leaflet.download")}
        </Button>
      </Group>
    </Stack>
  );
}
