import { defineMessages } from "./define";

export const statisticsMessages = defineMessages(
  [
    "import_empty",
    "import_too_many_rows",
    "import_column_missing",
    "invalid_number",
    "privacy_budget_exhausted",
    "export_reason_required",
    "import_one_file",
    "import_unreadable",
    "import_running",
  ],
  {
    en: {
      import_empty: "The file holds no records under its header row.",
      import_too_many_rows: "The file holds too many records for one import: split it.",
      import_column_missing: "A required column is missing from the file's header row.",
      invalid_number: "Write a whole number.",
      privacy_budget_exhausted: "This release would exceed the privacy budget of a year it covers.",
      export_reason_required: "Choose why these figures are exported.",
      import_one_file: "Send one file: a CSV or an XLSX workbook, not both.",
      import_unreadable: "The file cannot be read as an XLSX workbook.",
      import_running: "An import you started is still running: wait for it to finish.",
    },
    sq: {
      import_empty: "Skedari nuk ka asnjë regjistrim nën rreshtin e titujve.",
      import_too_many_rows: "Skedari ka shumë regjistrime për një import të vetëm: ndajeni.",
      import_column_missing: "Një kolonë e detyrueshme mungon në rreshtin e titujve të skedarit.",
      invalid_number: "Shkruani një numër të plotë.",
      privacy_budget_exhausted: "Ky publikim do të tejkalonte buxhetin e privatësisë së një viti që mbulon.",
      export_reason_required: "Zgjidhni pse eksportohen këto shifra.",
      import_one_file: "Dërgoni një skedar: një CSV ose një libër pune XLSX, jo të dyja.",
      import_unreadable: "Skedari nuk mund të lexohet si libër pune XLSX.",
      import_running: "Një import që keni nisur është ende në punë: prisni të përfundojë.",
    },
    sr: {
      import_empty: "Datoteka nema nijedan zapis ispod reda zaglavlja.",
      import_too_many_rows: "Datoteka ima previše zapisa za jedan uvoz: podelite je.",
      import_column_missing: "U redu zaglavlja datoteke nedostaje obavezna kolona.",
      invalid_number: "Upišite ceo broj.",
      privacy_budget_exhausted:
        "Ovo objavljivanje bi premašilo budžet privatnosti jedne od godina koje obuhvata.",
      export_reason_required: "Izaberite zašto se ovi podaci izvoze.",
      import_one_file: "Pošaljite jednu datoteku: CSV ili XLSX radnu svesku, ne obe.",
      import_unreadable: "Datoteka se ne može pročitati kao XLSX radna sveska.",
      import_running: "Uvoz koji ste pokrenuli još traje: sačekajte da se završi.",
    },
  },
);
