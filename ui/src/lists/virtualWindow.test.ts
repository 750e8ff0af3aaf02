// Tests of the virtual list's arithmetic: the rows a scroll position shows, the pages behind them, scrolling a row into view, the count.
import { describe, expect, it } from "vitest";
import { OVERSCAN, ROW_HEIGHT, countLabel, pageOffsets, scrollToShow, visibleWindow } from "./virtualWindow";

const ORDERS = { one: "order", many: "orders" };

describe("visibleWindow", () => {
  it("shows the rows in view and the overscan below them at the top", () => {
    // 400 px of rows = 10 rows in view: 0..9, and 6 more below.
    expect(visibleWindow(0, 400, 1000)).toEqual({ first: 0, last: 9 + OVERSCAN });
  });

  it("adds the overscan on both sides in the middle, counting a row cut in half as shown", () => {
    // Scrolled 100.5 rows down: rows 100 to 110 are (partly) in view.
    expect(visibleWindow(100.5 * ROW_HEIGHT, 400, 1000)).toEqual({ first: 100 - OVERSCAN, last: 110 + OVERSCAN });
  });

  it("stops at the last row and never starts before the first", () => {
    expect(visibleWindow(990 * ROW_HEIGHT, 400, 1000)).toEqual({ first: 990 - OVERSCAN, last: 999 });
    expect(visibleWindow(-50, 400, 3)).toEqual({ first: 0, last: 2 });
  });

  it("is empty without rows", () => {
    expect(visibleWindow(0, 400, 0)).toEqual({ first: 0, last: -1 });
  });
});

describe("pageOffsets", () => {
  it("lists the pages that hold the window", () => {
    expect(pageOffsets({ first: 0, last: 15 }, 50)).toEqual([0]);
    expect(pageOffsets({ first: 45, last: 60 }, 50)).toEqual([0, 50]);
    expect(pageOffsets({ first: 100, last: 149 }, 50)).toEqual([100]);
    expect(pageOffsets({ first: 0, last: -1 }, 50)).toEqual([]);
  });
});

describe("scrollToShow", () => {
  const rowsHeight = 10 * ROW_HEIGHT;

  it("leaves the scroll alone when the row is in view", () => {
    expect(scrollToShow(5, 0, rowsHeight)).toBe(0);
  });

  it("scrolls up to a row above the view, and down just enough for a row below it", () => {
    expect(scrollToShow(3, 20 * ROW_HEIGHT, rowsHeight)).toBe(3 * ROW_HEIGHT);
    expect(scrollToShow(10, 0, rowsHeight)).toBe(ROW_HEIGHT);
    expect(scrollToShow(999, 0, rowsHeight)).toBe(990 * ROW_HEIGHT);
  });
});

describe("countLabel", () => {
  it("groups digits, says one or many, and marks a capped count with a plus", () => {
    expect(countLabel(1, false, ORDERS)).toBe("1 order");
    expect(countLabel(1234, false, ORDERS)).toBe(`${new Intl.NumberFormat().format(1234)} orders`);
    expect(countLabel(1000, true, ORDERS)).toBe(`${new Intl.NumberFormat().format(1000)}+ orders`);
  });
});
