import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type AdmissionType,
  admissionTypes,
  type DischargeReason,
  dischargeReasons,
  type RiskLevel,
  riskLevels,
  type ShelterKind,
  shelterKinds,
} from "../../../../shared/shelters";
import { api } from "../../platform/api";
import { useMe } from "../../platform/auth";
import { describeError, problemAt } from "../../platform/errors";
import { ErrorNotice, Loading, Page } from "../../platform/layout/Page";
import { FormFailure } from "../../platform/FormFailure";
import { useResource } from "../../platform/useResource";
import { useSubmit } from "../../platform/useSubmit";
import { AdmissionRisk } from "../security/CaseRiskLevel";
import { ShelterSecurity } from "../security/ShelterSecurity";
import { EscortSection, MyEscorts } from "./EscortDuties";
import { RoomsEditor, type RoomDraft, roomsPayload } from "./RoomsEditor";
import { useToday } from "./today";
import type { BoardRow, Criterion, Resident, Room, SecretAddress } from "./types";

/**
 * The occupancy board. Everyone entitled sees code names and free beds; a shelter's own staff also
 * see who stays there (by case reference), may open its address (each opening audited), admit and
 * discharge. Nobody else ever receives the address.
 */
export function SheltersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const board = useResource<BoardRow[]>("/api/shelters");
  const mayCreate =
    me.roles.includes("system_admin") ||
    (me.agency.type === "shelter_operator" && me.roles.includes("agency_admin"));
  if (board.error) return <ErrorNotice error={board.error} onRetry={board.reload} />;
  if (!board.data) return <Loading />;
  return (
    <Page title={t("shelters.title")}>
      <Text size="sm" c="dimmed">
        {t("shelters.intro")}
      </Text>
      <MyEscorts />
      <Stack gap="sm" data-testid="shelter-board">
        {board.data.length === 0 && <Text>{t("shelters.none")}</Text>}
        {board.data.map((row) => (
          <ShelterRow key={row.id} row={row} onChanged={board.reload} />
        ))}
      </Stack>
      {mayCreate && (
        <ShelterForm isSystemAdmin={me.roles.includes("system_admin")} onCreated={board.reload} />
      )}
    </Page>
  );
}

