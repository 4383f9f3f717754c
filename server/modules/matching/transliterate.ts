/**
 * Cyrillic to Latin (and Serbian Latin to Cyrillic) for the scripts of the countries of origin in
 * the seeds: Russian and Ukrainian (Moldova, Ukraine, Russia), Bulgarian, Serbian, Macedonian.
 * Each language has its own official romanisation, so the same person is written "Юлія" →
 * "Yuliia" in a Ukrainian passport, "Юлия" → "Yuliya" in a Russian one. Matching compares names in
 * Latin; the phonetic key (normalise.ts) then absorbs the differences between the systems.
 */

export type CyrillicLanguage = "ru" | "uk" | "bg" | "sr" | "mk";

const common: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  з: "z",
  и: "i",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
};

/** Russian: the passport system in use since 2013 (ICAO 9303), commonest in current documents. */
const russian: Record<string, string> = {
  ...common,
  ё: "e",
  ж: "zh",
  й: "i",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "ie",
  ы: "y",
  ь: "",
  э: "e",
  ю: "iu",
  я: "ia",
};

/** Ukrainian: the official table of 2010 (Cabinet resolution 55); word-initial forms below. */
const ukrainian: Record<string, string> = {
  ...common,
  г: "h",
  ґ: "g",
  є: "ie",
  ж: "zh",
  и: "y",
  і: "i",
  ї: "i",
  й: "i",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ь: "",
  ю: "iu",
  я: "ia",
  "'": "",
  "’": "",
  ʼ: "",
};
const ukrainianInitial: Record<string, string> = { є: "ye", ї: "yi", й: "y", ю: "yu", я: "ya" };

/** Bulgarian: the Transliteration Act of 2009 ("Streamlined System"). */
const bulgarian: Record<string, string> = {
  ...common,
  ж: "zh",
  й: "y",
  х: "h",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "sht",
  ъ: "a",
  ь: "y",
  ю: "yu",
  я: "ya",
};

/** Serbian: the official Latin alphabet (Gaj), one letter for one letter. */
const serbian: Record<string, string> = {
  ...common,
  ђ: "đ",
  ж: "ž",
  ј: "j",
  љ: "lj",
  њ: "nj",
  ћ: "ć",
  х: "h",
  ц: "c",
  ч: "č",
  џ: "dž",
  ш: "š",
};

/** Macedonian: the official romanisation (2008). */
const macedonian: Record<string, string> = {
  ...common,
  ѓ: "gj",
  ж: "zh",
  ѕ: "dz",
  ј: "j",
  љ: "lj",
  њ: "nj",
  ќ: "kj",
  х: "h",
  ц: "c",
  ч: "ch",
  џ: "dzh",
  ш: "sh",
};

const tables: Record<CyrillicLanguage, Record<string, string>> = {
  ru: russian,
  uk: ukrainian,
  bg: bulgarian,
  sr: serbian,
  mk: macedonian,
};

const cyrillicLetter = /[\u0400-\u04FF]/;

export function hasCyrillic(text: string): boolean {
  return cyrillicLetter.test(text);
}

/** Which language's table to use: letters only one alphabet has, then the citizenship. */
export function detectCyrillicLanguage(text: string, citizenship?: string | null): CyrillicLanguage {
  const lower = text.toLowerCase();
  if (/[ѓќѕ]/.test(lower)) return "mk";
  if (/[іїєґ]/.test(lower)) return "uk";
  if (/[ђћ]/.test(lower)) return "sr";
  if (/[јљњџ]/.test(lower)) return citizenship?.toUpperCase() === "MK" ? "mk" : "sr";
  if (/[ыэё]/.test(lower)) return "ru";
  switch (citizenship?.toUpperCase() ?? "") {
    case "UA":
      return "uk";
    case "BG":
      return "bg";
    case "RS":
    case "XK":
    case "ME":
    case "BA":
      return "sr";
    case "MK":
      return "mk";
    default:
      // Bulgarian writes ъ inside words (България); Russian only as a rare separator.
      return /ъ[^\s-]/.test(lower) && !/[ъ][еёюя]/.test(lower) ? "bg" : "ru";
  }
}

function matchCase(source: string, latin: string, nextIsUpper: boolean): string {
  if (source === source.toLowerCase() || latin.length === 0) return latin;
  if (latin.length === 1 || nextIsUpper) return latin.toUpperCase();
  return latin[0]?.toUpperCase() + latin.slice(1);
}

/** Romanises Cyrillic text with the given language's table; Latin letters pass unchanged. */
export function cyrillicToLatin(text: string, language: CyrillicLanguage): string {
  const table = tables[language];
  const chars = [...text];
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? "";
    const lower = ch.toLowerCase();
    const prev = chars[i - 1];
    const next = chars[i + 1];
    const wordStart = prev === undefined || !/[\p{L}'’ʼ]/u.test(prev);
    let latin: string | undefined;
    if (language === "uk") {
      // "зг" is written "zgh" so that it is not read as "ж" (Згурський → Zghurskyi).
      if (lower === "г" && prev?.toLowerCase() === "з") latin = "gh";
      else if (wordStart && ukrainianInitial[lower] !== undefined) latin = ukrainianInitial[lower];
    }
    if (
      language === "bg" &&
      lower === "я" &&
      prev?.toLowerCase() === "и" &&
      (next === undefined || !/\p{L}/u.test(next))
    ) {
      // Final "-ия" is "-ia" (България → Bulgaria, Мария → Maria).
      latin = "a";
    }
    latin ??= table[lower];
    if (latin === undefined) {
      out += ch;
      continue;
    }
    const nextIsUpper = next !== undefined && next !== next.toLowerCase() && next === next.toUpperCase();
    out += matchCase(ch, latin, nextIsUpper);
  }
  return out;
}

/** Romanises any Cyrillic in the text, choosing the language from its letters and citizenship. */
export function toLatin(text: string, citizenship?: string | null): string {
  if (!hasCyrillic(text)) return text;
  return cyrillicToLatin(text, detectCyrillicLanguage(text, citizenship));
}

const serbianLatinPairs: [string, string][] = [
  ["dž", "џ"],
  ["lj", "љ"],
  ["nj", "њ"],
  ...Object.entries(serbian)
    .filter(([, latin]) => latin.length === 1)
    .map(([cyr, latin]): [string, string] => [latin, cyr]),
];

/** Serbian Latin to Serbian Cyrillic (the two alphabets map one to one, digraphs first). */
export function serbianLatinToCyrillic(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i).toLowerCase();
    const pair = serbianLatinPairs.find(([latin]) => rest.startsWith(latin));
    if (!pair) {
      out += text[i];
      i += 1;
      continue;
    }
    const source = text.slice(i, i + pair[0].length);
    out += source[0] !== source[0]?.toLowerCase() ? pair[1].toUpperCase() : pair[1];
    i += pair[0].length;
  }
  return out;
}
