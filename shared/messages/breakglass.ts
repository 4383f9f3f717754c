import { defineMessages } from "./define";

export const breakglassMessages = defineMessages(
  ["breakglass_reason_text_required", "breakglass_on_team", "breakglass_too_many", "breakglass_ended"],
  {
    en: {
      breakglass_reason_text_required: "Say in a few words why this emergency needs the case.",
      breakglass_on_team: "Your agency is on this case's team: open the case as usual.",
      breakglass_too_many: "You already have the most emergency accesses open at once. End one first.",
      breakglass_ended: "This emergency access has already ended.",
    },
    sq: {
      breakglass_reason_text_required: "Shpjegoni me pak fjalë pse kjo emergjencë ka nevojë për rastin.",
      breakglass_on_team: "Institucioni juaj është në ekipin e këtij rasti: hapeni rastin si zakonisht.",
      breakglass_too_many:
        "Keni tashmë numrin maksimal të qasjeve emergjente të hapura njëkohësisht. Përfundoni njërën së pari.",
      breakglass_ended: "Kjo qasje emergjente ka përfunduar tashmë.",
    },
    sr: {
      breakglass_reason_text_required:
        "Objasnite u nekoliko reči zašto je ovoj hitnoj situaciji potreban slučaj.",
      breakglass_on_team: "Vaša institucija je u timu ovog slučaja: otvorite slučaj kao i obično.",
      breakglass_too_many:
        "Već imate najveći broj istovremeno otvorenih hitnih pristupa. Prvo završite jedan.",
      breakglass_ended: "Ovaj hitni pristup je već završen.",
    },
  },
);
