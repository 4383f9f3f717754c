import { Alert, Button, Group, List, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../platform/api";
import { useMe } from "../../platform/auth";
import { describeError } from "../../platform/errors";
import { useNames } from "../../platform/labels";
import { useResource } from "../../platform/useResource";
import { Section } from "../cases/Facts";
import type { CaseDetail } from "../cases/types";

interface CaseLink {
  id: string;
  kind: "re_trafficking";
  other: "earlier" | "later";
  reference: string | null;
  linkedAt: string;
}

/** The case's links to the same person's other cases (re-trafficking); shown only when there are some. */
export function CaseLinks({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const me = useMe();
  const links = useResource<CaseLink[]>(`/api/cases/${encodeURIComponent(detail.reference)}/links`);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // A supervisor whose agency works on both cases may undo a link (the server decides; 404 else).
  const mayUndo = me.roles.includes("supervisor");

  async function undo(id: string) {
    setBusy(id);
    setFailure(null);
    try {
      await api.post(`/api/matching/links/${encodeURIComponent(id)}/undo`, {});
      links.reload();
    } catch (error) {
      setFailure(error);
    }
    setBusy(null);
  }

  if (!links.data || links.data.length === 0) return null;
  return (
    <Section title={t("matching.links.title")} testId="case-links">
      {failure !== null && (
        <Alert color="red" role="alert">
          {describeError(failure)}
        </Alert>
      )}
      <List size="sm" spacing="xs">
        {links.data.map((link) => (
          <List.Item key={link.id} data-testid="case-link" data-kind={link.kind}>
            <Group gap="xs">
              <Text size="sm" span>
                {t(`matching.links.${link.kind}.${link.other}`)}{" "}
                {link.reference ? (
                  <Link to={`/cases/${encodeURIComponent(link.reference)}`}>{link.reference}</Link>
                ) : (
                  t("matching.links.otherAgency")
                )}{" "}
                · {dateTime(link.linkedAt)}
              </Text>
              {mayUndo && link.reference !== null && (
                <Button
                  size="compact-xs"
                  variant="default"
                  loading={busy === link.id}
                  onClick={() => void undo(link.id)}
                  data-testid="case-link-undo"
                >
                  {t("matching.links.undo")}
                </Button>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
    </Section>
  );
}
