import { ActionIcon, Button, Group, NumberInput, Stack, Text, TextInput } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { type FieldProblems, problemAt } from "../../platform/errors";

export interface RoomDraft {
  id?: string;
  name: string;
  beds: number | string;
}

/** The rooms of a shelter and their beds, edited as a list; the shelter's capacity is their sum. */
export function RoomsEditor({
  rooms,
  onChange,
  problems,
}: {
  rooms: RoomDraft[];
  onChange: (rooms: RoomDraft[]) => void;
  problems: FieldProblems;
}) {
  const { t } = useTranslation();
  const set = (index: number, change: Partial<RoomDraft>) =>
    onChange(rooms.map((room, i) => (i === index ? { ...room, ...change } : room)));
  return (
    <Stack gap={6} data-testid="rooms-editor">
      <Text size="sm" fw={500}>
        {t("shelters.rooms.title")}
      </Text>
      <Text size="xs" c="dimmed">
        {t("shelters.rooms.hint")}
      </Text>
      {problemAt(problems, "rooms") && (
        <Text size="xs" c="red">
          {problemAt(problems, "rooms")}
        </Text>
      )}
      {rooms.map((room, index) => (
        <Group key={room.id ?? `new-${index}`} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            aria-label={t("shelters.rooms.name")}
            placeholder={t("shelters.rooms.name")}
            value={room.name}
            onChange={(event) => set(index, { name: event.currentTarget.value })}
            error={problemAt(problems, `rooms.${index}.name`)}
            data-testid={`room-name-${index}`}
            style={{ flex: 1 }}
          />
          <NumberInput
            aria-label={t("shelters.rooms.beds")}
            placeholder={t("shelters.rooms.beds")}
            min={1}
            max={50}
            allowDecimal={false}
            value={room.beds}
            onChange={(beds) => set(index, { beds })}
            error={problemAt(problems, `rooms.${index}.beds`)}
            data-testid={`room-beds-${index}`}
            w={110}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={t("shelters.rooms.remove")}
            onClick={() => onChange(rooms.filter((_, i) => i !== index))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="default"
        size="xs"
        w="fit-content"
        onClick={() => onChange([...rooms, { name: "", beds: 1 }])}
        data-testid="room-add"
      >
        {t("shelters.rooms.add")}
      </Button>
    </Stack>
  );
}

/** The rooms as the API takes them. */
export const roomsPayload = (rooms: RoomDraft[]) =>
  rooms.map((room) => ({
    ...(room.id ? { id: room.id } : {}),
    name: room.name,
    beds: typeof room.beds === "number" ? room.beds : Number(room.beds),
  }));
