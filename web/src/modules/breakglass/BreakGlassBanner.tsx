import { Alert, Button, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../platform/api";
import { FormFailure } from "../../platform/FormFailure";
import { useNames } from "../../platform/labels";
import { casePath, useSubmit } from "../../platform/useSubmit";
import { useResource } from "../../platform/useResource";
import type { CaseBreakGlass } from "./types";

/** Minutes until an instant, counted down on screen once a minute. */
function useMinutesLeft(until: string | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((new Date(until).getTime() - now) / 60_000));
}

/**
 * On a case page: the banner of one's own emergency access, with the time left and a way to end
 * it; and, for a supervisor of the case team, every emergency access to the case with its reason.
 */
export function BreakGlassBanner({ reference, onEnded }: { reference: string; onEnded: () => void }) {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const state = useResource<CaseBreakGlass>(casePath(reference, "break-glass"));
  const { busy, failure, run } = useSubmit();
  const mine = state.data?.mine ?? null;
  const minutes = useMinutesLeft(mine?.expiresAt ?? null);
  const end = (id: string, after: () => void) =>
    void run(() => api.post(`/api/break-glass/${encodeURIComponent(id)}/end`), t("breakglass.ended"), after);

  const onCase = state.data?.onCase ?? [];
  return (
    <>
      {mine && (
        <Alert
          color="orange"
          variant="filled"
          icon={<IconAlertTriangle size={18} />}
          title={t("breakglass.title")}
          data-testid="breakglass-banner"
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              {t("breakglass.banner", {
                reason: t(`breakglass.reason.${mine.reasonCode}`),
                until: dateTime(mine.expiresAt),
                minutes,
              })}
            </Text>
            <FormFailure failure={failure} />
            <Button
              size="xs"
              color="dark"
              loading={busy}
              onClick={() => end(mine.id, onEnded)}
              data-testid="breakglass-end"
            >
              {t("breakglass.endNow")}
            </Button>
          </Stack>
        </Alert>
      )}
      {onCase.length > 0 && (
        <Paper withBorder p="sm" data-testid="breakglass-on-case">
          <Text fw={600} mb="xs">
            {t("breakglass.onCase")}
          </Text>
          <Table.ScrollContainer minWidth={640}>
            <Table fz="sm" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("breakglass.who")}</Table.Th>
                  <Table.Th>{t("breakglass.reasonCode")}</Table.Th>
                  <Table.Th>{t("breakglass.from")}</Table.Th>
                  <Table.Th>{t("breakglass.until")}</Table.Th>
                  <Table.Th>{t("breakglass.state")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {onCase.map((grant) => (
                  <Table.Tr key={grant.id} data-testid="breakglass-on-case-row" data-state={grant.state}>
                    <Table.Td>
                      {grant.user.name} ({grant.agency.name})
                    </Table.Td>
                    <Table.Td>
                      {t(`breakglass.reason.${grant.reasonCode}`)}
                      {grant.reasonText !== null && (
                        <Text size="xs" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
                          {grant.reasonText}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{dateTime(grant.grantedAt)}</Table.Td>
                    <Table.Td>{dateTime(grant.endedAt ?? grant.expiresAt)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        {t(`breakglass.stateName.${grant.state}`)}
                        {grant.state === "active" && (
                          <Button
                            size="compact-xs"
                            variant="light"
                            color="red"
                            loading={busy}
                            onClick={() => end(grant.id, state.reload)}
                            data-testid="breakglass-end-other"
                          >
                            {t("breakglass.endNow")}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </>
  );
}
