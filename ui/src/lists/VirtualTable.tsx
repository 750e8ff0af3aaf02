// The shared list pattern: a scrolling table that renders only the rows in view (fetched from Rust a page at a time),
// with a sticky header, the count under it, and rows that open on click or from the keyboard (arrows, Home/End, Enter).
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { ErrorBox } from "../components/ErrorBox";
import { EmptyState } from "../pages/EmptyState";
import type { VirtualList } from "./useVirtualList";
import { HEADER_HEIGHT, ROW_HEIGHT, countLabel, scrollToShow, visibleWindow } from "./virtualWindow";

export type Noun = { one: string; many: string };

/** A column: its heading, its cell, and a width (CSS) so columns do not shift as other rows scroll in. */
export type Column<T> = { header: string; cell: (item: T) => ReactNode; className?: string; width?: string };

type Props<T> = {
  testId: string;
  list: VirtualList<T>;
  columns: Column<T>[];
  rowKey: (item: T) => string | number;
  rowTestId: (item: T) => string;
  onOpen: (item: T) => void;
  /** What to say when nothing matches. */
  empty: { headline: string; line: string };
  /** What the rows are, for the count under the table. */
  noun: Noun;
  /** At most this many rows tall (a list inside a card); without it the table fills the window's height. */
  maxRows?: number;
};

export function VirtualTable<T>(props: Props<T>) {
  const { testId, list, empty, noun } = props;
  if (!list.ready) {
    return list.error === null ? <p className="card-text">Loading {noun.many}…</p> : <ErrorBox testId={`${testId}-error`} message={list.error} />;
  }
  return (
    <div className="virtual-list">
      <ErrorBox testId={`${testId}-error`} message={list.error} />
      {list.rows === 0 ? <EmptyState headline={empty.headline} line={empty.line} /> : <Rows {...props} />}
      {list.count > 0 && (
        <p className="list-count" data-testid={`${testId}-count`}>
          {countLabel(list.count, list.atLeast, noun)}
        </p>
      )}
    </div>
  );
}

/** Before layout (or where there is none) the table assumes it shows this many rows. */
const UNMEASURED_ROWS = 20;

const KEY_STEPS: Record<string, (active: number, rows: number, pageRows: number) => number> = {
  ArrowDown: (active, rows) => Math.min(active + 1, rows - 1),
  ArrowUp: (active) => Math.max(active - 1, 0),
  PageDown: (active, rows, pageRows) => Math.min(active + pageRows, rows - 1),
  PageUp: (active, _rows, pageRows) => Math.max(active - pageRows, 0),
  Home: () => 0,
  End: (_active, rows) => rows - 1,
};

