import { useTranslation } from "react-i18next";
import type { Language } from "../../../shared/roles";
import { countryCodes } from "../../../shared/vocabulary";
import { currentLanguage, intlLocale } from "./i18n";

const displayNames = new Map<string, Intl.DisplayNames>();

function names(language: Language, type: "region" | "language"): Intl.DisplayNames | null {
  const key = `${language}:${type}`;
  const cached = displayNames.get(key);
  if (cached) return cached;
  try {
    const created = new Intl.DisplayNames([intlLocale(language), "en"], { type, fallback: "code" });
    displayNames.set(key, created);
    return created;
  } catch {
    return null;
  }
}

/** Hooks for the names Intl knows (countries, languages), with our own labels where it does not. */
export function useNames() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage();
  const country = (code: string): string => {
    const name = names(language, "region")?.of(code);
    if (name && name !== code) return name;
    return code === "XK" ? t("names.kosovo") : code;
  };
  const spokenLanguage = (code: string): string => {
    try {
      const name = names(language, "language")?.of(code);
      if (name && name !== code) return name;
    } catch {
      // Intl refuses codes it cannot parse; fall through to our own label.
    }
    return code === "rom" ? t("names.romani") : code;
  };
  const dateTime = (iso: string): string => {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: "medium", timeStyle: "short" }).format(
      date,
    );
  };
  const countryOptions = (first: readonly string[] = []) => {
    const rest = countryCodes
      .filter((code) => !first.includes(code))
      .map((code) => ({ value: code, label: country(code) }));
    rest.sort((a, b) => a.label.localeCompare(b.label, intlLocale(language)));
    return [...first.map((code) => ({ value: code, label: country(code) })), ...rest];
  };
  return { country, spokenLanguage, dateTime, countryOptions, language: i18n.language };
}
