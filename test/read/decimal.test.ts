/**
 * `classifyCell` tells common number shapes by one expression each, for speed; the regular
 * expressions in `classifyByPattern` define what each shape means. The two must agree on
 * any cell, which random cells built from the characters that matter check here.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyByPattern, classifyCell } from "../../src/read/decimal.js";

const character = fc.constantFrom(
  "0",
  "1",
  "2",
  "5",
  "9",
  ".",
  ",",
  "-",
  "+",
  "\u2212",
  "e",
  "E",
  " ",
  "a",
);

describe("classifyCell", () => {
  it("agrees with the patterns on random cells", () => {
    fc.assert(
      fc.property(fc.string({ unit: character, maxLength: 12 }), (cell) => {
        expect(classifyCell(cell)).toBe(classifyByPattern(cell));
      }),
      { numRuns: 5000 },
    );
  });

  it("agrees on the shapes the scan decides", () => {
    const cells = ["0", "1234", "12.5", ".5", "1.234", "0.123", "5.", "1..2", "", "007", "9,08"];
    const signed = ["-", "-5", "-0,06", "-,5", "-5,", "-1,234", "--1", "-1-", "-1.5", "-0.123"];
    const grouped = ["12,345", "1234,567", "1,2345", "123.456", "1234.5"];
    for (const cell of [...cells, ...signed, ...grouped, "1,234", ",5", "5,", "1,2,3", "0,123"]) {
      expect(classifyCell(cell), cell).toBe(classifyByPattern(cell));
    }
    expect(classifyCell("1.234")).toBe("ambiguous");
    expect(classifyCell("12.5")).toBe("point");
    expect(classifyCell("1234")).toBe("integer");
    expect(classifyCell("9,08")).toBe("comma");
    expect(classifyCell("1,234")).toBe("ambiguous");
  });
});
