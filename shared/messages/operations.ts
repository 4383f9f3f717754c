import { defineMessages } from "./define";

export const operationsMessages = defineMessages(
  ["invalid_time", "minors_exceed_people", "operation_status_order", "operation_not_started"],
  {
    en: {
      invalid_time: "Enter a time as HH:MM.",
      minors_exceed_people: "There cannot be more minors than people expected.",
      operation_status_order: "An operation goes from planned to started to finished, one step at a time.",
      operation_not_started: "The people found are registered once the operation has started.",
    },
    sq: {
      invalid_time: "Shkruani orën si HH:MM.",
      minors_exceed_people: "Të miturit nuk mund të jenë më shumë se personat e pritur.",
      operation_status_order:
        "Një operacion kalon nga i planifikuar në të filluar e në të përfunduar, hap pas hapi.",
      operation_not_started: "Personat e gjetur regjistrohen pasi operacioni ka filluar.",
    },
    sr: {
      invalid_time: "Unesite vreme kao HH:MM.",
      minors_exceed_people: "Maloletnika ne može biti više od očekivanih osoba.",
      operation_status_order: "Operacija ide od planirane do započete i završene, korak po korak.",
      operation_not_started: "Pronađene osobe se registruju kada operacija započne.",
    },
  },
);
