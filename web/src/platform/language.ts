import { notifications } from "@mantine/notifications";
import { useCallback } from "react";
import type { Language } from "../../../shared/roles";
import { api } from "./api";
import { useAuth } from "./auth";
import { describeError } from "./errors";
import { applyLanguage } from "./i18n";
import type { Me } from "./types";

/** Each language named in itself, so that a reader finds their own whatever is showing. */
export const languageEndonyms: Record<Language, string> = { en: "English", sq: "Shqip", sr: "Srpski" };

/** Changes the interface at once; a signed-in user's choice is remembered by the server. */
export function useLanguageChoice(): (language: Language) => Promise<void> {
  const { state, userChanged } = useAuth();
  const signedIn = state.status === "signedIn";
  return useCallback(
    async (language: Language) => {
      await applyLanguage(language);
      if (!signedIn) return;
      try {
        const { user } = await api.put<{ user: Me }>("/api/auth/language", { language });
        userChanged(user);
      } catch (error) {
        notifications.show({ color: "red", message: describeError(error) });
      }
    },
    [signedIn, userChanged],
  );
}
