import { defineMessages } from "./define";

export const matchingMessages = defineMessages(
  ["same_case", "same_person_already", "already_merged", "merge_undone", "already_decided"],
  {
    en: {
      same_case: "Choose two different cases.",
      same_person_already: "These two cases are already recorded as the same person.",
      already_merged:
        "One of these persons is already merged with another person, or has others merged into them. Undo that merge first.",
      merge_undone: "This merge has already been undone.",
      already_decided: "A decision about these two cases is already recorded.",
    },
    sq: {
      same_case: "Zgjidhni dy raste të ndryshme.",
      same_person_already: "Këto dy raste janë regjistruar tashmë si i njëjti person.",
      already_merged:
        "Njëri nga këta persona është bashkuar tashmë me një person tjetër, ose të tjerë janë bashkuar me të. Fillimisht anuloni atë bashkim.",
      merge_undone: "Ky bashkim është anuluar tashmë.",
      already_decided: "Një vendim për këto dy raste është regjistruar tashmë.",
    },
    sr: {
      same_case: "Izaberite dva različita slučaja.",
      same_person_already: "Ova dva slučaja su već zabeležena kao ista osoba.",
      already_merged:
        "Jedna od ovih osoba je već spojena sa drugom osobom, ili su druge osobe spojene sa njom. Prvo poništite to spajanje.",
      merge_undone: "Ovo spajanje je već poništeno.",
      already_decided: "Odluka o ova dva slučaja je već zabeležena.",
    },
  },
);
