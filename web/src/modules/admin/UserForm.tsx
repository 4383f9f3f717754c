import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  TextInput,
} from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { languages, type Role, roles } from "../../../../shared/roles";
import { api } from "../../platform/api";
import { useMe } from "../../platform/auth";
import { describeError, type FieldProblems, fieldProblemsFrom, problemAt } from "../../platform/errors";
import { isLanguage } from "../../platform/i18n";
import { languageEndonyms } from "../../platform/language";
import type { Agency } from "../../platform/types";
import { useResource } from "../../platform/useResource";
import { minimumPasswordLength } from "../auth/PasswordForm";
import type { AdminUser } from "./types";
import { SecretInput } from "../../platform/layout/SecretInput";

interface Props {
  opened: boolean;
  /** Given: edit this user's name and roles; absent: create a new user. */
  existing: AdminUser | null;
  onClose: () => void;
  onSaved: (user: AdminUser) => void;
}

const blank = { username: "", displayName: "", agencyId: "", language: "en", password: "" };

export function UserForm({ opened, existing, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const isSystemAdmin = me.roles.includes("system_admin");
  // An agency administrator creates users of their own agency only, and never system administrators.
  const grantable = isSystemAdmin ? roles : roles.filter((role) => role !== "system_admin");
  const agencies = useResource<Agency[]>(isSystemAdmin && !existing ? "/api/admin/agencies" : null);
  const [values, setValues] = useState(blank);
  const [chosenRoles, setChosenRoles] = useState<Role[]>([]);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setValues(
      existing
        ? { ...blank, displayName: existing.displayName }
        : { ...blank, agencyId: isSystemAdmin ? "" : me.agency.id },
    );
    setChosenRoles(existing ? existing.roles : []);
    setProblems({});
    setFailure(null);
  }, [opened, existing, isSystemAdmin, me.agency.id]);

  const bind = (name: keyof typeof blank) => ({
    value: values[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setValues((previous) => ({ ...previous, [name]: value }));
    },
    error: problemAt(problems, name),
  });

  function check(): FieldProblems {
    const found: FieldProblems = {};
    if (!values.displayName.trim()) found.displayName = { code: "required" };
    if (chosenRoles.length === 0) found.roles = { code: "required" };
    if (existing) return found;
    if (!values.username.trim()) found.username = { code: "required" };
    if (!values.agencyId) found.agencyId = { code: "required" };
    if (values.password.length < minimumPasswordLength)
      found.password = { code: values.password ? "password_too_short" : "required" };
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const found = check();
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const saved = existing
        ? await api.patch<AdminUser>(`/api/admin/users/${existing.id}`, {
            displayName: values.displayName.trim(),
            roles: chosenRoles,
          })
        : await api.post<AdminUser>("/api/admin/users", {
            username: values.username.trim(),
            displayName: values.displayName.trim(),
            agencyId: values.agencyId,
            roles: chosenRoles,
            language: isLanguage(values.language) ? values.language : "en",
            password: values.password,
          });
      onSaved(saved);
    } catch (error) {
      const fromServer = fieldProblemsFrom(error);
      setProblems(fromServer);
      if (Object.keys(fromServer).length === 0) setFailure(error);
    }
    setBusy(false);
  }

  const agencyOptions = isSystemAdmin
    ? (agencies.data ?? [])
        .filter((agency) => agency.active)
        .map((agency) => ({ value: agency.id, label: agency.name }))
    : [{ value: me.agency.id, label: me.agency.name }];

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={existing ? t("admin.editUser", { username: existing.username }) : t("admin.newUser")}
      centered
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          {failure !== null && (
            <Alert color="red" role="alert">
              {describeError(failure)}
            </Alert>
          )}
          {!existing && (
            <TextInput
              label={t("auth.username")}
              description={t("admin.usernameHint")}
              withAsterisk
              autoCapitalize="none"
              autoComplete="off"
              {...bind("username")}
            />
          )}
          <TextInput
            label={t("admin.displayName")}
            withAsterisk
            autoComplete="off"
            {...bind("displayName")}
          />
          {!existing && (
            <NativeSelect
              label={t("casePage.agency")}
              withAsterisk
              disabled={!isSystemAdmin}
              data-testid="user-agency"
              data={[...(isSystemAdmin ? [{ value: "", label: t("common.choose") }] : []), ...agencyOptions]}
              {...bind("agencyId")}
            />
          )}
          <Checkbox.Group
            label={t("admin.roles")}
            withAsterisk
            value={chosenRoles}
            onChange={(values) => setChosenRoles(grantable.filter((role) => values.includes(role)))}
            error={problemAt(problems, "roles")}
          >
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt={6}>
              {grantable.map((role) => (
                <Checkbox key={role} value={role} label={t(`role.${role}`)} data-testid={`role-${role}`} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          {!existing && (
            <>
              <NativeSelect
                label={t("common.language")}
                data={languages.map((language) => ({ value: language, label: languageEndonyms[language] }))}
                {...bind("language")}
              />
              <SecretInput
                label={t("admin.initialPassword")}
                description={t("admin.initialPasswordHint", { count: minimumPasswordLength })}
                withAsterisk
                autoComplete="new-password"
                {...bind("password")}
              />
            </>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={busy} data-testid="user-submit">
              {existing ? t("common.save") : t("common.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
