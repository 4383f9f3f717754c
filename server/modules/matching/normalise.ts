/**
 * Names as comparable keys. A person registered by the police in Prishtina as "Iulia Popescu", by
 * a shelter as "Yulia Popesku" and by a consulate as "Юлия Попеску" is one person (seed 001: count
 * each person once; seed 002: interview once). Three layers:
 *
 *   folded     Latin, lower case, diacritics dropped (ș ş → s, ț ţ → t, ă â → a, î → i, ë → e,
 *              ç → c, č ć → c, đ → dj): what a clerk without the keyboard would type.
 *   phonetic   spelling systems merged: sh/ş/š, ch/ç/č/ć/ts/c/k, zh/ž/dj/gj, kh/h/g (Ukrainian г is
 *              h, Russian г is g, Romanian "gh" is g), y/j/i (Iuliia, Yulia, Julia), ks/x, w/v,
 *              q/k (Albanian q is ć: Petroviq), doubled letters once.
 *   skeleton   first sound and the consonants only: a coarse key for blocking.
 */
import { toLatin } from "./transliterate";
import { nicknameGroups } from "./nicknames";

const specialFold: Record<string, string> = {
  đ: "dj",
  ð: "d",
  ł: "l",
  ß: "ss",
  ø: "o",
  æ: "ae",
  œ: "oe",
  ı: "i",
  þ: "th",
};

/** Latin, lower case, without diacritics; Cyrillic romanised first. */
export function foldLatin(text: string, citizenship?: string | null): string {
  const latin = toLatin(text, citizenship).toLowerCase();
  let out = "";
  for (const ch of latin) out += specialFold[ch] ?? ch;
  return out.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

/** Particles that are left out when comparing (Albanian and Slavic names rarely carry them). */
const particles = new Set([
  "de",
  "da",
  "di",
  "del",
  "van",
  "von",
  "der",
  "la",
  "le",
  "al",
  "el",
  "bin",
  "ibn",
  "ben",
]);

/** Words of a name: split on spaces, hyphens and punctuation, particles dropped. */
export function nameTokens(text: string, citizenship?: string | null): string[] {
  const folded = foldLatin(text, citizenship);
  const words = folded.split(/[^a-z]+/).filter((w) => w.length > 0);
  const kept = words.filter((w) => !particles.has(w));
  return kept.length > 0 ? kept : words;
}

const digraphs: [RegExp, string][] = [
  [/shch|sch|sz|sh/g, "s"],
  [/tsch|tch|tz|ts|cz|ch|ci(?=[aou])/g, "c"],
  // Serbian đ, Macedonian ѓ and Albanian gj are one sound, written dzh by Russian romanisation.
  [/dzh|dz|zh|dj|gj/g, "z"],
  [/kj/g, "c"],
  [/kh|gh/g, "h"],
  [/ph/g, "f"],
  [/th/g, "t"],
  [/ou/g, "u"],
];

/** One word as the sounds it stands for, whatever the romanisation. */
export function phoneticWord(word: string): string {
  let w = word.replace(/[^a-z]/g, "");
  for (const [pattern, replacement] of digraphs) w = w.replace(pattern, replacement);
  w = w
    // Albanian q is Serbian ć (Petroviq, Petrović, Petrovich).
    .replace(/q/g, "c")
    // c is k in Romanian (Nicolae, Nikolai; Cristina, Kristina) but ts in Serbian and Albanian
    // (Milica, Militsa): without the language, k and every c sound are one letter.
    .replace(/k/g, "c")
    .replace(/x/g, "ks")
    .replace(/w/g, "v")
    .replace(/g/g, "h")
    .replace(/[yj]/g, "i");
  // Doubled letters once (Anna, Ana; Iuliia, Iulia); so the Slavic endings that differ only by
  // transliteration, -ii / -iy / -y (Yurii, Yuriy, Yury), become -i; initial ie- is e- (Yevhen).
  w = w.replace(/(.)\1+/g, "$1");
  w = w.replace(/^ie/, "e");
  return w;
}

/** Phonetic key of a whole name (words joined in order). */
export function phoneticName(text: string, citizenship?: string | null): string {
  return nameTokens(text, citizenship).map(phoneticWord).join(" ");
}

/** Coarse key for blocking: the first sound (vowels as one) and up to five consonants. */
export function skeleton(phonetic: string): string {
  const word = phonetic.replace(/ /g, "");
  if (word.length === 0) return "";
  const first = /[aeiou]/.test(word[0] ?? "") ? "a" : (word[0] ?? "");
  const rest = word
    .slice(1)
    .replace(/[aeiou]/g, "")
    .replace(/(.)\1+/g, "$1");
  return (first + rest).slice(0, 6);
}

const groupsOf = new Map<string, number[]>();
nicknameGroups.forEach((group, index) => {
  for (const variant of group) {
    for (const token of nameTokens(variant)) {
      const key = phoneticWord(token);
      const known = groupsOf.get(key);
      if (!known) groupsOf.set(key, [index]);
      else if (!known.includes(index)) known.push(index);
    }
  }
});

const none: readonly number[] = [];

/** The variant groups of a given name (Sasha: Aleksandr and Aleksandra), empty when unknown. */
export function nameGroupsOf(phoneticToken: string): readonly number[] {
  return groupsOf.get(phoneticToken) ?? none;
}

/** Whether two phonetic given-name words are variants of one name. */
export function sameNameGroup(a: string, b: string): boolean {
  const ga = groupsOf.get(a);
  const gb = groupsOf.get(b);
  if (!ga || !gb) return false;
  return ga.some((g) => gb.includes(g));
}
