import { defineMessages } from "./define";

export const interviewMessages = defineMessages(["interview_exists", "interview_missing"], {
  en: {
    interview_exists:
      "The first interview of this case is already recorded. The person is interviewed once: correct the record instead.",
    interview_missing: "No first interview is recorded for this case yet.",
  },
  sq: {
    interview_exists:
      "Intervista e parë e këtij rasti është regjistruar tashmë. Personi intervistohet vetëm një herë: korrigjoni regjistrimin ekzistues.",
    interview_missing: "Për këtë rast ende nuk është regjistruar intervista e parë.",
  },
  sr: {
    interview_exists:
      "Prvi razgovor u ovom slučaju je već zabeležen. Sa osobom se razgovara samo jednom: ispravite postojeći zapis.",
    interview_missing: "Za ovaj slučaj još nije zabeležen prvi razgovor.",
  },
});
