import { Alert, Button, Center, Loader, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { describeError } from "../errors";

export function Page({
  title,
  actions,
  children,
  testId,
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Stack gap="md" maw={1200}>
      <Stack gap="xs">
        <Title order={1} size="h2" data-testid={testId}>
          {title}
        </Title>
        {actions}
      </Stack>
      {children}
    </Stack>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader aria-label={t("common.loading")} />
    </Center>
  );
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t("common.errorTitle")} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{describeError(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** Says nothing about whether the record exists: outsiders learn no references. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" py="xl" align="flex-start" data-testid="not-found">
      <Title order={1} size="h2">
        {t("common.notFoundTitle")}
      </Title>
      <Text>{t("common.notFoundText")}</Text>
      <Button component={Link} to="/" variant="light">
        {t("common.goHome")}
      </Button>
    </Stack>
  );
}
