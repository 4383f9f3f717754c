import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useAuth, useMe } from "../../platform/auth";
import { LanguageSwitch } from "../../platform/layout/LanguageSwitch";
import { Page } from "../../platform/layout/Page";
import { PasswordForm } from "../auth/PasswordForm";
import { TotpSetup } from "../auth/TotpSetup";

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

export function ProfilePage() {
  const { t } = useTranslation();
  const user = useMe();
  const { userChanged } = useAuth();
  return (
    <Page title={t("profile.title")}>
      <Block title={t("profile.account")}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Text size="sm">
            <Text span c="dimmed">
              {t("auth.username")}:{" "}
            </Text>
            {user.username}
          </Text>
          <Text size="sm">
            <Text span c="dimmed">
              {t("admin.displayName")}:{" "}
            </Text>
            {user.displayName}
          </Text>
          <Text size="sm">
            <Text span c="dimmed">
              {t("casePage.agency")}:{" "}
            </Text>
            {user.agency.name}
          </Text>
          <Text size="sm">
            <Text span c="dimmed">
              {t("admin.roles")}:{" "}
            </Text>
            {user.roles.map((role) => t(`role.${role}`)).join(", ")}
          </Text>
        </SimpleGrid>
      </Block>
      <Block title={t("common.language")}>
        <Text size="sm" c="dimmed">
          {t("profile.languageExplanation")}
        </Text>
        <Stack maw={220}>
          <LanguageSwitch withLabel testId="profile-language" />
        </Stack>
      </Block>
      <Block title={t("password.change")}>
        <PasswordForm
          onChanged={() => {
            notifications.show({ color: "green", message: t("password.changed") });
          }}
        />
      </Block>
      <Block title={t("totp.title")}>
        {user.totpEnabled ? (
          <Group gap="xs">
            <Badge color="green" variant="light" data-testid="totp-status">
              {t("totp.enabled")}
            </Badge>
            <Text size="sm" c="dimmed">
              {t("totp.enabledExplanation")}
            </Text>
          </Group>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t("totp.optionalExplanation")}
            </Text>
            <TotpSetup
              onEnabled={(updated) => {
                userChanged(updated);
                notifications.show({ color: "green", message: t("totp.enabledNow") });
              }}
            />
          </>
        )}
      </Block>
    </Page>
  );
}
