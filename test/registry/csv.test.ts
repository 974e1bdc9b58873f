import { parse } from "csv-parse/sync";
import fc from "fast-check";
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

describe("parseCsv against csv-parse", () => {
  /** Field text with everything that needs quoting: separators, quotes, line ends, æøå. */
  const field = fc.string({ unit: fc.constantFrom(...'ab æø,"\n\r1-|'), maxLength: 8 });
  const quote = (f: string) =>
    /[,"\r\n]/.test(f) || f === "" ? `"${f.replaceAll('"', '""')}"` : f;

  it("reads RFC 4180 text as csv-parse does, and numbers records by their first line", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom("\n", "\r\n"),
        (rows, eol) => {
          const text = rows.map((r) => r.map(quote).join(",")).join(eol) + eol;
          const expected = parse(text, {
            relax_column_count: true,
            record_delimiter: ["\r\n", "\n"],
          });
          const records = parseCsv(text);
          expect(records.map((r) => r.fields)).toEqual(expected);
          // Each record starts one line after the previous one's line feeds (a lone CR in a
          // quoted field is text, as in the original reader).
          let line = 1;
          records.forEach((record, i) => {
            expect(record.line).toBe(line);
            line += 1 + (rows[i] ?? []).join("").split("\n").length - 1;
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});
