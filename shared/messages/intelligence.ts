import { defineMessages } from "./define";

export const intelligenceMessages = defineMessages(
  [
    "inspectors_required",
    "premises_status_unchanged",
    "premises_not_closed",
    "premises_already_closed",
    "flag_already_decided",
    "identified_exceed_found",
    "case_already_linked",
  ],
  {
    en: {
      inspectors_required: "A joint inspection names the inspectors who took part.",
      premises_status_unchanged: "The premises already has this status.",
      premises_not_closed: "Only premises that were closed can be recorded as reopened.",
      premises_already_closed: "The premises is already closed by a court order.",
      flag_already_decided: "This possible reopening has already been reviewed.",
      identified_exceed_found: "More people cannot be identified than were found in the operation.",
      case_already_linked: "This case is already linked to an operation.",
    },
    sq: {
      inspectors_required: "Inspektimi i përbashkët duhet të tregojë inspektorët që morën pjesë.",
      premises_status_unchanged: "Lokali e ka tashmë këtë status.",
      premises_not_closed: "Vetëm lokalet që janë mbyllur mund të shënohen si të rihapura.",
      premises_already_closed: "Lokali është tashmë i mbyllur me urdhër gjykate.",
      flag_already_decided: "Kjo rihapje e mundshme është shqyrtuar tashmë.",
      identified_exceed_found: "Nuk mund të identifikohen më shumë persona se sa u gjetën në operacion.",
      case_already_linked: "Ky rast është tashmë i lidhur me një operacion.",
    },
    sr: {
      inspectors_required: "Zajednička inspekcija navodi inspektore koji su učestvovali.",
      premises_status_unchanged: "Objekat već ima ovaj status.",
      premises_not_closed: "Samo zatvoreni objekti mogu biti zabeleženi kao ponovo otvoreni.",
      premises_already_closed: "Objekat je već zatvoren sudskim nalogom.",
      flag_already_decided: "Ovo moguće ponovno otvaranje je već razmotreno.",
      identified_exceed_found: "Ne može se identifikovati više osoba nego što je pronađeno u operaciji.",
      case_already_linked: "Ovaj slučaj je već povezan sa operacijom.",
    },
  },
);
