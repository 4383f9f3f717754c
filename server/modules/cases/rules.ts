/** Pure rules of case registration: no I/O, no clock. */

export function formatReference(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(5, "0")}`;
}

export const referencePattern = /^[A-Z]{2,6}-\d{4}-\d{5,}$/;

const cyrillic: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  ґ: "g",
  д: "d",
  ђ: "dj",
  е: "e",
  ё: "e",
  є: "ye",
  ж: "zh",
  з: "z",
  и: "i",
  і: "i",
  ї: "yi",
  й: "y",
  ј: "j",
  к: "k",
  л: "l",
  љ: "lj",
  м: "m",
  н: "n",
  њ: "nj",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  ћ: "c",
  у: "u",
  ў: "u",
  ф: "f",
  х: "h",
  ц: "c",
  ч: "ch",
  џ: "dz",
  ш: "sh",
  щ: "sht",
  ъ: "a",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
  ѓ: "gj",
  ќ: "kj",
  ѕ: "dz",
};

/**
 * Name tokens for the blind index: lower case, Cyrillic transliterated, diacritics and punctuation
 * dropped, so "Ștefănescu", "Stefanescu" and "ŠTEFANESCU" give the same token. The matching engine
 * refines this; the index only needs equal names to meet.
 */
export function nameTokens(...names: (string | null | undefined)[]): string[] {
  const tokens = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    const latin = [...name.toLowerCase()].map((ch) => cyrillic[ch] ?? ch).join("");
    const plain = latin
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .replace(/ß/g, "ss")
      .replace(/[đ]/g, "dj")
      .replace(/ł/g, "l");
    for (const token of plain.split(/[^a-z0-9]+/)) if (token.length >= 2) tokens.add(token);
  }
  return [...tokens].sort();
}
