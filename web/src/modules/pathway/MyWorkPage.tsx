import { Anchor, Badge, Button, Group, Paper, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { caseRoles } from "../../../../shared/roles";
import { api } from "../../platform/api";
import { hasAnyRole, useMe } from "../../platform/auth";
import { describeError } from "../../platform/errors";
import { useNames } from "../../platform/labels";
import { ErrorNotice, Loading, Page } from "../../platform/layout/Page";
import { useResource } from "../../platform/useResource";
import { AlertsPanel } from "../alerts/AlertsPanel";
import { PathwayBadge } from "../cases/PathwayBadge";
import { type MyTask, type MyWork, myWorkPath, useTaskLabel } from "./tasks";

/** The open tasks of the user's agency, the most urgent first: the case by reference, never the person. */
export function MyWorkPage() {
  const { t } = useTranslation();
  const user = useMe();
  return (
    <Page title={t("work.title")} testId="my-work">
      <AlertsPanel />
      {/* The coordinator is alerted when the chain fails but holds no tasks of its own. */}
      {hasAnyRole(user, caseRoles) && <MyTasks />}
    </Page>
  );
}

function MyTasks() {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const taskLabel = useTaskLabel();
  const work = useResource<MyWork>(myWorkPath);
  const [completing, setCompleting] = useState<string | null>(null);
  if (work.error) return <ErrorNotice error={work.error} onRetry={work.reload} />;
  if (!work.data) return <Loading />;
  const { items, open, overdue } = work.data;

  const complete = async (task: MyTask) => {
    setCompleting(task.id);
    try {
      await api.post(`/api/tasks/${task.id}/done`, {});
      notifications.show({ message: t("work.markedDone", { task: taskLabel(task.code) }) });
      work.reload();
    } catch (error) {
      notifications.show({ color: "red", message: describeError(error) });
    } finally {
      setCompleting(null);
    }
  };

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t("work.tasks")}
        </Title>
        <Group gap="xs">
          <Text size="sm" c="dimmed" data-testid="work-open">
            {t("work.openCount", { count: open })}
          </Text>
          {overdue > 0 && (
            <Badge color="red" variant="light" data-testid="work-overdue">
              {t("work.overdueCount", { count: overdue })}
            </Badge>
          )}
        </Group>
      </Group>
      {items.length === 0 ? (
        <Text data-testid="work-empty">{t("work.empty")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("work.case")}</Table.Th>
                <Table.Th>{t("work.task")}</Table.Th>
                <Table.Th>{t("work.due")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((task) => (
                <Table.Tr
                  key={task.id}
                  data-testid="task-row"
                  data-code={task.code}
                  data-overdue={String(task.overdue)}
                  bg={task.overdue ? "red.0" : undefined}
                >
                  <Table.Td>
                    <Group gap="xs">
                      <Anchor
                        component={Link}
                        to={`/cases/${encodeURIComponent(task.case.reference)}`}
                        size="sm"
                        data-testid="task-case"
                      >
                        {task.case.reference}
                      </Anchor>
                      <PathwayBadge pathway={task.case.pathway} />
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{taskLabel(task.code)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <Text size="sm" c={task.overdue ? "red.8" : undefined} fw={task.overdue ? 700 : 400}>
                        {dateTime(task.dueAt)}
                      </Text>
                      {task.overdue && (
                        <Badge size="xs" color="red">
                          {t("work.overdue")}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      data-testid="task-done"
                      loading={completing === task.id}
                      onClick={() => void complete(task)}
                    >
                      {t("work.done")}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
