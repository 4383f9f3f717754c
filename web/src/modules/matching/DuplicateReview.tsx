import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MatchReason } from "../../../../shared/matching";
import { api } from "../../platform/api";
import { describeError } from "../../platform/errors";
import { useNames } from "../../platform/labels";
import { ErrorNotice, Loading } from "../../platform/layout/Page";
import { useResource } from "../../platform/useResource";

interface ReviewCase {
  reference: string;
  identificationDate: string;
}
interface DuplicatePair {
  earlier: ReviewCase;
  later: ReviewCase;
  score: number;
  reasons: MatchReason[];
}
/** A standing decision the agency may undo: a merge, a "not the same person", a re-trafficking link. */
interface StandingDecision {
  id: string;
  earlier: ReviewCase;
  later: ReviewCase;
  decidedAt: string;
}
interface Duplicates {
  pairs: DuplicatePair[];
  merges: StandingDecision[];
  dismissals: StandingDecision[];
  links: StandingDecision[];
}

/** Each kind of standing decision: its undo path, section title, sentence and test ids. */
const standingKinds = [
  { list: "merges", path: "merges", title: "merges", verb: "mergedInto", testId: "person-merge" },
  {
    list: "dismissals",
    path: "dismissals",
    title: "dismissals",
    verb: "dismissedFrom",
    testId: "duplicate-dismissal",
  },
  { list: "links", path: "links", title: "links", verb: "linkedTo", testId: "case-link-decision" },
] as const;

type Decision = "merge" | "dismiss" | "link";

function CaseRef({ item }: { item: ReviewCase }) {
  return (
    <Link to={`/cases/${encodeURIComponent(item.reference)}`} data-testid="duplicate-case">
      {item.reference}
    </Link>
  );
}

/**
 * Pairs of the agency's cases that may be one person, for a supervisor to decide: the same person
 * (a merge that can be undone), not the same person, or the same person trafficked again.
 */
export function DuplicateReview() {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const list = useResource<Duplicates>("/api/matching/duplicates");
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function run(key: string, action: () => Promise<unknown>) {
    setBusy(key);
    setFailure(null);
    try {
      await action();
      list.reload();
    } catch (error) {
      setFailure(error);
    }
    setBusy(null);
  }
  const decide = (pair: DuplicatePair, decision: Decision) =>
    run(`${pair.earlier.reference}|${pair.later.reference}`, () =>
      api.post(`/api/matching/duplicates/${decision}`, {
        references: [pair.earlier.reference, pair.later.reference],
      }),
    );
  const undo = (path: string, decision: StandingDecision) =>
    run(decision.id, () => api.post(`/api/matching/${path}/${encodeURIComponent(decision.id)}/undo`, {}));

  if (list.error) return <ErrorNotice error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  const { pairs } = list.data;
  return (
    <Stack gap="md" data-testid="duplicate-review">
      <Title order={3}>{t("matching.review.title")}</Title>
      <Text size="sm" c="dimmed">
        {t("matching.review.intro")}
      </Text>
      {failure !== null && (
        <Alert color="red" role="alert">
          {describeError(failure)}
        </Alert>
      )}
      {pairs.length === 0 ? (
        <Text size="sm" data-testid="duplicate-pairs-none">
          {t("matching.review.none")}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {pairs.map((pair) => {
            const key = `${pair.earlier.reference}|${pair.later.reference}`;
            return (
              <Card
                withBorder
                key={key}
                data-testid="duplicate-pair"
                data-earlier={pair.earlier.reference}
                data-later={pair.later.reference}
              >
                <Stack gap="xs">
                  <Group gap="xs">
                    <CaseRef item={pair.earlier} />
                    <Text size="sm">↔</Text>
                    <CaseRef item={pair.later} />
                    <Badge variant="light" color="yellow">
                      {t("matching.earlier.score", { percent: Math.round(pair.score * 100) })}
                    </Badge>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t("matching.review.identified", {
                      earlier: pair.earlier.identificationDate,
                      later: pair.later.identificationDate,
                    })}
                  </Text>
                  <Text size="sm" data-testid="duplicate-reasons">
                    {pair.reasons.map((r) => t(`matching.reason.${r}`)).join("; ")}
                  </Text>
                  <Group gap="xs">
                    <Button
                      size="xs"
                      loading={busy === key}
                      onClick={() => void decide(pair, "merge")}
                      data-testid="duplicate-merge"
                    >
                      {t("matching.review.merge")}
                    </Button>
                    <Button
                      size="xs"
                      variant="light"
                      loading={busy === key}
                      onClick={() => void decide(pair, "link")}
                      data-testid="duplicate-link"
                    >
                      {t("matching.review.link")}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      loading={busy === key}
                      onClick={() => void decide(pair, "dismiss")}
                      data-testid="duplicate-dismiss"
                    >
                      {t("matching.review.dismiss")}
                    </Button>
                  </Group>
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      )}
      {standingKinds.map((kind) => {
        const decisions = list.data?.[kind.list] ?? [];
        if (decisions.length === 0) return null;
        return (
          <Stack gap="xs" key={kind.list}>
            <Title order={4}>{t(`matching.review.standing.${kind.title}`)}</Title>
            {decisions.map((decision) => (
              <Card
                withBorder
                key={decision.id}
                data-testid={kind.testId}
                data-earlier={decision.earlier.reference}
                data-later={decision.later.reference}
              >
                <Group gap="xs" justify="space-between">
                  <Text size="sm">
                    <CaseRef item={decision.later} /> {t(`matching.review.${kind.verb}`)}{" "}
                    <CaseRef item={decision.earlier} /> · {dateTime(decision.decidedAt)}
                  </Text>
                  <Button
                    size="xs"
                    variant="default"
                    loading={busy === decision.id}
                    onClick={() => void undo(kind.path, decision)}
                    data-testid={`${kind.testId}-undo`}
                  >
                    {t("matching.review.undo")}
                  </Button>
                </Group>
              </Card>
            ))}
          </Stack>
        );
      })}
    </Stack>
  );
}
