// Tests of the virtualised list: only the rows in view are rendered, pages are fetched as it scrolls, answers for old filters
// are dropped, a capped count resolves at the end, and the keyboard moves, opens and jumps.
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useVirtualList, type PageOf } from "./useVirtualList";
import { VirtualTable } from "./VirtualTable";
import { OVERSCAN, ROW_HEIGHT } from "./virtualWindow";

type Row = { id: number; name: string };
type Filters = { search: string };
type Fetch = (filters: Filters, offset: number, limit: number) => Promise<PageOf<Row>>;

/** Rows 0..total-1 named after the search; `atLeast` caps the count the way the orders list does. */
function book(total: number, cap?: number): Fetch {
  return (filters, offset, limit) => {
    const items: Row[] = [];
    for (let id = offset; id < Math.min(offset + limit, total); id++) items.push({ id, name: `${filters.search} ${id}` });
    return Promise.resolve(cap !== undefined && total >= cap ? { items, total: cap, atLeast: true } : { items, total });
  };
}

function Harness({ fetchPage, search = "all", onOpen = vi.fn() }: { fetchPage: Fetch; search?: string; onOpen?: (row: Row) => void }) {
  const list = useVirtualList(fetchPage, { search });
  return (
    <>
      <button type="button" data-testid="reload" onClick={list.reload}>
        Reload
      </button>
      <VirtualTable
        testId="rows"
        list={list}
        columns={[{ header: "Name", cell: (row: Row) => row.name }]}
        rowKey={(row) => row.id}
        rowTestId={(row) => `row-${row.id}`}
        onOpen={onOpen}
        empty={{ headline: "Nothing here", line: "Rows appear here." }}
        noun={{ one: "row", many: "rows" }}
      />
    </>
  );
}

const renderedIds = () => screen.queryAllByTestId(/^row-\d+$/).map((row) => Number(row.dataset.testid?.slice(4)));
const offsetsAsked = (fetchPage: ReturnType<typeof vi.fn>) => fetchPage.mock.calls.map((call) => call[1] as number);
const scrollTo = (top: number) => fireEvent.scroll(screen.getByTestId("rows"), { target: { scrollTop: top } });

