// The rows of a list that Rust pages (offset/limit), fetched a page at a time as the table scrolls to them and kept by offset.
// New filters or a reload start a new generation: answers for an older one are dropped, and its rows stay on show until the new ones arrive.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { messageOf } from "../api";
import { pageOffsets, type RowWindow } from "./virtualWindow";

export const PAGE_SIZE = 50;
/** A list's search box queries once typing pauses this long. */
export const LIST_SEARCH_DELAY_MS = 200;
/** The window asked for before the table has measured itself. */
const FIRST_WINDOW: RowWindow = { first: 0, last: 19 };

/** One page as Rust sends it; `atLeast` (orders) says the count stopped at a cap. */
export type PageOf<T> = { items: T[]; total: number; atLeast?: boolean };
type FetchPage<Q, T> = (filters: Q, offset: number, limit: number) => Promise<PageOf<T>>;

export type VirtualList<T> = {
  /** False until the first page has arrived. */
  ready: boolean;
  /** Rows the table spans: the count, plus a page of rows still to come while the count is open-ended. */
  rows: number;
  /** How many match, for the label; `atLeast` while the end has not been seen past a capped count. */
  count: number;
  atLeast: boolean;
  /** The row at `index`, or undefined while its page is on the way. */
  rowAt: (index: number) => T | undefined;
  /** The table reports the rows it shows; pages missing for them are fetched. */
  show: (window: RowWindow) => void;
  /** Changes with the filters (not on reload): the table goes back to the top then. */
  filtersKey: string;
  error: string | null;
  /** Fetches the shown rows again (after an edit elsewhere), keeping the scroll position. */
  reload: () => void;
  /** Where the table was scrolled, so coming back to the list finds the same place. */
  scrollMemory: { current: number };
};

type Loaded<T> = { generation: string; pages: Map<number, T[]>; total: number; atLeast: boolean };

/** `fetchPage` should be a stable (module-level) function; `filters` may be a fresh object on every render. */
export function useVirtualList<Q, T>(fetchPage: FetchPage<Q, T>, filters: Q, pageSize = PAGE_SIZE): VirtualList<T> {
  const filtersKey = JSON.stringify(filters);
  // The same filters keep their object, so the effect below runs only when they really change.
  const stableFilters = useMemo(() => filters, [filtersKey]);
  const [reloads, setReloads] = useState(0);
  const generation = `${reloads}:${filtersKey}`;
  const current = useRef(generation);
  useLayoutEffect(() => {
    current.current = generation;
  }, [generation]);

  const [shown, setShown] = useState({ filtersKey, window: FIRST_WINDOW });
  // New filters start at the top, whatever the old window was.
  const window = shown.filtersKey === filtersKey ? shown.window : FIRST_WINDOW;
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(new Set<string>());
  const scrollMemory = useRef(0);
  const memoryKey = useRef(filtersKey);
  if (memoryKey.current !== filtersKey) {
    memoryKey.current = filtersKey;
    scrollMemory.current = 0;
  }

  useEffect(() => {
    for (const offset of pageOffsets(window, pageSize)) {
      if (loaded?.generation === generation && loaded.pages.has(offset)) continue;
      const ticket = `${offset}@${generation}`;
      if (inFlight.current.has(ticket)) continue;
      inFlight.current.add(ticket);
      fetchPage(stableFilters, offset, pageSize)
        .then((page) => {
          if (current.current !== generation) return;
          setError(null);
          setLoaded((before) => {
            const pages = before?.generation === generation ? new Map(before.pages) : new Map<number, T[]>();
            pages.set(offset, page.items);
            return { generation, pages, total: page.total, atLeast: page.atLeast ?? false };
          });
        })
        .catch((reason: unknown) => {
          if (current.current === generation) setError(messageOf(reason));
        })
        .finally(() => inFlight.current.delete(ticket));
    }
  }, [fetchPage, stableFilters, generation, window, loaded, pageSize]);

  const show = useCallback(
    (next: RowWindow) =>
      setShown((before) => (before.filtersKey === filtersKey && before.window.first === next.first && before.window.last === next.last ? before : { filtersKey, window: next })),
    [filtersKey],
  );
  const reload = useCallback(() => setReloads((count) => count + 1), []);
  const rowAt = useCallback(
    (index: number) => {
      const offset = Math.floor(index / pageSize) * pageSize;
      return loaded?.pages.get(offset)?.[index - offset];
    },
    [loaded, pageSize],
  );
  const { rows, count, atLeast } = useMemo(() => extent(loaded, pageSize), [loaded, pageSize]);
  return { ready: loaded !== null, rows, count, atLeast, rowAt, show, filtersKey, error, reload, scrollMemory };
}

/**
 * How far the list reaches. An exact count is the count. A capped one ("at least 1,000") is resolved by the pages:
 * a short page marks the end; until one has been seen, a page of rows still to come follows the furthest one loaded.
 */
function extent<T>(loaded: Loaded<T> | null, pageSize: number): { rows: number; count: number; atLeast: boolean } {
  if (loaded === null) return { rows: 0, count: 0, atLeast: false };
  if (!loaded.atLeast) return { rows: loaded.total, count: loaded.total, atLeast: false };
  let furthest = loaded.total;
  for (const [offset, items] of loaded.pages) {
    if (items.length < pageSize) return { rows: offset + items.length, count: offset + items.length, atLeast: false };
    furthest = Math.max(furthest, offset + items.length);
  }
  return { rows: furthest + pageSize, count: furthest, atLeast: true };
}
