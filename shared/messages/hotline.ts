import { defineMessages } from "./define";

export const hotlineMessages = defineMessages(
  [
    "hotline_identifier_without_consent",
    "hotline_handover_basis",
    "hotline_not_police",
    "hotline_case_consent",
    "hotline_already_on_case",
    "hotline_callback_done",
    "hotline_not_reachable",
  ],
  {
    en: {
      hotline_identifier_without_consent:
        "A name or number is kept only when the caller agrees: record their consent or leave it empty.",
      hotline_handover_basis: "Record the caller's consent or the reason for handing over without it.",
      hotline_not_police: "Choose a police agency.",
      hotline_case_consent: "A case is opened only with the person's consent.",
      hotline_already_on_case: "This contact is already on a case.",
      hotline_callback_done: "This callback is already done.",
      hotline_not_reachable: "A callback needs a number kept with the caller's consent.",
    },
    sq: {
      hotline_identifier_without_consent:
        "Emri ose numri ruhet vetëm me pëlqimin e thirrësit: regjistroni pëlqimin ose lëreni bosh.",
      hotline_handover_basis: "Regjistroni pëlqimin e thirrësit ose arsyen e dorëzimit pa të.",
      hotline_not_police: "Zgjidhni një agjenci policore.",
      hotline_case_consent: "Rasti hapet vetëm me pëlqimin e personit.",
      hotline_already_on_case: "Ky kontakt është tashmë pjesë e një rasti.",
      hotline_callback_done: "Kjo thirrje kthyese është kryer tashmë.",
      hotline_not_reachable: "Thirrja kthyese kërkon një numër të ruajtur me pëlqimin e thirrësit.",
    },
    sr: {
      hotline_identifier_without_consent:
        "Ime ili broj se čuvaju samo uz pristanak pozivaoca: zabeležite pristanak ili ostavite prazno.",
      hotline_handover_basis: "Zabeležite pristanak pozivaoca ili razlog predaje bez njega.",
      hotline_not_police: "Izaberite policijsku agenciju.",
      hotline_case_consent: "Slučaj se otvara samo uz pristanak osobe.",
      hotline_already_on_case: "Ovaj kontakt je već deo slučaja.",
      hotline_callback_done: "Ovaj povratni poziv je već obavljen.",
      hotline_not_reachable: "Povratni poziv zahteva broj sačuvan uz pristanak pozivaoca.",
    },
  },
);
