import { defineMessages } from "./define";

export const alertsMessages = defineMessages<never>([], { en: {}, sq: {}, sr: {} });
