import { defineMessages } from "./define";

export const childrenMessages = defineMessages(
  ["not_a_child_case", "parent_suspected", "case_worker_not_eligible", "location_before_current"],
  {
    en: {
      not_a_child_case: "This case is not on the child pathway.",
      parent_suspected:
        "This parent is flagged as a suspected trafficker: they are never notified or told anything about the child.",
      case_worker_not_eligible:
        "Choose an active case worker or supervisor of a social services agency on this case's team.",
      location_before_current: "A new location cannot begin before the child's current one.",
    },
    sq: {
      not_a_child_case: "Ky rast nuk është në procedurën për fëmijë.",
      parent_suspected:
        "Ky prind është shënuar si i dyshuar për trafikim: ai kurrë nuk njoftohet dhe nuk i tregohet asgjë për fëmijën.",
      case_worker_not_eligible:
        "Zgjidhni një punonjës social ose mbikëqyrës aktiv të një agjencie të shërbimeve sociale në ekipin e këtij rasti.",
      location_before_current: "Vendndodhja e re nuk mund të fillojë para vendndodhjes aktuale të fëmijës.",
    },
    sr: {
      not_a_child_case: "Ovaj slučaj nije u postupku za decu.",
      parent_suspected:
        "Ovaj roditelj je označen kao osumnjičeni trgovac ljudima: nikada se ne obaveštava i ništa mu se ne govori o detetu.",
      case_worker_not_eligible:
        "Izaberite aktivnog socijalnog radnika ili supervizora službe socijalne zaštite u timu ovog slučaja.",
      location_before_current: "Nova lokacija ne može početi pre trenutne lokacije deteta.",
    },
  },
);
