import type { LeafletLanguage } from "../../../../shared/leaflet";
import { bg } from "./bg";
import { en } from "./en";
import { ro } from "./ro";
import { ru } from "./ru";
import { sq } from "./sq";
import { sr } from "./sr";
import type { LeafletTexts } from "./types";
import { uk } from "./uk";

/** Every leaflet language's texts: a language missing here, or a part missing in one, fails the type check. */
export const leafletTexts: Record<LeafletLanguage, LeafletTexts> = { en, sq, sr, ro, ru, uk, bg };
export type { LeafletTexts } from "./types";
