import { Button, Center, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useAuth } from "../auth";

export function Unavailable() {
  const { t } = useTranslation();
  const { refresh } = useAuth();
  return (
    <Center mih="100vh" p="md">
      <Stack align="center" gap="sm">
        <Title order={1} size="h3">
          {t("app.name")}
        </Title>
        <Text>{t("common.unavailable")}</Text>
        <Button onClick={() => void refresh()}>{t("common.retry")}</Button>
      </Stack>
    </Center>
  );
}