function Rows<T>({ testId, list, columns, rowKey, rowTestId, onOpen, maxRows }: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const { show, rows, filtersKey, scrollMemory } = list;
  // Scroll position and highlight belong to one set of filters: new filters start at the top with nothing highlighted.
  const [scroll, setScroll] = useState({ filtersKey, top: scrollMemory.current });
  const scrollTop = scroll.filtersKey === filtersKey ? scroll.top : 0;
  const [highlight, setHighlight] = useState<{ filtersKey: string; index: number } | null>(null);
  // Clamped: End on an open-ended count may land on a row that turns out not to exist.
  const active = highlight?.filtersKey === filtersKey ? Math.min(highlight.index, rows - 1) : null;
  const setActive = (index: number) => setHighlight({ filtersKey, index });
  const [viewport, setViewport] = useState(0);
  const rowsHeight = (viewport > 0 ? viewport : HEADER_HEIGHT + UNMEASURED_ROWS * ROW_HEIGHT) - HEADER_HEIGHT;
  const { first, last } = visibleWindow(scrollTop, rowsHeight, rows);

  // Back on the list: the same place as when it was left.
  useLayoutEffect(() => {
    if (scroller.current !== null) scroller.current.scrollTop = scrollMemory.current;
  }, [scrollMemory]);

  useLayoutEffect(() => {
    const measure = () => setViewport(scroller.current?.clientHeight ?? 0);
    measure();
    globalThis.addEventListener("resize", measure);
    return () => globalThis.removeEventListener("resize", measure);
  }, [rows]);

  // New filters: the container back to the top too.
  const shownFilters = useRef(filtersKey);
  useLayoutEffect(() => {
    if (shownFilters.current === filtersKey) return;
    shownFilters.current = filtersKey;
    if (scroller.current !== null) scroller.current.scrollTop = 0;
  }, [filtersKey]);

  useEffect(() => show({ first, last }), [show, first, last]);

  const scrolled = (top: number) => {
    setScroll({ filtersKey, top });
    scrollMemory.current = top;
  };
  const scrollTo = (top: number) => {
    if (scroller.current !== null) scroller.current.scrollTop = top;
    scrolled(top);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter") {
      const item = active === null ? undefined : list.rowAt(active);
      if (item !== undefined) onOpen(item);
      return;
    }
    const step = KEY_STEPS[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const pageRows = Math.max(1, Math.floor(rowsHeight / ROW_HEIGHT) - 1);
    // With nothing highlighted yet, an arrow highlights the first row in view; the jumps go from there.
    const firstInView = Math.min(Math.ceil(scrollTop / ROW_HEIGHT), rows - 1);
    const arrow = event.key === "ArrowDown" || event.key === "ArrowUp";
    const next = active === null && arrow ? firstInView : step(active ?? firstInView, rows, pageRows);
    setActive(next);
    scrollTo(scrollToShow(next, scrollTop, rowsHeight));
  };

  const rendered: ReactNode[] = [];
  for (let index = first; index <= last; index++) {
    const item = list.rowAt(index);
    const className = `${index % 2 === 1 ? "row-even" : ""}${index === active ? " row-active" : ""}`.trim() || undefined;
    rendered.push(
      item === undefined ? (
        <tr key={`loading-${index}`} className={`row-loading ${className ?? ""}`.trim()} aria-rowindex={index + 2}>
          <td colSpan={columns.length}>…</td>
        </tr>
      ) : (
        <tr
          key={rowKey(item)}
          className={className}
          data-testid={rowTestId(item)}
          aria-rowindex={index + 2}
          aria-selected={index === active}
          onClick={() => {
            setActive(index);
            onOpen(item);
          }}
        >
          {columns.map((column) => (
            <td key={column.header} className={column.className}>
              {column.cell(item)}
            </td>
          ))}
        </tr>
      ),
    );
  }

  // Its own border (1 px above and below) around the header and the rows.
  const fullHeight = HEADER_HEIGHT + rows * ROW_HEIGHT + 2;
  return (
    <div
      ref={scroller}
      className={maxRows === undefined ? "virtual-table virtual-table-fill" : "virtual-table"}
      style={{ height: fullHeight, maxHeight: maxRows === undefined ? undefined : HEADER_HEIGHT + maxRows * ROW_HEIGHT + 2 }}
      data-testid={testId}
      tabIndex={0}
      onScroll={(event) => scrolled(event.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
    >
      <table className="table table-rows table-virtual" aria-rowcount={rows + 1}>
        <colgroup>
          {columns.map((column) => (
            <col key={column.header} style={column.width === undefined ? undefined : { width: column.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={column.className}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <Spacer rows={first} columns={columns.length} />
          {rendered}
          <Spacer rows={rows - 1 - last} columns={columns.length} />
        </tbody>
      </table>
    </div>
  );
}

/** Stands in for the rows above or below the window, so the scroll bar spans them all. */
function Spacer({ rows, columns }: { rows: number; columns: number }) {
  if (rows <= 0) return null;
  return (
    <tr className="row-spacer" aria-hidden="true">
      <td colSpan={columns} style={{ height: rows * ROW_HEIGHT }} />
    </tr>
  );
}
