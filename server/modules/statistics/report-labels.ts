/**
 * Labels of the vocabulary codes in the annual report, in the words the web pages use for them
 * (the same wording on screen and on paper). Typed by vocabulary: a new code needs its label.
 */
import type {
  AssistanceService,
  ClosureOutcome,
  ExploitationType,
  Gender,
  IdentificationSource,
  ReferralStatus,
} from "../../../shared/vocabulary";

interface VocabularyLabels {
  gender: Record<Gender, string>;
  exploitation: Record<ExploitationType, string>;
  source: Record<IdentificationSource, string>;
  referralStatus: Record<ReferralStatus, string>;
  service: Record<AssistanceService, string>;
  outcome: Record<ClosureOutcome, string>;
}

export const vocabularyLabels: Record<"en" | "sq", VocabularyLabels> = {
  en: {
    gender: {
      Feminine: "Female",
      Masculine: "Male",
      TransgenderFeminine: "Transgender woman",
      TransgenderMasculine: "Transgender man",
      NonConforming: "Gender non-conforming",
      NonSpecifiedUnknown: "Not specified or unknown",
    },
    exploitation: {
      ForcedLabour: "Forced labour",
      SexualExploitation: "Sexual exploitation",
      ChildLabour: "Child labour",
      ForcedMarriage: "Forced marriage",
      Servitude: "Servitude",
      ForcedMilitaryByNonStateActors: "Forced military service by non-state armed groups",
      OrganRemoval: "Removal of organs",
      ForcedBegging: "Forced begging",
      ForcedAdoption: "Forced adoption",
      Surrogacy: "Forced surrogacy",
      Other: "Other",
    },
    source: {
      police_raid: "Police raid",
      border_police: "Border police",
      inspection: "Inspection",
      undercover_operation: "Undercover operation",
      ngo: "Non-governmental organisation",
      social_services: "Social services",
      health_worker: "Health worker",
      hotline: "Hotline",
      self_referral: "Self-referral",
      other: "Other",
    },
    referralStatus: {
      pending: "Pending",
      accepted: "Accepted",
      declined: "Declined",
      revoked: "Revoked",
    },
    service: {
      interpreter: "Interpreter",
      legal_counsel: "Legal counsel",
      safe_housing: "Safe housing",
      medical: "Medical care",
      psychological: "Psychological support",
      social_welfare: "Social welfare",
      education: "Education",
      vocational_training: "Vocational training",
      material: "Material help",
      financial: "Financial help",
      family_tracing: "Family tracing",
      return: "Return",
    },
    outcome: {
      returned_home: "Returned home",
      integrated_locally: "Integrated locally",
      international_protection: "International protection granted",
      resettled_third_country: "Resettled in a third country",
      assistance_completed: "Assistance completed",
      declined_assistance: "Declined further assistance",
      lost_contact: "Contact lost",
      transferred: "Transferred to another service",
      deceased: "Deceased",
      other: "Other",
    },
  },
  sq: {
    gender: {
      Feminine: "Femër",
      Masculine: "Mashkull",
      TransgenderFeminine: "Grua transgjinore",
      TransgenderMasculine: "Burrë transgjinor",
      NonConforming: "Gjinia jokonforme",
      NonSpecifiedUnknown: "E pacaktuar ose e panjohur",
    },
    exploitation: {
      ForcedLabour: "Punë e detyruar",
      SexualExploitation: "Shfrytëzim seksual",
      ChildLabour: "Punë e fëmijëve",
      ForcedMarriage: "Martesë e detyruar",
      Servitude: "Robëri",
      ForcedMilitaryByNonStateActors: "Shërbim ushtarak i detyruar nga grupe të armatosura joshtetërore",
      OrganRemoval: "Heqje organesh",
      ForcedBegging: "Lypje e detyruar",
      ForcedAdoption: "Birësim i detyruar",
      Surrogacy: "Lindje me qira e detyruar",
      Other: "Tjetër",
    },
    source: {
      police_raid: "Aksion policor",
      border_police: "Policia kufitare",
      inspection: "Inspektim",
      undercover_operation: "Operacion i fshehtë",
      ngo: "Organizatë joqeveritare",
      social_services: "Shërbimet sociale",
      health_worker: "Punonjës shëndetësor",
      hotline: "Linja telefonike ndihmëse",
      self_referral: "Vetëreferim",
      other: "Tjetër",
    },
    referralStatus: {
      pending: "Në pritje",
      accepted: "Pranuar",
      declined: "Refuzuar",
      revoked: "Revokuar",
    },
    service: {
      interpreter: "Përkthyes",
      legal_counsel: "Këshillim ligjor",
      safe_housing: "Strehim i sigurt",
      medical: "Kujdes mjekësor",
      psychological: "Mbështetje psikologjike",
      social_welfare: "Mirëqenie sociale",
      education: "Arsim",
      vocational_training: "Aftësim profesional",
      material: "Ndihmë materiale",
      financial: "Ndihmë financiare",
      family_tracing: "Gjurmimi i familjes",
      return: "Kthim",
    },
    outcome: {
      returned_home: "U kthye në shtëpi",
      integrated_locally: "U integrua në vend",
      international_protection: "Iu dha mbrojtje ndërkombëtare",
      resettled_third_country: "U rivendos në një vend të tretë",
      assistance_completed: "Ndihma përfundoi",
      declined_assistance: "Refuzoi ndihmën e mëtejshme",
      lost_contact: "Kontakti u humb",
      transferred: "U transferua në një shërbim tjetër",
      deceased: "Ka ndërruar jetë",
      other: "Tjetër",
    },
  },
};
