import { z } from "zod";
import { genders, languageCodes } from "./vocabulary";
import { isoDate } from "./registration";

/**
 * The hotline (seed 001: a telephone helpline run by IOM; seed 003: an anonymous hotline for
 * victims and vulnerable groups; seed 002: women who decline assistance are given a number to call
 * if they change their minds). A contact needs no identity: only what was reported.
 */
export const contactChannels = ["call", "message", "walk_in", "web_form"] as const;
export type ContactChannel = (typeof contactChannels)[number];

export const callerTypes = [
  "possible_victim",
  "family",
  "friend",
  "client",
  "professional",
  "anonymous",
] as const;
export type CallerType = (typeof callerTypes)[number];

/** What the caller reported, as a checklist the operator ticks while listening. */
export const contactIndicators = [
  "held_against_will",
  "documents_taken",
  "forced_sexual_services",
  "forced_labour",
  "forced_begging",
  "debt_bondage",
  "violence_or_threats",
  "deceived_about_work",
  "movement_controlled",
  "no_or_little_pay",
  "minor_involved",
  "recruitment_offer",
] as const;
export type ContactIndicator = (typeof contactIndicators)[number];

export const contactUrgencies = ["routine", "urgent", "imminent_danger"] as const;
export type ContactUrgency = (typeof contactUrgencies)[number];

/** How the contact ended, for the figures; a hand-over or a case sets it on its own. */
export const contactOutcomes = [
  "information_given",
  "referred_to_service",
  "callback_planned",
  "police_handover",
  "case_opened",
  "linked_to_case",
  "no_further_action",
] as const;
export type ContactOutcome = (typeof contactOutcomes)[number];
/** The outcomes an operator chooses; the others follow from what was done. */
export const chosenOutcomes = [
  "information_given",
  "referred_to_service",
  "callback_planned",
  "no_further_action",
] as const satisfies readonly ContactOutcome[];

/**
 * Why the report went to the police without the caller's consent: the person in danger is a
 * child, a life is at stake, or the caller could not be asked (the line was cut).
 */
export const handoverExceptions = ["threat_to_life", "child_at_risk", "caller_unreachable"] as const;
export type HandoverException = (typeof handoverExceptions)[number];

export const callbackOutcomes = ["reached", "no_answer", "wrong_number", "declined", "rescheduled"] as const;
export type CallbackOutcome = (typeof callbackOutcomes)[number];

const text = (max: number) => z.string().trim().max(max, { message: "too_long" });
const optionalText = (max: number) =>
  text(max)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional();

/** What would identify the caller; kept only with their recorded consent. */
export const identifierFields = ["callerName", "phone"] as const;

export const contactInput = z
  .strictObject({
    channel: z.enum(contactChannels, { message: "invalid_choice" }),
    language: z.enum(languageCodes, { message: "invalid_choice" }),
    callerType: z.enum(callerTypes, { message: "invalid_choice" }),
    region: optionalText(60),
    indicators: z
      .array(z.enum(contactIndicators, { message: "invalid_choice" }))
      .max(contactIndicators.length * 2)
      .default([]),
    urgency: z.enum(contactUrgencies, { message: "invalid_choice" }),
    summary: optionalText(4000),
    outcome: z.enum(chosenOutcomes, { message: "invalid_choice" }).default("information_given"),
    identifierConsent: z.boolean().default(false),
    callerName: optionalText(200),
    phone: optionalText(40),
  })
  .superRefine((value, issue) => {
    if (value.identifierConsent) return;
    for (const field of identifierFields)
      if (value[field])
        issue.addIssue({ code: "custom", path: [field], message: "hotline_identifier_without_consent" });
  });
export type ContactInput = z.infer<typeof contactInput>;

/** The report goes to the police now: with the caller's consent, or under a recorded exception. */
export const handoverInput = z
  .strictObject({
    policeAgencyId: z.uuid({ message: "invalid_choice" }),
    callerConsent: z.boolean(),
    exception: z.enum(handoverExceptions, { message: "invalid_choice" }).nullable().optional(),
  })
  .superRefine((value, issue) => {
    if (!value.callerConsent && !value.exception)
      issue.addIssue({ code: "custom", path: ["exception"], message: "hotline_handover_basis" });
  });
export type HandoverInput = z.infer<typeof handoverInput>;

/** The person agreed to a case: the fewest fields registration needs, source "hotline". */
export const contactCaseInput = z.strictObject({
  consent: z.literal(true, { message: "hotline_case_consent" }),
  givenName: text(100).min(1, { message: "required" }),
  familyName: optionalText(100),
  gender: z.enum(genders, { message: "invalid_choice" }),
  birthDate: isoDate.nullable().optional(),
  estimatedAge: z
    .number()
    .int()
    .min(0, { message: "too_small" })
    .max(120, { message: "too_big" })
    .nullable()
    .optional(),
  citizenship: z
    .array(z.string().length(2, { message: "invalid_choice" }))
    .max(4)
    .default([]),
  identificationRegion: text(60).min(1, { message: "required" }),
});
export type ContactCaseInput = z.infer<typeof contactCaseInput>;

