// One page of a list that Rust pages (offset/limit): reloads when the filters change (back to the first page) or on demand.
import { useCallback, useEffect, useMemo, useState } from "react";
import { messageOf } from "../api";

const PAGE_SIZE = 50;
/** A list's search box queries once typing pauses this long. */
export const LIST_SEARCH_DELAY_MS = 200;

type PageOf<T> = { items: T[]; total: number };
type FetchPage<Q, T> = (filters: Q, offset: number, limit: number) => Promise<PageOf<T>>;

export type PagedList<T> = {
  /** Null until the first page arrives. */
  page: PageOf<T> | null;
  offset: number;
  limit: number;
  error: string | null;
  goTo: (offset: number) => void;
  reload: () => void;
};

/** `fetchPage` should be a stable (module-level) function; `filters` may be a fresh object on every render. */
export function usePagedList<Q, T>(fetchPage: FetchPage<Q, T>, filters: Q, limit = PAGE_SIZE): PagedList<T> {
  const key = JSON.stringify(filters);
  // The same filters keep their object, so the effect below runs only when they really change.
  const stableFilters = useMemo(() => filters, [key]);
  const [position, setPosition] = useState({ key, offset: 0 });
  const offset = position.key === key ? position.offset : 0;
  const [page, setPage] = useState<PageOf<T> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let current = true;
    fetchPage(stableFilters, offset, limit)
      .then((loaded) => {
        if (!current) return;
        setPage(loaded);
        setError(null);
      })
      .catch((reason: unknown) => current && setError(messageOf(reason)));
    return () => {
      current = false;
    };
  }, [fetchPage, stableFilters, offset, limit, reloads]);

  const goTo = useCallback((next: number) => setPosition({ key, offset: Math.max(0, next) }), [key]);
  const reload = useCallback(() => setReloads((count) => count + 1), []);
  return { page, offset, limit, error, goTo, reload };
}
