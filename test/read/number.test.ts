import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseJobindsatsNumber, parseNumber } from "../../src/read/index.js";

describe("parseNumber", () => {
  it.each([
    ["1234", ".", 1234],
    ["-1.5", ".", -1.5],
    ["+2.25", ".", 2.25],
    ["1,234", ".", 1234],
    ["1,234,567.5", ".", 1234567.5],
    ["1e3", ".", 1000],
    [" 7 ", ".", 7],
    ["9,08", ",", 9.08],
    ["-0,20", ",", -0.2],
    ["\u22123,5", ",", -3.5],
    ["1.234", ",", 1234],
    ["1.234.567,25", ",", 1234567.25],
    ["1 234,5", ",", 1234.5],
    ["0,5", ",", 0.5],
  ] as const)("%j with %j → %d", (text, mark, expected) => {
    expect(parseNumber(text, mark)).toBe(expected);
  });

  it.each([
    ["", "."],
    ["   ", ","],
    ["NaN", "."],
    ["Infinity", "."],
    ["-Infinity", ","],
    ["1,5", "."],
    ["1.5", ","],
    ["12,34,5", "."],
    ["1.23.4", ","],
    ["1.", "."],
    ["abc", "."],
    ["..", ","],
    ["1e999", "."],
  ] as const)("%j with %j → undefined", (text, mark) => {
    expect(parseNumber(text, mark)).toBeUndefined();
  });

  it("passes finite JSON numbers through and rejects the rest", () => {
    expect(parseNumber(43070, ",")).toBe(43070);
    expect(parseNumber(Number.NaN, ".")).toBeUndefined();
    expect(parseNumber(Number.POSITIVE_INFINITY, ".")).toBeUndefined();
    expect(parseNumber(null, ".")).toBeUndefined();
    expect(parseNumber(true, ".")).toBeUndefined();
  });

  it("jobindsats strings and numbers", () => {
    expect(parseJobindsatsNumber("9,08")).toBe(9.08);
    expect(parseJobindsatsNumber("-0,05")).toBe(-0.05);
    expect(parseJobindsatsNumber(940)).toBe(940);
    expect(parseJobindsatsNumber("")).toBeUndefined();
  });

  /** How a file in each convention writes a number. */
  const write = (x: number, mark: "," | ".") =>
    mark === "," ? String(x).replace(".", ",") : String(x);

  it("property: any finite double survives a round trip in both decimal marks", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(",", "."),
        (x, mark) => {
          const back = parseNumber(write(x, mark as "," | "."), mark as "," | ".");
          expect(Object.is(back, x) || (x === 0 && back === 0)).toBe(true);
        },
      ),
    );
  });

  it("property: amounts with two decimals and thousands groups survive in both conventions", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom(",", "."),
        (cents, mark) => {
          const x = cents / 100;
          const [whole = "", fraction = ""] = Math.abs(x).toFixed(2).split(".");
          const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, mark === "," ? "." : ",");
          const text = `${x < 0 ? "-" : ""}${grouped}${mark}${fraction}`;
          expect(parseNumber(text, mark as "," | ".")).toBeCloseTo(x, 6);
        },
      ),
    );
  });
});
