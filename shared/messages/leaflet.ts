import { defineMessages } from "./define";

export const leafletMessages = defineMessages<never>([], { en: {}, sq: {}, sr: {} });
