import { defineMessages } from "./define";

export const sheltersMessages = defineMessages(
  [
    "shelter_full",
    "child_needs_childrens_shelter",
    "already_in_shelter",
    "already_discharged",
    "not_a_shelter_operator",
    "discharge_before_admission",
  ],
  {
    en: {
      shelter_full: "This shelter has no free bed.",
      child_needs_childrens_shelter:
        "A child is placed only in a children's shelter, unless a supervisor overrides with a recorded reason.",
      already_in_shelter: "This person is already staying in a shelter: discharge or transfer them first.",
      already_discharged: "This stay has already ended.",
      not_a_shelter_operator: "Choose an agency that operates shelters.",
      discharge_before_admission: "The discharge cannot be before the admission.",
    },
    sq: {
      shelter_full: "Kjo strehimore nuk ka shtrat të lirë.",
      child_needs_childrens_shelter:
        "Fëmija vendoset vetëm në strehimore për fëmijë, përveç nëse një mbikëqyrës e lejon me arsye të regjistruar.",
      already_in_shelter: "Ky person është tashmë në një strehimore: lirojeni ose transferojeni së pari.",
      already_discharged: "Ky qëndrim ka përfunduar tashmë.",
      not_a_shelter_operator: "Zgjidhni një institucion që menaxhon strehimore.",
      discharge_before_admission: "Lirimi nuk mund të jetë para pranimit.",
    },
    sr: {
      shelter_full: "Ovo sklonište nema slobodan krevet.",
      child_needs_childrens_shelter:
        "Dete se smešta samo u sklonište za decu, osim ako supervizor to ne odobri uz zabeleženi razlog.",
      already_in_shelter: "Ova osoba je već smeštena u skloništu: prvo je otpustite ili premestite.",
      already_discharged: "Ovaj boravak je već završen.",
      not_a_shelter_operator: "Izaberite instituciju koja upravlja skloništima.",
      discharge_before_admission: "Otpust ne može biti pre prijema.",
    },
  },
);
