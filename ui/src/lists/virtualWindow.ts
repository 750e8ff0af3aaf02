// The arithmetic of a virtualised list: which rows a scroll position shows, which pages hold them, where to scroll to show a row.

/** Every row of a list is this tall (px); the table's CSS holds rows to it, so positions are index × height. */
export const ROW_HEIGHT = 40;
/** The sticky header row (px), likewise fixed in CSS. */
export const HEADER_HEIGHT = 36;
/** Rows rendered above and below the visible ones, so a short scroll shows no blank. */
export const OVERSCAN = 6;

export type RowWindow = { first: number; last: number };

/** The rows to render (inclusive) for a scroll position over `rowsHeight` px of visible rows; empty (last < first) when there are none. */
export function visibleWindow(scrollTop: number, rowsHeight: number, count: number, overscan = OVERSCAN): RowWindow {
  if (count <= 0) return { first: 0, last: -1 };
  const top = Math.max(0, scrollTop);
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - overscan);
  const last = Math.min(count - 1, Math.ceil((top + Math.max(0, rowsHeight)) / ROW_HEIGHT) - 1 + overscan);
  return { first: Math.min(first, last), last };
}

/** Offsets of the pages of `pageSize` rows that hold rows first..last. */
export function pageOffsets({ first, last }: RowWindow, pageSize: number): number[] {
  const offsets: number[] = [];
  for (let offset = Math.floor(first / pageSize) * pageSize; offset <= last; offset += pageSize) offsets.push(offset);
  return offsets;
}

/** The scrollTop that brings row `index` fully into view with the least movement (the same one if it already is). */
export function scrollToShow(index: number, scrollTop: number, rowsHeight: number): number {
  const top = index * ROW_HEIGHT;
  if (top < scrollTop) return top;
  const bottom = top + ROW_HEIGHT;
  if (bottom > scrollTop + rowsHeight) return Math.max(0, bottom - rowsHeight);
  return scrollTop;
}

const COUNT_FORMAT = new Intl.NumberFormat();

/** "1 order", "1,234 orders", or "1,000+ orders" when counting stopped at a cap. */
export function countLabel(count: number, atLeast: boolean, noun: { one: string; many: string }): string {
  return `${COUNT_FORMAT.format(count)}${atLeast ? "+" : ""} ${count === 1 && !atLeast ? noun.one : noun.many}`;
}
