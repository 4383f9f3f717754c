import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { type Language, languages } from "../../../shared/roles";
import coreEn from "../locales/en.json";
import coreSq from "../locales/sq.json";
import coreSr from "../locales/sr.json";
import alertsEn from "../modules/alerts/locales/en.json";
import alertsSq from "../modules/alerts/locales/sq.json";
import alertsSr from "../modules/alerts/locales/sr.json";
import assistanceEn from "../modules/assistance/locales/en.json";
import assistanceSq from "../modules/assistance/locales/sq.json";
import assistanceSr from "../modules/assistance/locales/sr.json";
import childrenEn from "../modules/children/locales/en.json";
import childrenSq from "../modules/children/locales/sq.json";
import childrenSr from "../modules/children/locales/sr.json";
import futureEn from "../modules/future/locales/en.json";
import futureSq from "../modules/future/locales/sq.json";
import futureSr from "../modules/future/locales/sr.json";
import interviewEn from "../modules/interview/locales/en.json";
import interviewSq from "../modules/interview/locales/sq.json";
import interviewSr from "../modules/interview/locales/sr.json";
import leafletEn from "../modules/leaflet/locales/en.json";
import sheltersEn from "../modules/shelters/locales/en.json";
import leafletSq from "../modules/leaflet/locales/sq.json";
import sheltersSq from "../modules/shelters/locales/sq.json";
import leafletSr from "../modules/leaflet/locales/sr.json";
import sheltersSr from "../modules/shelters/locales/sr.json";
import operationsEn from "../modules/operations/locales/en.json";
import operationsSq from "../modules/operations/locales/sq.json";
import operationsSr from "../modules/operations/locales/sr.json";
import securityEn from "../modules/security/locales/en.json";
import securitySq from "../modules/security/locales/sq.json";
import securitySr from "../modules/security/locales/sr.json";
import coordinationEn from "../modules/coordination/locales/en.json";
import coordinationSq from "../modules/coordination/locales/sq.json";
import coordinationSr from "../modules/coordination/locales/sr.json";
import justiceEn from "../modules/justice/locales/en.json";
import justiceSq from "../modules/justice/locales/sq.json";
import justiceSr from "../modules/justice/locales/sr.json";
import intelligenceEn from "../modules/intelligence/locales/en.json";
import intelligenceSq from "../modules/intelligence/locales/sq.json";
import intelligenceSr from "../modules/intelligence/locales/sr.json";
import matchingEn from "../modules/matching/locales/en.json";
import matchingSq from "../modules/matching/locales/sq.json";
import matchingSr from "../modules/matching/locales/sr.json";
import hotlineEn from "../modules/hotline/locales/en.json";
import hotlineSq from "../modules/hotline/locales/sq.json";
import hotlineSr from "../modules/hotline/locales/sr.json";
import breakglassEn from "../modules/breakglass/locales/en.json";
import breakglassSq from "../modules/breakglass/locales/sq.json";
import breakglassSr from "../modules/breakglass/locales/sr.json";
import statisticsEn from "../modules/statistics/locales/en.json";
import statisticsSq from "../modules/statistics/locales/sq.json";
import statisticsSr from "../modules/statistics/locales/sr.json";
import retentionEn from "../modules/retention/locales/en.json";
import retentionSq from "../modules/retention/locales/sq.json";
import retentionSr from "../modules/retention/locales/sr.json";
import timelineEn from "../modules/timeline/locales/en.json";
import timelineSq from "../modules/timeline/locales/sq.json";
import timelineSr from "../modules/timeline/locales/sr.json";

// Each module keeps its strings beside its code under its own top-level key; they are merged here.
const en = {
  ...coreEn,
  ...alertsEn,
  ...assistanceEn,
  ...childrenEn,
  ...futureEn,
  ...interviewEn,
  ...leafletEn,
  ...sheltersEn,
  ...operationsEn,
  ...securityEn,
  ...coordinationEn,
  ...justiceEn,
  ...intelligenceEn,
  ...matchingEn,
  ...hotlineEn,
  ...breakglassEn,
  ...statisticsEn,
  ...timelineEn,
  ...retentionEn,
};
const sq = {
  ...coreSq,
  ...alertsSq,
  ...assistanceSq,
  ...childrenSq,
  ...futureSq,
  ...interviewSq,
  ...leafletSq,
  ...sheltersSq,
  ...operationsSq,
  ...securitySq,
  ...coordinationSq,
  ...justiceSq,
  ...intelligenceSq,
  ...matchingSq,
  ...hotlineSq,
  ...breakglassSq,
  ...statisticsSq,
  ...timelineSq,
  ...retentionSq,
};
const sr = {
  ...coreSr,
  ...alertsSr,
  ...assistanceSr,
  ...childrenSr,
  ...futureSr,
  ...interviewSr,
  ...leafletSr,
  ...sheltersSr,
  ...operationsSr,
  ...securitySr,
  ...coordinationSr,
  ...justiceSr,
  ...intelligenceSr,
  ...matchingSr,
  ...hotlineSr,
  ...breakglassSr,
  ...statisticsSr,
  ...timelineSr,
  ...retentionSr,
};

export type Translation = typeof en;

// Every language must carry every English key: a missing translation fails the type check here.
const resources: Record<Language, { translation: Translation }> = {
  en: { translation: en },
  sq: { translation: sq },
  sr: { translation: sr },
};

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Translation };
  }
}

const storageKey = "opennrm.language";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

/** Before sign-in: the last language used on this device, else the browser's, else English. */
function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(storageKey);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage may be disabled; the browser's language is good enough then.
  }
  for (const preferred of window.navigator.languages) {
    const base = preferred.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return "en";
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : "en";
}

/** Switches the whole interface at once and remembers the choice on this device. */
export async function applyLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Not remembered on this device; the server remembers it per user anyway.
  }
  document.documentElement.lang = intlLocale(language);
  await i18next.changeLanguage(language);
}

/** The locale Intl needs: Serbian is written in Latin script here. */
export function intlLocale(language: Language): string {
  switch (language) {
    case "en":
      return "en-GB";
    case "sq":
      return "sq";
    case "sr":
      return "sr-Latn";
  }
}

export async function setUpI18n(): Promise<void> {
  const language = initialLanguage();
  document.documentElement.lang = intlLocale(language);
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: "en",
    supportedLngs: [...languages],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}
