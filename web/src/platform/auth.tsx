import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { Role } from "../../../shared/roles";
import { api, ApiError, setCsrfToken, setUnauthorizedHandler } from "./api";
import { applyLanguage } from "./i18n";
import type { Me, Session } from "./types";

export type AuthState =
  | { status: "loading" }
  | { status: "signedOut" }
  | { status: "unavailable" }
  | { status: "signedIn"; session: Session };

interface AuthContextValue {
  state: AuthState;
  signedIn: (session: Session) => Promise<void>;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
  userChanged: (user: Me) => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: "loading" });

  const signedIn = useCallback(async (session: Session) => {
    setCsrfToken(session.csrfToken);
    // The language is remembered per user: the interface follows it after sign-in.
    await applyLanguage(session.user.language);
    setState({ status: "signedIn", session });
  }, []);

  const refresh = useCallback(async () => {
    try {
      await signedIn(await api.get<Session>("/api/auth/me", { expectUnauthorized: true }));
    } catch (error) {
      setCsrfToken(null);
      setState(
        error instanceof ApiError && error.status === 401
          ? { status: "signedOut" }
          : { status: "unavailable" },
      );
    }
  }, [signedIn]);

  const signOut = useCallback(async () => {
    try {
      await api.post<void>("/api/auth/logout", undefined, { expectUnauthorized: true });
    } finally {
      setCsrfToken(null);
      // A fresh page: nothing read during the session stays in this tab's memory.
      window.location.replace("/login");
    }
  }, []);

  const userChanged = useCallback((user: Me) => {
    setState((previous) =>
      previous.status === "signedIn"
        ? { status: "signedIn", session: { ...previous.session, user } }
        : previous,
    );
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setState({ status: "signedOut" });
    });
    void refresh();
  }, [refresh]);

  const value = useMemo(
    () => ({ state, signedIn, refresh, signOut, userChanged }),
    [state, signedIn, refresh, signOut, userChanged],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const context = useContext(AuthContext);
  if (!context) throw new Error("useAuth outside AuthProvider");
  return context;
}

/** The signed-in user; only for components rendered behind the sign-in gate. */
export function useMe(): Me {
  const { state } = useAuth();
  if (state.status !== "signedIn") throw new Error("useMe before sign-in");
  return state.session.user;
}

export function hasAnyRole(user: Me, roles: readonly Role[]): boolean {
  return user.roles.some((role) => roles.includes(role));
}
