import { describe, expect, it } from "vitest";
import { classifyCell, DecimalEvidence } from "../../src/read/decimal.js";
import type { Separator } from "../../src/read/options.js";
import { sniffFormat, sniffSeparator } from "../../src/read/sniff.js";

describe("sniffSeparator", () => {
  it.each([
    ["a;b;c\n1,5;2,5;3\n", ";"],
    ["a,b,c\n1.5,2.5,3\n", ","],
    ["a\tb\n1,5\t2\n", "\t"],
    ['"a;x",b,c\n"1;2",3,4\n', ","],
    ["\uFEFFOMRÅDE;TID;INDHOLD\r\nAll Denmark;2007Q1;19206\r\n", ";"],
    ["only\n1\n", ","],
  ])("%j → %j", (text, separator) => expect(sniffSeparator(text)).toBe(separator));
});

describe("sniffFormat", () => {
  it.each([
    ['[{"a":1}]', "x.json", "json"],
    ['{"a":1}\n{"a":2}\n', "x.json", "jsonl"],
    ['{"a":1}\n', "x.jsonl", "jsonl"],
    ['{\n  "Variables": [],\n  "Data": []\n}', "x.txt", "json"],
    ['{"Variables": ["a"], "Data": [[1]]}', "x", "json"],
    ["a;b\n1;2\n", "x.json", "csv"],
    ["\uFEFF  [1]", "x.csv", "json"],
  ])("%j (%s) → %s", (text, name, format) =>
    expect(sniffFormat(text, name.split(".").pop() ?? "")).toBe(format),
  );
});

describe("decimal mark", () => {
  it.each([
    ["1,5", "comma"],
    ["0,123", "comma"],
    ["1234,5", "comma"],
    ["1.234,5", "comma"],
    ["1.234.567", "comma"],
    ["1.5", "point"],
    ["1,234.5", "point"],
    ["1,234,567", "point"],
    ["1,234", "ambiguous"],
    ["1.234", "ambiguous"],
    ["42", "integer"],
    ["..", "missing"],
    ["", "missing"],
    ["2019K4", "text"],
    ["København", "text"],
  ])("%j is %s evidence", (cell, kind) => expect(classifyCell(cell)).toBe(kind));

  function decide(cells: string[][], separator: Separator | undefined = ";") {
    const evidence = new DecimalEvidence();
    for (const [r, row] of cells.entries()) {
      for (const [i, c] of row.entries()) evidence.observe(c, r + 2, i);
    }
    return evidence.decide(separator, "f.csv");
  }

  it("decides from number columns only; text columns do not vote", () => {
    expect(
      decide([
        ["1.5 hours", "2,5"],
        ["x", "3"],
      ]),
    ).toBe(",");
    expect(
      decide([
        ["1.5", "a"],
        ["2,5", "b"],
      ]),
    ).toMatchObject({ code: "E_DECIMAL_MARK_MIXED" });
  });

  it("a comma decides what `1.234` means, and `1.234` alone is refused", () => {
    expect(decide([["1.234"], ["1,5"]])).toBe(",");
    expect(decide([["1.234"], ["2.500"]])).toMatchObject({
      code: "E_DECIMAL_MARK_AMBIGUOUS",
      line: 2,
      column: 1,
    });
  });

  it("with `,` as separator the mark is `.`, and a decimal comma there is refused", () => {
    expect(decide([["1.5"], ["1,234"]], ",")).toBe(".");
    expect(decide([["1,5"]], ",")).toMatchObject({ code: "E_DECIMAL_MARK_MIXED" });
  });

  it("integers only: the separator's convention", () => {
    expect(decide([["1"], ["2"]], ";")).toBe(",");
    expect(decide([["1"], ["2"]], "\t")).toBe(".");
  });
});
