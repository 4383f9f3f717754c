import { List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
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
  const links = useResource<CaseLink[]>(`/api/cases/${encodeURIComponent(detail.reference)}/links`);
  if (!links.data || links.data.length === 0) return null;
  return (
    <Section title={t("matching.links.title")} testId="case-links">
      <List size="sm" spacing="xs">
        {links.data.map((link) => (
          <List.Item key={link.id} data-testid="case-link" data-kind={link.kind}>
            <Text size="sm" span>
              {t(`matching.links.${link.kind}.${link.other}`)}{" "}
              {link.reference ? (
                <Link to={`/cases/${encodeURIComponent(link.reference)}`}>{link.reference}</Link>
              ) : (
                t("matching.links.otherAgency")
              )}{" "}
              · {dateTime(link.linkedAt)}
            </Text>
          </List.Item>
        ))}
      </List>
    </Section>
  );
}
