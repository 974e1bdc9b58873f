/**
 * `fieldPattern` (src/read/csv-direct.ts), the one expression per file that judges a
 * quote-free line's field count and finds its period field, against walking the line for
 * separators as the reader did before: the same answer on random lines and separators.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldPattern } from "../../src/read/csv-direct.js";

/** The `n`-th field of a quote-free line; undefined if it has fewer fields. */
function nthField(line: string, separator: string, n: number): string | undefined {
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

describe("fieldPattern", () => {
  it("captures the n-th field exactly when the line has that many fields, as splitting gives it", () => {
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
          const exact = fieldPattern(sep, n, width).exec(text)?.[1];
          expect(exact).toBe(count === width ? nthField(text, sep, n) : undefined);
          expect(fieldPattern(sep, n).exec(text)?.[1]).toBe(nthField(text, sep, n));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
