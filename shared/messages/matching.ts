import { defineMessages } from "./define";

export const matchingMessages = defineMessages(
  ["same_case", "same_person_already", "already_merged", "merge_undone", "already_decided"],
  {
    en: {
      same_case: "Choose two different cases.",
      same_person_already: "These two cases are already recorded as the same person.",
      already_merged:
        "The later case's person is already merged with another person. Undo that merge first, or merge the person she counts as.",
      merge_undone: "This merge has already been undone.",
      already_decided: "A decision about these two cases is already recorded.",
    },
    sq: {
      same_case: "Zgjidhni dy raste të ndryshme.",
      same_person_already: "Këto dy raste janë regjistruar tashmë si i njëjti person.",
      already_merged:
        "Personi i rastit të mëvonshëm është bashkuar tashmë me një person tjetër. Fillimisht anuloni atë bashkim, ose bashkoni personin me të cilin llogaritet.",
      merge_undone: "Ky bashkim është anuluar tashmë.",
      already_decided: "Një vendim për këto dy raste është regjistruar tashmë.",
    },
    sr: {
      same_case: "Izaberite dva različita slučaja.",
      same_person_already: "Ova dva slučaja su već zabeležena kao ista osoba.",
      already_merged:
        "Osoba iz kasnijeg slučaja je već spojena sa drugom osobom. Prvo poništite to spajanje, ili spojite osobu kao koja se ona računa.",
      merge_undone: "Ovo spajanje je već poništeno.",
      already_decided: "Odluka o ova dva slučaja je već zabeležena.",
    },
  },
);
