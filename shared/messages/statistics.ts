import { defineMessages } from "./define";

export const statisticsMessages = defineMessages(
  [
    "import_empty",
    "import_too_many_rows",
    "import_column_missing",
    "invalid_number",
    "privacy_budget_exhausted",
  ],
  {
    en: {
      import_empty: "The file holds no records under its header row.",
      import_too_many_rows: "The file holds too many records for one import: split it.",
      import_column_missing: "A required column is missing from the file's header row.",
      invalid_number: "Write a whole number.",
      privacy_budget_exhausted: "This release would exceed the privacy budget of a year it covers.",
    },
    sq: {
      import_empty: "Skedari nuk ka asnjë regjistrim nën rreshtin e titujve.",
      import_too_many_rows: "Skedari ka shumë regjistrime për një import të vetëm: ndajeni.",
      import_column_missing: "Një kolonë e detyrueshme mungon në rreshtin e titujve të skedarit.",
      invalid_number: "Shkruani një numër të plotë.",
      privacy_budget_exhausted: "Ky publikim do të tejkalonte buxhetin e privatësisë së një viti që mbulon.",
    },
    sr: {
      import_empty: "Datoteka nema nijedan zapis ispod reda zaglavlja.",
      import_too_many_rows: "Datoteka ima previše zapisa za jedan uvoz: podelite je.",
      import_column_missing: "U redu zaglavlja datoteke nedostaje obavezna kolona.",
      invalid_number: "Upišite ceo broj.",
      privacy_budget_exhausted:
        "Ovo objavljivanje bi premašilo budžet privatnosti jedne od godina koje obuhvata.",
    },
  },
);
