import { defineMessages } from "./define";

export const assistanceMessages = defineMessages(
  [
    "dates_out_of_order",
    "extension_not_later",
    "provider_required",
    "provider_unknown",
    "service_status_not_allowed",
    "plan_service_unknown",
    "residence_not_applicable",
    "residence_already_granted",
    "residence_not_granted",
  ],
  {
    en: {
      dates_out_of_order: "This date cannot be before the start date.",
      extension_not_later: "The new end date must be later than the end date in force.",
      provider_required: "Name the provider: an agency, or a provider outside the system.",
      provider_unknown: "Choose an active agency as the provider.",
      service_status_not_allowed: "The service cannot move from its current status to this one.",
      plan_service_unknown: "A linked service is not a service of this case.",
      residence_not_applicable:
        "Temporary residence is recorded for foreign victims only; this person is a citizen of the country.",
      residence_already_granted: "A residence permit is already recorded: record an extension instead.",
      residence_not_granted: "No residence permit is recorded yet: record the grant first.",
    },
    sq: {
      dates_out_of_order: "Kjo datë nuk mund të jetë para datës së fillimit.",
      extension_not_later: "Data e re e përfundimit duhet të jetë më vonë se data e përfundimit në fuqi.",
      provider_required: "Shënoni ofruesin: një agjenci, ose një ofrues jashtë sistemit.",
      provider_unknown: "Zgjidhni një agjenci aktive si ofrues.",
      service_status_not_allowed: "Shërbimi nuk mund të kalojë nga statusi aktual në këtë status.",
      plan_service_unknown: "Një shërbim i lidhur nuk është shërbim i këtij rasti.",
      residence_not_applicable:
        "Qëndrimi i përkohshëm regjistrohet vetëm për viktimat e huaja; ky person është shtetas i vendit.",
      residence_already_granted: "Një leje qëndrimi është regjistruar tashmë: regjistroni një vazhdim.",
      residence_not_granted:
        "Ende nuk është regjistruar asnjë leje qëndrimi: regjistroni së pari dhënien e saj.",
    },
    sr: {
      dates_out_of_order: "Ovaj datum ne može biti pre datuma početka.",
      extension_not_later: "Novi datum završetka mora biti posle važećeg datuma završetka.",
      provider_required: "Navedite pružaoca: agenciju ili pružaoca van sistema.",
      provider_unknown: "Izaberite aktivnu agenciju kao pružaoca.",
      service_status_not_allowed: "Usluga ne može preći iz trenutnog statusa u ovaj.",
      plan_service_unknown: "Povezana usluga nije usluga ovog slučaja.",
      residence_not_applicable:
        "Privremeni boravak se beleži samo za strane žrtve; ova osoba je državljanin zemlje.",
      residence_already_granted: "Dozvola boravka je već zabeležena: zabeležite produženje.",
      residence_not_granted: "Dozvola boravka još nije zabeležena: prvo zabeležite njeno izdavanje.",
    },
  },
);
