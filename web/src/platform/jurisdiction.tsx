import { createContext, type ReactNode, useContext } from "react";
import type { ApiError } from "./api";
import type { Jurisdiction } from "./types";
import { useResource } from "./useResource";

interface JurisdictionContextValue {
  jurisdiction: Jurisdiction | undefined;
  failure: ApiError | undefined;
  retry: () => void;
  regionName: (code: string) => string;
}

const JurisdictionContext = createContext<JurisdictionContextValue>({
  jurisdiction: undefined,
  failure: undefined,
  retry: () => undefined,
  regionName: (code) => code,
});

/** The deployment's configuration (regions, home countries, today's date), loaded once after sign-in. */
export function JurisdictionProvider({ children }: { children: ReactNode }) {
  const { data, error, reload } = useResource<{ jurisdiction: Jurisdiction }>("/api/meta");
  const jurisdiction = data?.jurisdiction;
  const regionName = (code: string) =>
    jurisdiction?.regions.find((region) => region.code === code)?.name ?? code;
  return (
    <JurisdictionContext.Provider value={{ jurisdiction, failure: error, retry: reload, regionName }}>
      {children}
    </JurisdictionContext.Provider>
  );
}

export function useJurisdiction(): JurisdictionContextValue {
  return useContext(JurisdictionContext);
}
