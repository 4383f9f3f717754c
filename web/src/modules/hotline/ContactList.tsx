import {
  Alert,
  Anchor,
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
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { handoverExceptions } from "../../../../shared/hotline";
import { type Gender, genders } from "../../../../shared/vocabulary";
import { api } from "../../platform/api";
import { describeError, type FieldProblems, fieldProblemsFrom, problemAt } from "../../platform/errors";
import { useJurisdiction } from "../../platform/jurisdiction";
import { useNames } from "../../platform/labels";
import { ErrorNotice, Loading } from "../../platform/layout/Page";
import { useResource } from "../../platform/useResource";
import { EarlierRecords, useEarlierRecords } from "../matching/EarlierRecords";
import type { Agency, Contact, ContactDetail } from "./types";

const urgencyColor = { routine: "gray", urgent: "orange", imminent_danger: "red" } as const;

/** The helpline's latest contacts, each with what was done about it and what can be done next. */
export function ContactList({
  operator,
  mayRegister,
  onChanged,
}: {
  operator: boolean;
  mayRegister: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const contacts = useResource<Contact[]>("/api/hotline/contacts");
  if (contacts.error) return <ErrorNotice error={contacts.error} onRetry={contacts.reload} />;
  if (!contacts.data) return <Loading />;
  return (
    <Stack gap="sm" data-testid="contact-list">
      <Title order={2} size="h4">
        {t("hotline.contacts")}
      </Title>
      {contacts.data.length === 0 && <Text>{t("hotline.noContacts")}</Text>}
      {contacts.data.map((contact) => (
        <ContactRow
          key={contact.id}
          contact={contact}
          operator={operator}
          mayRegister={mayRegister}
          onChanged={onChanged}
        />
      ))}
    </Stack>
  );
}

function ContactRow({
  contact,
  operator,
  mayRegister,
  onChanged,
}: {
  contact: Contact;
  operator: boolean;
  mayRegister: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { regionName } = useJurisdiction();
  const { spokenLanguage, dateTime } = useNames();
  const [detail, setDetail] = useState<ContactDetail | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  async function toggleDetail() {
    if (detail) return setDetail(null);
    try {
      setDetail(await api.get<ContactDetail>(`/api/hotline/contacts/${contact.id}`));
    } catch (error) {
      setFailure(error);
    }
  }

  return (
    <Paper
      withBorder
      p="md"
      data-testid="contact-row"
      data-urgency={contact.urgency}
      data-outcome={contact.outcome}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Text fw={600}>{dateTime(contact.receivedAt)}</Text>
            <Badge color={urgencyColor[contact.urgency]}>{t(`hotline.urgencies.${contact.urgency}`)}</Badge>
            <Badge variant="light" data-testid="contact-outcome-badge">
              {t(`hotline.outcomes.${contact.outcome}`)}
            </Badge>
          </Group>
          <Button size="xs" variant="subtle" onClick={() => void toggleDetail()} data-testid="contact-show">
            {detail ? t("hotline.hide") : t("hotline.show")}
          </Button>
        </Group>
        <Text size="sm">
          {t(`hotline.channels.${contact.channel}`)} · {spokenLanguage(contact.language)} ·{" "}
          {t(`hotline.callerTypes.${contact.callerType}`)}
          {contact.region && ` · ${regionName(contact.region)}`} ·{" "}
          {contact.identifiersKept ? t("hotline.identifiersKept") : t("hotline.anonymous")}
        </Text>
        {contact.indicators.length > 0 && (
          <Group gap={4}>
            {contact.indicators.map((indicator) => (
              <Badge key={indicator} size="sm" variant="outline">
                {t(`hotline.indicatorLabels.${indicator}`)}
              </Badge>
            ))}
          </Group>
        )}
        {contact.handovers.map((handover) => (
          <Text size="sm" key={handover.id} data-testid="contact-handover">
            {t("hotline.handedTo", { agency: handover.agency.name, time: dateTime(handover.handedAt) })} ·{" "}
            {handover.acknowledgedAt
              ? t("hotline.acknowledgedAt", { time: dateTime(handover.acknowledgedAt) })
              : t("hotline.notAcknowledged")}
          </Text>
        ))}
        {contact.caseReference && (
          <Text size="sm">
            {t("hotline.case")}:{" "}
            <Anchor
              component={Link}
              to={`/cases/${encodeURIComponent(contact.caseReference)}`}
              data-testid="contact-case"
            >
              {contact.caseReference}
            </Anchor>
          </Text>
        )}
        {contact.callbacks.map((callback) => (
          <Text size="sm" key={callback.id}>
            {t("hotline.callbackAt")}: {dateTime(callback.dueAt)}
            {callback.doneAt
              ? ` ✓ ${dateTime(callback.doneAt)}`
              : callback.due
                ? ` · ${t("hotline.callbackDue")}`
                : ""}
            {callback.attempts.length > 0 &&
              ` · ${callback.attempts.map((a) => t(`hotline.callbackOutcomes.${a.outcome}`)).join(", ")}`}
          </Text>
        ))}
        {failure !== null && (
          <Alert color="red" role="alert">
            {describeError(failure)}
          </Alert>
        )}
        {detail && (
          <Alert color="yellow" title={t("common.confidential")} data-testid="contact-detail">
            {detail.summary && <Text style={{ whiteSpace: "pre-wrap" }}>{detail.summary}</Text>}
            {(detail.callerName || detail.phone) && (
              <Text size="sm">{[detail.callerName, detail.phone].filter(Boolean).join(" · ")}</Text>
            )}
          </Alert>
        )}
        {operator && contact.handovers.length === 0 && contact.urgency !== "routine" && (
          <HandoverForm contactId={contact.id} onDone={onChanged} />
        )}
        {!contact.caseReference && (contact.identifiersKept || contact.channel !== "call") && (
          <CallbackForm contactId={contact.id} onDone={onChanged} />
        )}
        {mayRegister && !contact.caseReference && (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <CaseForm contactId={contact.id} onDone={onChanged} />
            <LinkForm contactId={contact.id} onDone={onChanged} />
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}

function HandoverForm({ contactId, onDone }: { contactId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const police = useResource<Agency[]>("/api/hotline/police-agencies");
  const [agency, setAgency] = useState("");
  const [consent, setConsent] = useState(false);
  const [exception, setException] = useState("");
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<unknown>(null);
  const chosen = agency || police.data?.[0]?.id || "";

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems({});
    setFailure(null);
    try {
      await api.post(`/api/hotline/contacts/${contactId}/handovers`, {
        policeAgencyId: chosen,
        callerConsent: consent,
        exception: consent ? null : exception || null,
      });
      notifications.show({ color: "green", message: t("hotline.handedOver") });
      onDone();
    } catch (error) {
      setProblems(fieldProblemsFrom(error));
      setFailure(error);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="handover-form" noValidate>
      <Group align="end" wrap="wrap" gap="xs">
        <NativeSelect
          label={t("hotline.policeAgency")}
          data={(police.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          value={chosen}
          onChange={(event) => setAgency(event.currentTarget.value)}
          error={problemAt(problems, "policeAgencyId")}
        />
        <Checkbox
          label={t("hotline.callerConsent")}
          checked={consent}
          onChange={(event) => setConsent(event.currentTarget.checked)}
        />
        {!consent && (
          <NativeSelect
            label={t("hotline.exception")}
            data={[
              { value: "", label: t("common.choose") },
              ...handoverExceptions.map((value) => ({ value, label: t(`hotline.exceptions.${value}`) })),
            ]}
            value={exception}
            onChange={(event) => setException(event.currentTarget.value)}
            error={problemAt(problems, "exception")}
          />
        )}
        <Button type="submit" color="red">
          {t("hotline.handOver")}
        </Button>
      </Group>
      {failure !== null && !Object.keys(problems).length && (
        <Text c="red" size="sm">
          {describeError(failure)}
        </Text>
      )}
    </form>
  );
}

function CallbackForm({ contactId, onDone }: { contactId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [at, setAt] = useState("");
  const [failure, setFailure] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const dueAt = at ? new Date(at) : null;
    try {
      await api.post(`/api/hotline/contacts/${contactId}/callbacks`, {
        dueAt: dueAt && !Number.isNaN(dueAt.getTime()) ? dueAt.toISOString() : at,
      });
      setAt("");
      onDone();
    } catch (error) {
      setFailure(error);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="callback-form" noValidate>
      <Group align="end" gap="xs" wrap="wrap">
        <TextInput
          type="datetime-local"
          label={t("hotline.callbackAt")}
          value={at}
          onChange={(event) => setAt(event.currentTarget.value)}
          error={failure ? describeError(failure) : undefined}
          data-testid="callback-at"
        />
        <Button type="submit" variant="default" data-testid="callback-submit">
          {t("hotline.scheduleCallback")}
        </Button>
      </Group>
    </form>
  );
}

/** With the person's consent, the contact becomes a case through registration (source "hotline"). */
function CaseForm({ contactId, onDone }: { contactId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { jurisdiction } = useJurisdiction();
  const { countryOptions } = useNames();
  const [open, setOpen] = useState(false);
  const [consent, setConsent] = useState(false);
  const [givenName, setGivenName] = useState("");
  const [familyName, setFamilyName] = useState("");
  const [gender, setGender] = useState("");
  const [birthDate, setBirthDate] = useState("");
  const [age, setAge] = useState<number | string>("");
  const [citizenship, setCitizenship] = useState("");
  const [region, setRegion] = useState("");
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<unknown>(null);
  const earlier = useEarlierRecords();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems({});
    setFailure(null);
    try {
      // As in the registration form: possible earlier records of the person before saving.
      if (
        consent &&
        givenName.trim() &&
        (await earlier.shouldPause({
          givenName: givenName.trim(),
          familyName: familyName || null,
          birthDate: birthDate || null,
          estimatedAge: typeof age === "number" ? age : null,
          gender: (gender || null) as Gender | null,
          citizenship: citizenship ? [citizenship] : [],
        }))
      )
        return;
      const { reference } = await api.post<{ reference: string }>(`/api/hotline/contacts/${contactId}/case`, {
        consent,
        givenName,
        familyName: familyName || null,
        gender,
        birthDate: birthDate || null,
        estimatedAge: typeof age === "number" ? age : null,
        citizenship: citizenship ? [citizenship] : [],
        identificationRegion: region,
      });
      notifications.show({ color: "green", message: t("hotline.registered", { reference }) });
      onDone();
    } catch (error) {
      setProblems(fieldProblemsFrom(error));
      setFailure(error);
    }
  }

  if (!open)
    return (
      <Button variant="light" w="fit-content" onClick={() => setOpen(true)} data-testid="case-open">
        {t("hotline.openCase")}
      </Button>
    );
  return (
    <Paper withBorder p="sm">
      <form onSubmit={(event) => void submit(event)} data-testid="case-form" noValidate>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t("hotline.openCase")}
          </Title>
          {failure !== null && (
            <Alert color="red" role="alert" data-testid="case-error">
              {describeError(failure)}
            </Alert>
          )}
          <Checkbox
            label={t("hotline.caseConsent")}
            checked={consent}
            onChange={(event) => setConsent(event.currentTarget.checked)}
            error={problemAt(problems, "consent")}
            data-testid="case-consent"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              autoFocus
              label={t("hotline.givenName")}
              value={givenName}
              onChange={(event) => setGivenName(event.currentTarget.value)}
              error={problemAt(problems, "givenName")}
              data-testid="case-given-name"
            />
            <TextInput
              label={t("hotline.familyName")}
              value={familyName}
              onChange={(event) => setFamilyName(event.currentTarget.value)}
              error={problemAt(problems, "familyName")}
            />
            <NativeSelect
              label={t("hotline.gender")}
              data={[
                { value: "", label: t("common.choose") },
                ...genders.map((value) => ({ value, label: t(`vocabulary.gender.${value}`) })),
              ]}
              value={gender}
              onChange={(event) => setGender(event.currentTarget.value)}
              error={problemAt(problems, "gender")}
              data-testid="case-gender"
            />
            <TextInput
              type="date"
              label={t("hotline.birthDate")}
              value={birthDate}
              onChange={(event) => setBirthDate(event.currentTarget.value)}
              error={problemAt(problems, "birthDate")}
            />
            <NumberInput
              label={t("hotline.estimatedAge")}
              min={0}
              max={120}
              value={age}
              onChange={setAge}
              error={problemAt(problems, "estimatedAge")}
              data-testid="case-age"
            />
            <NativeSelect
              label={t("hotline.citizenship")}
              data={[
                { value: "", label: t("common.choose") },
                ...countryOptions(["XK", "AL", "RS", "MD", "UA"]),
              ]}
              value={citizenship}
              onChange={(event) => setCitizenship(event.currentTarget.value)}
              error={problemAt(problems, "citizenship")}
              data-testid="case-citizenship"
            />
            <NativeSelect
              label={t("hotline.identificationRegion")}
              data={[
                { value: "", label: t("common.choose") },
                ...(jurisdiction?.regions ?? []).map((r) => ({ value: r.code, label: r.name })),
              ]}
              value={region}
              onChange={(event) => setRegion(event.currentTarget.value)}
              error={problemAt(problems, "identificationRegion")}
              data-testid="case-region"
            />
          </SimpleGrid>
          <EarlierRecords state={earlier} />
          <Button type="submit" w="fit-content" data-testid="case-submit">
            {t("hotline.register")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function LinkForm({ contactId, onDone }: { contactId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [reference, setReference] = useState("");
  const [consent, setConsent] = useState(false);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems({});
    setFailure(null);
    try {
      await api.post(`/api/hotline/contacts/${contactId}/link`, { consent, reference: reference.trim() });
      notifications.show({ color: "green", message: t("hotline.linked", { reference: reference.trim() }) });
      onDone();
    } catch (error) {
      setProblems(fieldProblemsFrom(error));
      setFailure(error);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="link-form" noValidate>
      <Stack gap="xs">
        <Group align="end" gap="xs" wrap="wrap">
          <TextInput
            label={t("hotline.linkCase")}
            placeholder={t("hotline.reference")}
            value={reference}
            onChange={(event) => setReference(event.currentTarget.value)}
            error={problemAt(problems, "reference")}
            data-testid="link-reference"
          />
          <Button type="submit" variant="default" data-testid="link-submit">
            {t("hotline.link")}
          </Button>
        </Group>
        <Checkbox
          label={t("hotline.caseConsent")}
          checked={consent}
          onChange={(event) => setConsent(event.currentTarget.checked)}
          error={problemAt(problems, "consent")}
        />
        {failure !== null && !Object.keys(problems).length && (
          <Text c="red" size="sm">
            {describeError(failure)}
          </Text>
        )}
      </Stack>
    </form>
  );
}