function ShelterRow({ row, onChanged }: { row: BoardRow; onChanged: () => void }) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState<SecretAddress | null>(null);
  const [editing, setEditing] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const today = useToday();

  async function showAddress() {
    setFailure(null);
    try {
      setSecret(await api.get<SecretAddress>(`/api/shelters/${row.id}/address`));
    } catch (error) {
      setFailure(error);
    }
  }

  async function dischargeStay(stayId: string, reason: DischargeReason) {
    setFailure(null);
    try {
      await api.post(`/api/shelter-stays/${stayId}/discharge`, { reason, dischargedOn: today });
      notifications.show({ color: "green", message: t("shelters.discharged") });
      onChanged();
    } catch (error) {
      setFailure(error);
    }
  }

  return (
    <Paper withBorder p="md" data-testid="shelter-row" data-code={row.codeName}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Title order={2} size="h4">
              {row.codeName}
            </Title>
            <Badge variant="light">{t(`shelters.kind.${row.kind}`)}</Badge>
            {row.secure && <Badge color="grape">{t("shelters.secure")}</Badge>}
          </Group>
          <Text>
            {t("shelters.beds", { occupied: row.occupied, capacity: row.capacity })} ·{" "}
            <Text span fw={700} data-testid="shelter-free">
              {row.free}
            </Text>{" "}
            {t("shelters.free")}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {t("shelters.riskLevels")}: {row.riskLevels.map((level) => t(`shelters.risk.${level}`)).join(", ")}
        </Text>
        {row.rooms !== null && row.rooms.length > 0 && (
          <Group gap="xs" wrap="wrap" data-testid="shelter-rooms">
            {row.rooms.map((room) => (
              <Badge
                key={room.id}
                variant="outline"
                color={room.free > 0 ? "teal" : "gray"}
                data-testid="shelter-room"
              >
                {t("shelters.rooms.badge", { name: room.name, occupied: room.occupied, beds: room.beds })}
              </Badge>
            ))}
          </Group>
        )}
        {row.manages &&
          (editing ? (
            <ShelterEditForm
              row={row}
              onDone={() => {
                setEditing(false);
                onChanged();
              }}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <Button
              variant="subtle"
              size="xs"
              w="fit-content"
              onClick={() => setEditing(true)}
              data-testid="shelter-edit"
            >
              {t("shelters.edit")}
            </Button>
          ))}
        {failure !== null && (
          <Alert color="red" role="alert">
            {describeError(failure)}
          </Alert>
        )}
        {row.own && (
          <>
            {secret ? (
              <Alert color="yellow" title={t("common.confidential")} data-testid="shelter-address">
                <Text style={{ whiteSpace: "pre-wrap" }}>{secret.address}</Text>
                {secret.contacts && <Text style={{ whiteSpace: "pre-wrap" }}>{secret.contacts}</Text>}
              </Alert>
            ) : (
              <Button
                variant="light"
                w="fit-content"
                onClick={() => void showAddress()}
                data-testid="shelter-show-address"
              >
                {t("shelters.showAddress")}
              </Button>
            )}
            <Text fw={600}>{t("shelters.residents")}</Text>
            {(row.residents ?? []).length === 0 && <Text size="sm">{t("shelters.noResidents")}</Text>}
            {(row.residents ?? []).map((resident) => (
              <ResidentRow
                key={resident.stayId}
                resident={resident}
                room={row.rooms?.find((room) => room.id === resident.roomId) ?? null}
                onDischarge={(reason) => void dischargeStay(resident.stayId, reason)}
                onChanged={onChanged}
              />
            ))}
            <AdmitForm shelter={row} onAdmitted={onChanged} />
            <EscortSection shelterId={row.id} escorts={row.escorts ?? []} onChanged={onChanged} />
            <ShelterSecurity shelterId={row.id} onRelocated={() => setSecret(null)} />
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** The criteria labels of the jurisdiction, in the user's language. */
function useCriteria() {
  return useResource<Criterion[]>("/api/shelters/admission-criteria").data ?? [];
}

function ResidentRow({
  resident,
  room,
  onDischarge,
  onChanged,
}: {
  resident: Resident;
  room: Room | null;
  onDischarge: (reason: DischargeReason) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const criteria = useCriteria();
  const confirm = useSubmit();
  const [confirming, setConfirming] = useState<string[]>([]);
  const labelOf = (code: string) => criteria.find((c) => c.code === code)?.label ?? code;
  return (
    <Stack gap={4} data-testid="shelter-resident">
      <Group gap="sm" wrap="wrap">
        <Text ff="monospace">{resident.reference}</Text>
        <Text size="sm">
          {t(`shelters.admission.${resident.type}`)} · {resident.admittedOn}
          {room ? ` · ${room.name}` : ""}
        </Text>
        {resident.childOverride && <Badge color="orange">{t("shelters.childOverride")}</Badge>}
        <DischargeControl onDischarge={onDischarge} />
      </Group>
      {resident.criteriaOpen.length > 0 && (
        <Stack gap={4} pl="md" data-testid="resident-criteria-open">
          <Text size="xs" c="orange">
            {t("shelters.criteria.open")}
          </Text>
          <Checkbox.Group value={confirming} onChange={setConfirming}>
            <Stack gap={2}>
              {resident.criteriaOpen.map((code) => (
                <Checkbox key={code} size="xs" value={code} label={labelOf(code)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Button
            size="xs"
            variant="default"
            w="fit-content"
            disabled={confirming.length === 0}
            loading={confirm.busy}
            onClick={() =>
              void confirm.run(
                () => api.post(`/api/shelter-stays/${resident.stayId}/criteria`, { criteriaMet: confirming }),
                t("shelters.criteria.confirmed"),
                () => {
                  setConfirming([]);
                  onChanged();
                },
              )
            }
            data-testid="resident-criteria-confirm"
          >
            {t("shelters.criteria.confirm")}
          </Button>
          {confirm.failure !== null && (
            <Text size="xs" c="red">
              {describeError(confirm.failure)}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}

function DischargeControl({ onDischarge }: { onDischarge: (reason: DischargeReason) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<DischargeReason | "">("");
  return (
    <Group gap="xs">
      <NativeSelect
        aria-label={t("shelters.dischargeReason")}
        size="xs"
        data={[
          { value: "", label: t("shelters.dischargeReason") },
          ...dischargeReasons.map((value) => ({ value, label: t(`shelters.discharge.${value}`) })),
        ]}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value as DischargeReason | "")}
      />
      <Button
        size="xs"
        variant="default"
        disabled={reason === ""}
        onClick={() => reason && onDischarge(reason)}
      >
        {t("shelters.dischargeSubmit")}
      </Button>
    </Group>
  );
}

/**
 * Admission to one of the user's own shelters: the room where the shelter is set up by room, and
 * the admission criteria (all of them for a planned admission; an emergency admission confirms the
 * rest later). On the case page the reference is given.
 */
export function AdmitForm({
  shelter,
  reference: givenReference,
  onAdmitted,
}: {
  shelter: Pick<BoardRow, "id" | "kind" | "riskLevels" | "rooms">;
  reference?: string;
  onAdmitted: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const today = useToday();
  const criteria = useCriteria().filter((c) => c.kinds.includes(shelter.kind));
  const rooms = shelter.rooms ?? [];
  const shelterId = shelter.id;
  const accepted = shelter.riskLevels;
  const [reference, setReference] = useState(givenReference ?? "");
  const [checked, setChecked] = useState(givenReference ?? "");
  const [roomId, setRoomId] = useState("");
  const [criteriaMet, setCriteriaMet] = useState<string[]>([]);
  const [type, setType] = useState<AdmissionType>("emergency");
  const [admittedOn, setAdmittedOn] = useState(today);
  const [override, setOverride] = useState(false);
  const [transfer, setTransfer] = useState(false);
  const [reason, setReason] = useState("");
  const { busy, failure, problems, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(
      () =>
        api.post(`/api/shelters/${shelterId}/admissions`, {
          reference: reference.trim(),
          type,
          admittedOn,
          ...(roomId ? { roomId } : {}),
          criteriaMet,
          ...(override ? { override: { reason } } : {}),
          ...(transfer ? { transfer: true } : {}),
        }),
      t("shelters.admitted"),
      () => {
        setReference(givenReference ?? "");
        setChecked(givenReference ?? "");
        setRoomId("");
        setCriteriaMet([]);
        setOverride(false);
        setTransfer(false);
        setReason("");
        onAdmitted();
      },
    );
  }

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="admit-form" noValidate>
      <Stack gap="xs" mt="xs">
        <Text fw={600}>{t("shelters.admit")}</Text>
        <FormFailure failure={failure} testId="admit-error" />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {givenReference === undefined && (
            <TextInput
              label={t("shelters.reference")}
              value={reference}
              onChange={(event) => setReference(event.currentTarget.value)}
              onBlur={() => setChecked(reference.trim())}
              error={problemAt(problems, "reference")}
              data-testid="admit-reference"
            />
          )}
          {rooms.length > 0 && (
            <NativeSelect
              label={t("shelters.rooms.room")}
              data={[
                { value: "", label: t("common.choose") },
                ...rooms.map((room) => ({
                  value: room.id,
                  label: t("shelters.rooms.option", { name: room.name, free: room.free }),
                  disabled: room.free === 0,
                })),
              ]}
              value={roomId}
              onChange={(event) => setRoomId(event.currentTarget.value)}
              error={problemAt(problems, "roomId")}
              data-testid="admit-room"
            />
          )}
          <NativeSelect
            label={t("shelters.admissionType")}
            data={admissionTypes.map((value) => ({ value, label: t(`shelters.admission.${value}`) }))}
            value={type}
            onChange={(event) => setType(event.currentTarget.value as AdmissionType)}
            error={problemAt(problems, "type")}
            data-testid="admit-type"
          />
          <TextInput
            type="date"
            label={t("shelters.admittedOn")}
            value={admittedOn}
            onChange={(event) => setAdmittedOn(event.currentTarget.value)}
            error={problemAt(problems, "admittedOn")}
            data-testid="admit-date"
          />
        </SimpleGrid>
        {criteria.length > 0 && (
          <Checkbox.Group
            label={t("shelters.criteria.title")}
            description={t(type === "planned" ? "shelters.criteria.planned" : "shelters.criteria.emergency")}
            value={criteriaMet}
            onChange={setCriteriaMet}
            error={problemAt(problems, "criteriaMet")}
            data-testid="admit-criteria"
          >
            <Stack gap={4} mt={6}>
              {criteria.map((criterion) => (
                <Checkbox key={criterion.code} value={criterion.code} label={criterion.label} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <AdmissionRisk reference={checked} accepted={accepted} />
        <Checkbox
          label={t("shelters.transfer")}
          checked={transfer}
          onChange={(event) => setTransfer(event.currentTarget.checked)}
          data-testid="admit-transfer"
        />
        {me.roles.includes("supervisor") && (
          <Checkbox
            label={t("shelters.override")}
            checked={override}
            onChange={(event) => setOverride(event.currentTarget.checked)}
            data-testid="admit-override"
          />
        )}
        {override && (
          <Textarea
            label={t("shelters.overrideReason")}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={problemAt(problems, "override.reason")}
            data-testid="admit-override-reason"
          />
        )}
        <Button type="submit" loading={busy} w="fit-content" data-testid="admit-submit">
          {t("shelters.admitSubmit")}
        </Button>
      </Stack>
    </form>
  );
}

function ShelterForm({ isSystemAdmin, onCreated }: { isSystemAdmin: boolean; onCreated: () => void }) {
  const { t } = useTranslation();
  const [agencyId, setAgencyId] = useState("");
  const [codeName, setCodeName] = useState("");
  const [kind, setKind] = useState<ShelterKind | "">("");
  const [secure, setSecure] = useState(false);
  const [levels, setLevels] = useState<RiskLevel[]>(["low", "medium"]);
  const [capacity, setCapacity] = useState<number | string>("");
  const [rooms, setRooms] = useState<RoomDraft[]>([]);
  const [address, setAddress] = useState("");
  const [contacts, setContacts] = useState("");
  const { busy, failure, problems, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(
      () =>
        api.post("/api/shelters", {
          ...(isSystemAdmin ? { agencyId } : {}),
          codeName,
          kind,
          secure,
          riskLevels: levels,
          ...(rooms.length > 0
            ? { rooms: roomsPayload(rooms) }
            : { capacity: typeof capacity === "number" ? capacity : null }),
          address,
          ...(contacts.trim() ? { contacts } : {}),
        }),
      t("shelters.created"),
      () => {
        setCodeName("");
        setAddress("");
        setContacts("");
        setRooms([]);
        onCreated();
      },
    );
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={(event) => void submit(event)} data-testid="shelter-form" noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t("shelters.create")}
          </Title>
          <FormFailure failure={failure} testId="shelter-error" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {isSystemAdmin && (
              <TextInput
                label={t("shelters.operatorAgencyId")}
                value={agencyId}
                onChange={(event) => setAgencyId(event.currentTarget.value)}
                error={problemAt(problems, "agencyId")}
                data-testid="shelter-agency"
              />
            )}
            <TextInput
              label={t("shelters.codeName")}
              description={t("shelters.codeNameHint")}
              value={codeName}
              onChange={(event) => setCodeName(event.currentTarget.value)}
              error={problemAt(problems, "codeName")}
              data-testid="shelter-code"
            />
            <NativeSelect
              label={t("shelters.kindLabel")}
              data={[
                { value: "", label: t("common.choose") },
                ...shelterKinds.map((value) => ({ value, label: t(`shelters.kind.${value}`) })),
              ]}
              value={kind}
              onChange={(event) => setKind(event.currentTarget.value as ShelterKind | "")}
              error={problemAt(problems, "kind")}
              data-testid="shelter-kind"
            />
            {rooms.length === 0 && (
              <NumberInput
                label={t("shelters.capacity")}
                description={t("shelters.capacityHint")}
                min={1}
                max={500}
                allowDecimal={false}
                value={capacity}
                onChange={setCapacity}
                error={problemAt(problems, "capacity")}
                data-testid="shelter-capacity"
              />
            )}
          </SimpleGrid>
          <RoomsEditor rooms={rooms} onChange={setRooms} problems={problems} />
          <Checkbox
            label={t("shelters.secure")}
            checked={secure}
            onChange={(event) => setSecure(event.currentTarget.checked)}
            data-testid="shelter-secure"
          />
          <Checkbox.Group
            label={t("shelters.riskLevels")}
            value={levels}
            onChange={(values) => setLevels(riskLevels.filter((level) => values.includes(level)))}
            error={problemAt(problems, "riskLevels")}
          >
            <Group mt={6}>
              {riskLevels.map((level) => (
                <Checkbox key={level} value={level} label={t(`shelters.risk.${level}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Textarea
            label={t("shelters.address")}
            description={t("shelters.addressHint")}
            value={address}
            onChange={(event) => setAddress(event.currentTarget.value)}
            error={problemAt(problems, "address")}
            data-testid="shelter-address-input"
          />
          <Textarea
            label={t("shelters.contacts")}
            value={contacts}
            onChange={(event) => setContacts(event.currentTarget.value)}
            error={problemAt(problems, "contacts")}
            data-testid="shelter-contacts"
          />
          <Button type="submit" loading={busy} w="fit-content" data-testid="shelter-submit">
            {t("common.create")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** The operator changes what the shelter takes and its rooms; the address changes only by relocation. */
function ShelterEditForm({
  row,
  onDone,
  onCancel,
}: {
  row: BoardRow;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ShelterKind>(row.kind);
  const [secure, setSecure] = useState(row.secure);
  const [levels, setLevels] = useState<RiskLevel[]>(row.riskLevels);
  const [capacity, setCapacity] = useState<number | string>(row.capacity);
  const [rooms, setRooms] = useState<RoomDraft[]>(
    (row.rooms ?? []).map((room) => ({ id: room.id, name: room.name, beds: room.beds })),
  );
  const save = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await save.run(
      () =>
        api.patch(`/api/shelters/${row.id}`, {
          kind,
          secure,
          riskLevels: levels,
          ...(rooms.length > 0 || (row.rooms ?? []).length > 0 ? { rooms: roomsPayload(rooms) } : {}),
          ...(rooms.length === 0 && typeof capacity === "number" ? { capacity } : {}),
        }),
      t("shelters.saved"),
      onDone,
    );
  }

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="shelter-edit-form" noValidate>
      <Stack gap="xs">
        <FormFailure failure={save.failure} testId="shelter-edit-error" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t("shelters.kindLabel")}
            data={shelterKinds.map((value) => ({ value, label: t(`shelters.kind.${value}`) }))}
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as ShelterKind)}
            error={problemAt(save.problems, "kind")}
          />
          {rooms.length === 0 && (
            <NumberInput
              label={t("shelters.capacity")}
              min={1}
              max={500}
              allowDecimal={false}
              value={capacity}
              onChange={setCapacity}
              error={problemAt(save.problems, "capacity")}
              data-testid="shelter-edit-capacity"
            />
          )}
        </SimpleGrid>
        <Checkbox
          label={t("shelters.secure")}
          checked={secure}
          onChange={(event) => setSecure(event.currentTarget.checked)}
        />
        <Checkbox.Group
          label={t("shelters.riskLevels")}
          value={levels}
          onChange={(values) => setLevels(riskLevels.filter((level) => values.includes(level)))}
          error={problemAt(save.problems, "riskLevels")}
        >
          <Group mt={6}>
            {riskLevels.map((level) => (
              <Checkbox key={level} value={level} label={t(`shelters.risk.${level}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <RoomsEditor rooms={rooms} onChange={setRooms} problems={save.problems} />
        <Group gap="xs">
          <Button type="submit" loading={save.busy} data-testid="shelter-edit-submit">
            {t("common.save")}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
