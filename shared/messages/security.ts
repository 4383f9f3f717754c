import { defineMessages } from "./define";

export const securityMessages = defineMessages(
  ["risk_level_not_accepted", "not_location_compromised", "already_relocated", "interpreter_unavailable"],
  {
    en: {
      risk_level_not_accepted:
        "This shelter does not accept the person's risk level: only a supervisor may override, with a recorded reason.",
      not_location_compromised: "A relocation follows an incident where the location was compromised.",
      already_relocated: "The shelter has already been relocated after this incident.",
      interpreter_unavailable: "This interpreter is not available.",
    },
    sq: {
      risk_level_not_accepted:
        "Kjo strehimore nuk e pranon nivelin e rrezikut të personit: vetëm një mbikëqyrës mund ta lejojë, me arsye të regjistruar.",
      not_location_compromised: "Zhvendosja bëhet pas një incidenti ku vendndodhja është zbuluar.",
      already_relocated: "Strehimorja është zhvendosur tashmë pas këtij incidenti.",
      interpreter_unavailable: "Ky përkthyes nuk është në dispozicion.",
    },
    sr: {
      risk_level_not_accepted:
        "Ovo sklonište ne prima nivo rizika ove osobe: samo supervizor može to odobriti, uz zabeleženi razlog.",
      not_location_compromised: "Premeštanje sledi nakon incidenta u kojem je lokacija otkrivena.",
      already_relocated: "Sklonište je već premešteno nakon ovog incidenta.",
      interpreter_unavailable: "Ovaj prevodilac nije dostupan.",
    },
  },
);