export const contactLinkInput = z.strictObject({
  consent: z.literal(true, { message: "hotline_case_consent" }),
  reference: text(40).min(1, { message: "required" }),
});

export const callbackInput = z.strictObject({
  dueAt: z.iso.datetime({ offset: true, message: "invalid_date" }).transform((value) => new Date(value)),
});

export const callbackAttemptInput = z.strictObject({
  outcome: z.enum(callbackOutcomes, { message: "invalid_choice" }),
});

/**
 * Key phrases for the operator to say in the caller's language (seed 001: training of helpline
 * operators). Shown in the operator's language beside the caller's.
 */
export const phraseLanguages = ["en", "sq", "sr", "ro", "ru", "uk", "bg"] as const;
export type PhraseLanguage = (typeof phraseLanguages)[number];

export const hotlinePhrases: { key: string; text: Record<PhraseLanguage, string> }[] = [
  {
    key: "safe_now",
    text: {
      en: "Are you safe now?",
      sq: "A jeni të sigurt tani?",
      sr: "Da li ste sada bezbedni?",
      ro: "Sunteți în siguranță acum?",
      ru: "Вы сейчас в безопасности?",
      uk: "Ви зараз у безпеці?",
      bg: "В безопасност ли сте сега?",
    },
  },
  {
    key: "where_are_you",
    text: {
      en: "Can you tell me where you are?",
      sq: "A mund të më tregoni ku jeni?",
      sr: "Možete li mi reći gde se nalazite?",
      ro: "Îmi puteți spune unde vă aflați?",
      ru: "Можете сказать, где вы находитесь?",
      uk: "Чи можете сказати, де ви перебуваєте?",
      bg: "Можете ли да ми кажете къде се намирате?",
    },
  },
  {
    key: "speak_freely",
    text: {
      en: "Can you speak freely?",
      sq: "A mund të flisni lirshëm?",
      sr: "Možete li slobodno da govorite?",
      ro: "Puteți vorbi liber?",
      ru: "Вы можете говорить свободно?",
      uk: "Ви можете вільно говорити?",
      bg: "Можете ли да говорите свободно?",
    },
  },
  {
    key: "anyone_with_you",
    text: {
      en: "Is anyone with you now?",
      sq: "A është dikush me ju tani?",
      sr: "Da li je neko sada sa vama?",
      ro: "Este cineva cu dumneavoastră acum?",
      ru: "С вами сейчас кто-нибудь есть?",
      uk: "Чи є зараз хтось поруч із вами?",
      bg: "Има ли някой при вас сега?",
    },
  },
  {
    key: "how_old",
    text: {
      en: "How old are you?",
      sq: "Sa vjeç jeni?",
      sr: "Koliko imate godina?",
      ro: "Câți ani aveți?",
      ru: "Сколько вам лет?",
      uk: "Скільки вам років?",
      bg: "На колко години сте?",
    },
  },
  {
    key: "need_doctor",
    text: {
      en: "Do you need a doctor?",
      sq: "A keni nevojë për mjek?",
      sr: "Da li vam je potreban lekar?",
      ro: "Aveți nevoie de un medic?",
      ru: "Вам нужен врач?",
      uk: "Вам потрібен лікар?",
      bg: "Нуждаете ли се от лекар?",
    },
  },
  {
    key: "free_confidential",
    text: {
      en: "Help is free and confidential.",
      sq: "Ndihma është falas dhe konfidenciale.",
      sr: "Pomoć je besplatna i poverljiva.",
      ro: "Ajutorul este gratuit și confidențial.",
      ru: "Помощь бесплатная и конфиденциальная.",
      uk: "Допомога безкоштовна і конфіденційна.",
      bg: "Помощта е безплатна и поверителна.",
    },
  },
  {
    key: "tell_police",
    text: {
      en: "May we tell the police, so that they can help you?",
      sq: "A mund ta njoftojmë policinë, që t'ju ndihmojë?",
      sr: "Smemo li da obavestimo policiju, kako bi vam pomogla?",
      ro: "Putem anunța poliția, ca să vă poată ajuta?",
      ru: "Можно нам сообщить в полицию, чтобы вам помогли?",
      uk: "Чи можемо ми повідомити поліцію, щоб вам допомогли?",
      bg: "Можем ли да уведомим полицията, за да ви помогне?",
    },
  },
  {
    key: "call_back",
    text: {
      en: "May we call you back? On which number?",
      sq: "A mund t'ju telefonojmë përsëri? Në cilin numër?",
      sr: "Možemo li da vas pozovemo ponovo? Na koji broj?",
      ro: "Vă putem suna înapoi? La ce număr?",
      ru: "Можно вам перезвонить? По какому номеру?",
      uk: "Чи можемо ми вам передзвонити? За яким номером?",
      bg: "Можем ли да ви се обадим отново? На кой номер?",
    },
  },
];
