import { Badge, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNames } from "../../platform/labels";
import { type CaseTask, useTaskLabel } from "./tasks";

/** The case's open tasks, who must do them and by when: the team sees what is late and whose it is. */
export function ProcedureTasks({ tasks }: { tasks: CaseTask[] }) {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const taskLabel = useTaskLabel();
  return (
    <Stack gap="xs" mt="sm" data-testid="procedure-tasks">
      <Text size="sm" fw={600}>
        {t("procedure.tasks")}
      </Text>
      {tasks.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("procedure.noTasks")}
        </Text>
      )}
      {tasks.map((task) => (
        <Group
          key={task.id}
          gap="xs"
          data-testid="procedure-task"
          data-code={task.code}
          data-overdue={String(task.overdue)}
        >
          <Text size="sm">{taskLabel(task.code)}</Text>
          <Text size="xs" c={task.overdue ? "red.8" : "dimmed"} fw={task.overdue ? 700 : 400}>
            {t("procedure.taskDue", { agency: task.agency, date: dateTime(task.dueAt) })}
          </Text>
          {task.overdue && (
            <Badge size="xs" color="red">
              {t("work.overdue")}
            </Badge>
          )}
        </Group>
      ))}
    </Stack>
  );
}
