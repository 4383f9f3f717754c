import { Badge, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../platform/auth";
import { useResource } from "../../platform/useResource";
import { casePath } from "../../platform/useSubmit";
import { Section } from "../cases/Facts";
import type { CaseDetail } from "../cases/types";
import { AdmitForm } from "./SheltersPage";
import { type BoardRow, type CaseStay, isShelterStaff } from "./types";

/**
 * Where the person stays, on the case page: shelters by code name for the whole case team. The
 * shelter's own staff admit the person from here, to one of their shelters.
 */
export function CaseShelter({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const stays = useResource<CaseStay[]>(casePath(detail.reference, "shelter-stays"));
  const staff = isShelterStaff(me);
  const board = useResource<BoardRow[]>(staff ? "/api/shelters" : null);
  const own = (board.data ?? []).filter((row) => row.own);
  const [chosen, setChosen] = useState("");
  const shelter = own.find((row) => row.id === chosen) ?? (own.length === 1 ? own[0] : undefined);
  const staying = (stays.data ?? []).some((stay) => stay.dischargedOn === null);
  return (
    <Section title={t("shelters.case.title")} testId="case-shelter">
      {(stays.data ?? []).length === 0 && (
        <Text size="sm" c="dimmed">
          {t("shelters.case.none")}
        </Text>
      )}
      <Stack gap={4}>
        {(stays.data ?? []).map((stay) => (
          <Group key={stay.id} gap="xs" wrap="wrap" data-testid="case-shelter-stay">
            <Text fw={600}>{stay.shelter.codeName}</Text>
            <Badge variant="light">{t(`shelters.kind.${stay.shelter.kind}`)}</Badge>
            <Text size="sm">
              {t(`shelters.admission.${stay.type}`)} · {stay.admittedOn}
              {stay.dischargedOn
                ? ` – ${stay.dischargedOn}${stay.dischargeReason ? ` (${t(`shelters.discharge.${stay.dischargeReason}`)})` : ""}`
                : ` · ${t("shelters.case.staying")}`}
              {stay.room ? ` · ${stay.room}` : ""}
            </Text>
            {(stay.criteriaOpen ?? []).length > 0 && stay.dischargedOn === null && (
              <Badge color="orange" variant="light">
                {t("shelters.case.criteriaOpen", { count: stay.criteriaOpen?.length ?? 0 })}
              </Badge>
            )}
          </Group>
        ))}
      </Stack>
      {own.length > 0 && (
        <Stack gap="xs" mt="sm" data-testid="case-shelter-admit">
          {own.length > 1 && (
            <NativeSelect
              label={t("shelters.case.shelter")}
              data={[
                { value: "", label: t("common.choose") },
                ...own.map((row) => ({
                  value: row.id,
                  label: `${row.codeName} (${row.free} ${t("shelters.free")})`,
                })),
              ]}
              value={chosen}
              onChange={(event) => setChosen(event.currentTarget.value)}
              data-testid="case-shelter-choose"
            />
          )}
          {shelter && (
            <>
              {staying && (
                <Text size="xs" c="dimmed">
                  {t("shelters.case.stayingHint")}
                </Text>
              )}
              <Text size="sm">
                {shelter.codeName}: {shelter.free} {t("shelters.free")}
              </Text>
              <AdmitForm
                key={shelter.id}
                shelter={shelter}
                reference={detail.reference}
                onAdmitted={() => {
                  stays.reload();
                  board.reload();
                }}
              />
            </>
          )}
        </Stack>
      )}
    </Section>
  );
}
