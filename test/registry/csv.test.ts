import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/registry/csv.js";

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, keeping start lines", () => {
    const text = '\uFEFFa,b\r\n1,"x, ""y"""\n\n2,"two\nlines"\n3,z';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", 'x, "y"'] },
      { line: 4, fields: ["2", "two\nlines"] },
      { line: 6, fields: ["3", "z"] },
    ]);
  });

  it("keeps empty fields", () => {
    expect(parseCsv("a,,c\n")).toEqual([{ line: 1, fields: ["a", "", "c"] }]);
  });
});
