// Tests that amounts are formatted from their text (never through a float) and quantities are read strictly.
import { describe, expect, it } from "vitest";
import { formatAmount, formatFigure, isZeroOrLess, parseQuantity } from "./format";

describe("formatAmount", () => {
  it("groups, pads to the currency's decimals and adds the code", () => {
    expect(formatAmount("1234567.5", "EUR")).toMatch(/^1.234.567.50 EUR$/);
    expect(formatAmount("-12.5", "EUR")).toMatch(/^-12.50 EUR$/);
    expect(formatAmount("1235.00", "JPY")).toMatch(/^1.235 JPY$/);
  });

  it("keeps every digit of amounts a float could not hold", () => {
    expect(formatAmount("90071992547409.9999", "EUR")).toMatch(/^90.071.992.547.409.9999 EUR$/);
  });

  it("shows text it does not understand as it came", () => {
    expect(formatAmount("n/a", "EUR")).toBe("n/a EUR");
    expect(formatAmount("5", null)).toMatch(/^5.00$/);
  });
});

describe("formatFigure", () => {
  it("groups the whole part and keeps the decimals exactly as sent", () => {
    expect(formatFigure("3569584250.60")).toMatch(/^3.569.584.250.60$/);
    expect(formatFigure("-1234.5")).toMatch(/^-1.234.5$/);
    expect(formatFigure("42")).toBe("42");
    expect(formatFigure("2026-W47")).toBe("2026-W47");
  });
});

describe("isZeroOrLess", () => {
  it("reads the sign from the text", () => {
    expect(isZeroOrLess("0.00")).toBe(true);
    expect(isZeroOrLess("-0.01")).toBe(true);
    expect(isZeroOrLess("0.01")).toBe(false);
    expect(isZeroOrLess("10")).toBe(false);
  });
});

describe("parseQuantity", () => {
  it("takes whole numbers above zero only", () => {
    expect(parseQuantity(" 3 ")).toBe(3);
    for (const text of ["", "0", "2.5", "-1", "x", "1e3"]) expect(parseQuantity(text)).toBeNull();
  });
});
