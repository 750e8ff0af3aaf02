// The shared list pattern: a table of one page from Rust, rows that open on click or Enter, and a pager under it.
import type { ReactNode } from "react";
import { ErrorBox } from "../components/ErrorBox";
import { EmptyState } from "../pages/EmptyState";
import type { PagedList } from "./usePagedList";

export type Noun = { one: string; many: string };

export type Column<T> = { header: string; cell: (item: T) => ReactNode; className?: string };

type Props<T> = {
  testId: string;
  list: PagedList<T>;
  columns: Column<T>[];
  rowKey: (item: T) => string | number;
  rowTestId: (item: T) => string;
  onOpen: (item: T) => void;
  /** What to say when nothing matches. */
  empty: { headline: string; line: string };
  /** What the rows are, for the count under the table. */
  noun: Noun;
};

export function PagedTable<T>({ testId, list, columns, rowKey, rowTestId, onOpen, empty, noun }: Props<T>) {
  const { page, error } = list;
  if (page === null) {
    return error === null ? <p className="card-text">Loading {noun.many}…</p> : <ErrorBox testId={`${testId}-error`} message={error} />;
  }
  return (
    <div className="paged-table">
      <ErrorBox testId={`${testId}-error`} message={error} />
      {page.items.length === 0 ? (
        <EmptyState headline={empty.headline} line={empty.line} />
      ) : (
        <table className="table table-rows" data-testid={testId}>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.header} scope="col" className={column.className}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page.items.map((item) => (
              <tr
                key={rowKey(item)}
                data-testid={rowTestId(item)}
                tabIndex={0}
                onClick={() => onOpen(item)}
                onKeyDown={(event) => event.key === "Enter" && onOpen(item)}
              >
                {columns.map((column) => (
                  <td key={column.header} className={column.className}>
                    {column.cell(item)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager testId={testId} list={list} noun={noun} />
    </div>
  );
}

function Pager<T>({ testId, list, noun }: { testId: string; list: PagedList<T>; noun: Noun }) {
  const total = list.page?.total ?? 0;
  if (total === 0) return null;
  if (total <= list.limit && list.offset === 0) {
    return <p className="pager-count">{total} {total === 1 ? noun.one : noun.many}</p>;
  }
  const last = Math.min(list.offset + list.limit, total);
  return (
    <div className="pager" data-testid={`${testId}-pager`}>
      <span className="pager-count">
        {list.offset + 1}–{last} of {total} {noun.many}
      </span>
      <button type="button" className="button-small" data-testid={`${testId}-prev`} disabled={list.offset === 0} onClick={() => list.goTo(list.offset - list.limit)}>
        Previous
      </button>
      <button type="button" className="button-small" data-testid={`${testId}-next`} disabled={last >= total} onClick={() => list.goTo(list.offset + list.limit)}>
        Next
      </button>
    </div>
  );
}
