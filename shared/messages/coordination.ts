import { defineMessages } from "./define";

export const coordinationMessages = defineMessages(
  ["unknown_region", "unknown_agency", "already_member", "already_on_agenda"],
  {
    en: {
      unknown_region: "This region is not one of the jurisdiction's regions.",
      unknown_agency: "This agency does not exist.",
      already_member: "This agency is already a member of the group.",
      already_on_agenda: "This case is already on the meeting's agenda.",
    },
    sq: {
      unknown_region: "Ky rajon nuk është ndër rajonet e juridiksionit.",
      unknown_agency: "Ky institucion nuk ekziston.",
      already_member: "Ky institucion është tashmë anëtar i grupit.",
      already_on_agenda: "Ky rast është tashmë në rendin e ditës së takimit.",
    },
    sr: {
      unknown_region: "Ovaj region nije među regionima jurisdikcije.",
      unknown_agency: "Ova institucija ne postoji.",
      already_member: "Ova institucija je već član grupe.",
      already_on_agenda: "Ovaj slučaj je već na dnevnom redu sastanka.",
    },
  },
);
