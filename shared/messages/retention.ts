import { defineMessages } from "./define";

export const retentionMessages = defineMessages(
  [
    "already_erased",
    "legal_hold",
    "retention_not_due",
    "confirmation_mismatch",
    "hold_already_lifted",
    "contact_follows_case",
    "identity_erased",
    "invalid_reference",
  ],
  {
    en: {
      already_erased: "This identity has already been erased.",
      legal_hold: "A legal hold keeps this case: its identity cannot be erased until the hold is lifted.",
      retention_not_due: "The retention period of this record has not ended yet.",
      confirmation_mismatch: "Type the case reference exactly to confirm the erasure.",
      hold_already_lifted: "This legal hold has already been lifted.",
      contact_follows_case: "This contact became a case: it is erased with the case.",
      identity_erased: "The person's identity was erased: nothing more can be recorded under it.",
      invalid_reference: "Use letters, digits, spaces and . / - _ : only.",
    },
    sq: {
      already_erased: "Kjo identitet është fshirë tashmë.",
      legal_hold:
        "Një ndalim ligjor e mban këtë rast: identiteti nuk mund të fshihet derisa ndalimi të hiqet.",
      retention_not_due: "Afati i ruajtjes së këtij regjistrimi nuk ka përfunduar ende.",
      confirmation_mismatch: "Shkruani saktësisht referencën e rastit për të konfirmuar fshirjen.",
      hold_already_lifted: "Ky ndalim ligjor është hequr tashmë.",
      contact_follows_case: "Ky kontakt u bë rast: fshihet bashkë me rastin.",
      identity_erased: "Identiteti i personit u fshi: asgjë më nuk mund të regjistrohet nën të.",
      invalid_reference: "Përdorni vetëm shkronja, shifra, hapësira dhe . / - _ :",
    },
    sr: {
      already_erased: "Ovaj identitet je već izbrisan.",
      legal_hold: "Pravna zabrana čuva ovaj slučaj: identitet se ne može izbrisati dok se zabrana ne ukine.",
      retention_not_due: "Rok čuvanja ovog zapisa još nije istekao.",
      confirmation_mismatch: "Upišite tačno referencu slučaja da biste potvrdili brisanje.",
      hold_already_lifted: "Ova pravna zabrana je već ukinuta.",
      contact_follows_case: "Ovaj kontakt je postao slučaj: briše se zajedno sa slučajem.",
      identity_erased: "Identitet osobe je izbrisan: ništa više se ne može zabeležiti pod njim.",
      invalid_reference: "Koristite samo slova, cifre, razmake i . / - _ :",
    },
  },
);
