/**
 * The quote-free line helpers of src/read/csv-direct.ts (`widthPattern`, `nthField`)
 * against splitting the line: the same answer on random lines and separators.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nthField as nthFieldOf, widthPattern } from "../../src/read/csv-direct.js";

/** The `n`-th field of a quote-free line; undefined if it has fewer fields. */
function splitField(line: string, separator: string, n: number): string | undefined {
  const fields = line.split(separator);
  return n < fields.length ? fields[n] : undefined;
}

const separator = fc.constantFrom(";", ",", "\t", "|", ".");
const line = (sep: string) =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(sep, "a", " ", "\r", "ø", "2024K4", "1.702", "", "\\", "$", "^"),
        fc.string({ maxLength: 3 }),
      ),
      {
        maxLength: 12,
      },
    )
    .map((parts) => parts.join(""))
    .filter((text) => !text.includes('"') && !text.includes("\n"));

describe("widthPattern, nthField", () => {
  it("find the n-th field and test the width as splitting the line does", () => {
    fc.assert(
      fc.property(
        separator.chain((sep) =>
          fc.tuple(
            fc.constant(sep),
            line(sep),
            fc.integer({ min: 0, max: 5 }),
            fc.integer({ min: 0, max: 4 }),
          ),
        ),
        ([sep, text, n, extra]) => {
          // The period column is one of the header's: n < width.
          const width = n + 1 + extra;
          const count = text.split(sep).length;
          expect(widthPattern(sep, width).test(text)).toBe(count === width);
          expect(nthFieldOf(text, sep, n)).toBe(splitField(text, sep, n));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
