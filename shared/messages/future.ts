import { defineMessages } from "./define";

export const futureMessages = defineMessages(
  [
    "risk_assessment_required",
    "best_interests_required",
    "return_not_decided",
    "follow_up_not_scheduled",
    "re_trafficking_same_case",
    "re_trafficking_linked",
  ],
  {
    en: {
      risk_assessment_required:
        "A return can be recorded only after a risk assessment has been recorded for this case.",
      best_interests_required:
        "A child's return can be recorded only after a best-interests determination has been recorded.",
      return_not_decided: "Return details can be recorded only after the person has decided to return.",
      follow_up_not_scheduled: "This follow-up already has its result or was cancelled.",
      re_trafficking_same_case: "A case cannot be linked to itself.",
      re_trafficking_linked: "These two cases are already linked.",
    },
    sq: {
      risk_assessment_required:
        "Kthimi mund të regjistrohet vetëm pasi të jetë regjistruar një vlerësim i rrezikut për këtë rast.",
      best_interests_required:
        "Kthimi i një fëmije mund të regjistrohet vetëm pasi të jetë regjistruar përcaktimi i interesit më të mirë.",
      return_not_decided:
        "Të dhënat e kthimit mund të regjistrohen vetëm pasi personi të ketë vendosur të kthehet.",
      follow_up_not_scheduled: "Ky vlerësim pasues e ka tashmë rezultatin ose është anuluar.",
      re_trafficking_same_case: "Një rast nuk mund të lidhet me vetveten.",
      re_trafficking_linked: "Këto dy raste janë lidhur tashmë.",
    },
    sr: {
      risk_assessment_required:
        "Povratak se može zabeležiti tek nakon što je za ovaj predmet zabeležena procena rizika.",
      best_interests_required:
        "Povratak deteta se može zabeležiti tek nakon što je zabeleženo utvrđivanje najboljeg interesa.",
      return_not_decided: "Podaci o povratku se mogu zabeležiti tek kada osoba odluči da se vrati.",
      follow_up_not_scheduled: "Ova naknadna procena već ima rezultat ili je otkazana.",
      re_trafficking_same_case: "Predmet ne može biti povezan sam sa sobom.",
      re_trafficking_linked: "Ova dva predmeta su već povezana.",
    },
  },
);
