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

  /** parseNumber as it was before its simple-spelling path: every cell must read the same. */
  function reference(cell: string, mark: "," | "."): number | undefined {
    const text = cell.trim().replace(/^\u2212/, "-");
    if (text === "") return undefined;
    const exponent = "(?:[eE][+-]?\\d+)?";
    const plain =
      mark === "."
        ? new RegExp(`^[+-]?(?:\\d+(?:\\.\\d+)?|\\.\\d+)${exponent}$`)
        : new RegExp(`^[+-]?(?:\\d+(?:,\\d+)?|,\\d+)${exponent}$`);
    const grouped =
      mark === "."
        ? /^[+-]?\d{1,3}(?:(?:,\d{3})+|(?:[ \u00a0\u202f]\d{3})+)(?:\.\d+)?$/
        : /^[+-]?\d{1,3}(?:(?:\.\d{3})+|(?:[ \u00a0\u202f]\d{3})+)(?:,\d+)?$/;
    const group = mark === "." ? /[, \u00a0\u202f]/g : /[. \u00a0\u202f]/g;
    let normal: string;
    if (plain.test(text)) normal = text;
    else if (grouped.test(text)) normal = text.replace(group, "");
    else return undefined;
    const value = Number(mark === "," ? normal.replace(",", ".") : normal);
    return Number.isFinite(value) ? value : undefined;
  }

  it("property: reads every cell as the general path alone did", () => {
    const character = fc.constantFrom("0", "1", "7", "9", ",", ".", "-", "+", "\u2212", " ", "e");
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: character, maxLength: 10 }),
          fc.double({ noNaN: true }).map(String),
          fc.integer().map((n) => `${n},${Math.abs(n) % 100}`),
        ),
        fc.constantFrom(",", "."),
        (cell, mark) => {
          const want = reference(cell, mark as "," | ".");
          const got = parseNumber(cell, mark as "," | ".");
          expect(Object.is(got, want)).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
  });
});
