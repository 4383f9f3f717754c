import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../platform/api";
import { describeError } from "../../platform/errors";
import { useNames } from "../../platform/labels";
import { ErrorNotice, Loading, Page } from "../../platform/layout/Page";
import { useResource } from "../../platform/useResource";
import { DuplicateReview } from "./DuplicateReview";

interface IncomingRequest {
  id: string;
  reference: string;
  scorePercent: number;
  requestedAt: string;
  agency: { id: string; name: string };
}

/**
 * For supervisors: possible duplicates among the agency's own cases to decide on; and other agencies registering a person who may be in one of this agency's cases.
 * The agency decides whether to share the case (its identity) with them.
 */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const requests = useResource<IncomingRequest[]>("/api/matching/requests");
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function answer(id: string, decision: "share" | "decline") {
    setBusy(id);
    setFailure(null);
    try {
      await api.post(`/api/matching/requests/${encodeURIComponent(id)}/answer`, { decision });
      requests.reload();
    } catch (error) {
      setFailure(error);
    }
    setBusy(null);
  }

  if (requests.error) return <ErrorNotice error={requests.error} onRetry={requests.reload} />;
  if (!requests.data) return <Loading />;
  return (
    <Page title={t("matching.title")} testId="duplicates-page">
      <DuplicateReview />
      <Title order={3}>{t("matching.requests.title")}</Title>
      <Text size="sm" c="dimmed">
        {t("matching.requests.intro")}
      </Text>
      {failure !== null && (
        <Alert color="red" role="alert">
          {describeError(failure)}
        </Alert>
      )}
      {requests.data.length === 0 ? (
        <Text size="sm" data-testid="matching-requests-none">
          {t("matching.requests.none")}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {requests.data.map((r) => (
            <Card withBorder key={r.id} data-testid="matching-request" data-reference={r.reference}>
              <Stack gap="xs">
                <Group gap="xs">
                  <Link to={`/cases/${encodeURIComponent(r.reference)}`}>{r.reference}</Link>
                  <Badge variant="light" color="yellow">
                    {t("matching.earlier.score", { percent: r.scorePercent })}
                  </Badge>
                </Group>
                <Text size="sm">
                  {t("matching.requests.from", { agency: r.agency.name, at: dateTime(r.requestedAt) })}
                </Text>
                <Group gap="xs">
                  <Button
                    size="xs"
                    loading={busy === r.id}
                    onClick={() => void answer(r.id, "share")}
                    data-testid="matching-request-share"
                  >
                    {t("matching.requests.share")}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    loading={busy === r.id}
                    onClick={() => void answer(r.id, "decline")}
                    data-testid="matching-request-decline"
                  >
                    {t("matching.requests.decline")}
                  </Button>
                </Group>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Page>
  );
}