describe("VirtualTable", () => {
  it("renders only the first screenful of 10,000 rows, from one page, and says how many there are", async () => {
    const fetchPage = vi.fn(book(10_000));
    render(<Harness fetchPage={fetchPage} />);
    await screen.findByTestId("row-0");
    // Unmeasured (jsdom has no layout), the table assumes 20 rows in view.
    expect(renderedIds()).toEqual(Array.from({ length: 20 + OVERSCAN }, (_, index) => index));
    expect(fetchPage).toHaveBeenCalledTimes(1);
    expect(fetchPage).toHaveBeenCalledWith({ search: "all" }, 0, 50);
    expect(screen.getByTestId("rows-count").textContent).toBe(`${new Intl.NumberFormat().format(10_000)} rows`);
    // The scroll container spans every row, so the scroll bar is the real one.
    expect(screen.getByTestId("rows").style.height).toBe(`${36 + 10_000 * ROW_HEIGHT + 2}px`);
  });

  it("fetches the pages a scroll reaches, once each, and shows their rows", async () => {
    const fetchPage = vi.fn(book(10_000));
    render(<Harness fetchPage={fetchPage} />);
    await screen.findByTestId("row-0");
    scrollTo(120 * ROW_HEIGHT);
    await screen.findByTestId("row-120");
    expect(renderedIds()[0]).toBe(120 - OVERSCAN);
    expect(offsetsAsked(fetchPage)).toEqual([0, 100]);
    scrollTo(121 * ROW_HEIGHT);
    await screen.findByTestId("row-121");
    expect(offsetsAsked(fetchPage)).toEqual([0, 100]);
    // 20 rows in view from row 140, and the overscan: rows 134 to 165, on two pages.
    scrollTo(140 * ROW_HEIGHT);
    await screen.findByTestId("row-165");
    expect(offsetsAsked(fetchPage)).toEqual([0, 100, 150]);
  });

  it("drops an answer for filters that have changed since it was asked", async () => {
    const waiting: { search: string; settle: (page: PageOf<Row>) => void }[] = [];
    const fetchPage = vi.fn<Fetch>((filters) => new Promise((resolve) => waiting.push({ search: filters.search, settle: resolve })));
    const { rerender } = render(<Harness fetchPage={fetchPage} search="old" />);
    rerender(<Harness fetchPage={fetchPage} search="new" />);
    await waitFor(() => expect(waiting.map((asked) => asked.search)).toEqual(["old", "new"]));
    await act(async () => waiting[1].settle({ items: [{ id: 2, name: "new 2" }], total: 1 }));
    await act(async () => waiting[0].settle({ items: [{ id: 1, name: "old 1" }], total: 1 }));
    expect(renderedIds()).toEqual([2]);
    expect(screen.getByTestId("row-2").textContent).toBe("new 2");
  });

  it("goes back to the top for new filters and asks for their first page only", async () => {
    const fetchPage = vi.fn(book(10_000));
    const { rerender } = render(<Harness fetchPage={fetchPage} search="first" />);
    await screen.findByTestId("row-0");
    scrollTo(300 * ROW_HEIGHT);
    await screen.findByTestId("row-300");
    rerender(<Harness fetchPage={fetchPage} search="second" />);
    await waitFor(() => expect(screen.getByTestId("row-0").textContent).toBe("second 0"));
    expect(fetchPage.mock.calls.filter((call) => call[0].search === "second").map((call) => call[1])).toEqual([0]);
    expect(screen.queryByTestId("row-300")).toBeNull();
  });

  it("fetches the shown rows again on reload", async () => {
    const fetchPage = vi.fn(book(3));
    render(<Harness fetchPage={fetchPage} />);
    await screen.findByTestId("row-2");
    fireEvent.click(screen.getByTestId("reload"));
    await waitFor(() => expect(fetchPage).toHaveBeenCalledTimes(2));
    expect(renderedIds()).toEqual([0, 1, 2]);
    expect(screen.getByTestId("rows-count").textContent).toBe("3 rows");
  });

  it("shows a capped count with a plus until the end is scrolled to, then the exact count", async () => {
    const fetchPage = vi.fn(book(1_030, 1_000));
    render(<Harness fetchPage={fetchPage} />);
    await screen.findByTestId("row-0");
    expect(screen.getByTestId("rows-count").textContent).toBe(`${new Intl.NumberFormat().format(1_000)}+ rows`);
    // Past the counted 1,000 there is a page of rows still to come.
    expect(screen.getByTestId("rows").style.height).toBe(`${36 + 1_050 * ROW_HEIGHT + 2}px`);
    scrollTo(1_040 * ROW_HEIGHT);
    await screen.findByTestId("row-1029");
    expect(screen.getByTestId("rows-count").textContent).toBe(`${new Intl.NumberFormat().format(1_030)} rows`);
    expect(screen.getByTestId("rows").style.height).toBe(`${36 + 1_030 * ROW_HEIGHT + 2}px`);
  });

  it("shows the empty state when nothing matches, and a failed page as an error", async () => {
    const { unmount } = render(<Harness fetchPage={book(0)} />);
    expect((await screen.findByTestId("empty-state")).textContent).toContain("Nothing here");
    unmount();
    render(<Harness fetchPage={() => Promise.reject({ code: "forbidden", message: "You may not list these.", details: {} })} />);
    expect((await screen.findByTestId("rows-error")).textContent).toBe("You may not list these.");
  });

  it("moves a highlight with the arrows, jumps with Home and End, and opens the row with Enter or a click", async () => {
    const onOpen = vi.fn();
    render(<Harness fetchPage={vi.fn(book(500))} onOpen={onOpen} />);
    await screen.findByTestId("row-0");
    const table = screen.getByTestId("rows");
    fireEvent.keyDown(table, { key: "ArrowDown" });
    expect(screen.getByTestId("row-0").getAttribute("aria-selected")).toBe("true");
    fireEvent.keyDown(table, { key: "ArrowDown" });
    fireEvent.keyDown(table, { key: "ArrowDown" });
    fireEvent.keyDown(table, { key: "ArrowUp" });
    expect(screen.getByTestId("row-1").getAttribute("aria-selected")).toBe("true");
    fireEvent.keyDown(table, { key: "Enter" });
    expect(onOpen).toHaveBeenLastCalledWith({ id: 1, name: "all 1" });

    fireEvent.keyDown(table, { key: "End" });
    // The last row is scrolled into view and its page fetched.
    expect((await screen.findByTestId("row-499")).getAttribute("aria-selected")).toBe("true");
    fireEvent.keyDown(table, { key: "ArrowDown" });
    expect(screen.getByTestId("row-499").getAttribute("aria-selected")).toBe("true");
    fireEvent.keyDown(table, { key: "Enter" });
    expect(onOpen).toHaveBeenLastCalledWith({ id: 499, name: "all 499" });

    fireEvent.keyDown(table, { key: "Home" });
    expect((await screen.findByTestId("row-0")).getAttribute("aria-selected")).toBe("true");
    expect(screen.queryByTestId("row-499")).toBeNull();
    fireEvent.keyDown(table, { key: "PageDown" });
    expect(screen.getByTestId("row-19").getAttribute("aria-selected")).toBe("true");

    fireEvent.click(screen.getByTestId("row-3").querySelector("td") as HTMLElement);
    expect(onOpen).toHaveBeenLastCalledWith({ id: 3, name: "all 3" });
  });

  it("jumps with Home and End before anything is highlighted", async () => {
    render(<Harness fetchPage={vi.fn(book(500))} />);
    await screen.findByTestId("row-0");
    fireEvent.keyDown(screen.getByTestId("rows"), { key: "End" });
    expect((await screen.findByTestId("row-499")).getAttribute("aria-selected")).toBe("true");
  });
});
