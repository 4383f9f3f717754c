import { useCallback, useEffect, useState } from "react";
import { api, ApiError } from "./api";

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
  replace: (data: T) => void;
}

/**
 * Loads data whenever `key` changes; a null key loads nothing. A newer request wins over an older
 * one, whose answer is dropped.
 */
export function useLoad<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(key !== null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    load(controller.signal)
      .then((answer) => {
        if (controller.signal.aborted) return;
        setData(answer);
        setLoading(false);
      })
      .catch((cause: unknown) => {
        if (controller.signal.aborted) return;
        setError(cause instanceof ApiError ? cause : new ApiError(0, "internal", "", undefined, []));
        setLoading(false);
      });
    return () => controller.abort();
    // `load` is rebuilt on every render; `key` says when the request really changed.
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const replace = useCallback((next: T) => setData(next), []);
  return { data, error, loading, reload, replace };
}

/** A GET resource by its path. */
export function useResource<T>(path: string | null): Resource<T> {
  return useLoad<T>(path, (signal) => api.get<T>(path ?? "", { signal }));
}

/** A read that is a POST (a search whose terms must not stand in a URL). */
export function usePostQuery<T>(path: string, body: object): Resource<T> {
  return useLoad<T>(`${path} ${JSON.stringify(body)}`, (signal) => api.post<T>(path, body, { signal }));
}
