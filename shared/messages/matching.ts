import { defineMessages } from "./define";

export const matchingMessages = defineMessages<never>([], { en: {}, sq: {}, sr: {} });
