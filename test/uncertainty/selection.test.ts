/**
 * Quantiles by selection (src/uncertainty/selection.ts) equal quantiles of the sorted
 * values (`quantileSorted`, which the bootstrap's intervals used on a full sort): the
 * same numbers, exactly, on random arrays with ties, sorted and reversed runs (−0 and 0,
 * which a sort orders and `<` does not, count as one).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quantileSorted } from "../../src/composite/normalise.js";
import { quantilesBySelection, selectInPlace } from "../../src/uncertainty/selection.js";

const values = fc.oneof(
  fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), {
    minLength: 1,
    maxLength: 300,
  }),
  // Ties and runs: few distinct values, ascending or descending.
  fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 300 }).chain((xs) =>
    fc.constantFrom(
      xs,
      [...xs].sort((a, b) => a - b),
      [...xs].sort((a, b) => b - a),
    ),
  ),
);

const sorted = (xs: readonly number[]) => Array.from(Float64Array.from(xs).sort());
/** −0 as 0: a sort puts −0 before 0, selection (by `<`) takes them as equal. */
const plain = (x: number) => x + 0;

describe("selection", () => {
  it("puts the k-th smallest at k, nothing larger before it and nothing smaller after", () => {
    fc.assert(
      fc.property(values, fc.nat(), (xs, seed) => {
        const k = seed % xs.length;
        const a = Float64Array.from(xs);
        const kth = selectInPlace(a, k);
        expect(plain(kth)).toBe(plain(sorted(xs)[k] as number));
        for (let i = 0; i < k; i++) expect(a[i]).toBeLessThanOrEqual(kth);
        for (let i = k + 1; i < a.length; i++) expect(a[i]).toBeGreaterThanOrEqual(kth);
        expect(Array.from(a, plain).sort((x, y) => x - y)).toEqual(sorted(xs).map(plain));
      }),
      { numRuns: 1000 },
    );
  });

  it("gives the quantiles of the sorted values, exactly", () => {
    fc.assert(
      fc.property(
        values,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
        (xs, ps) => {
          const ascending = [...ps].sort((a, b) => a - b);
          const expected = ascending.map((p) => plain(quantileSorted(sorted(xs), p)));
          const found = quantilesBySelection(Float64Array.from(xs), ascending).map(plain);
          expect(found).toEqual(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("has the 90 % interval's ends of 1..2000 at the 5th and 95th percentiles", () => {
    const draws = Float64Array.from({ length: 2000 }, (_, i) => ((i * 7919) % 2000) + 1);
    // (n − 1)·p = 99.95 and 1899.05: between the 100th and 101st, the 1900th and 1901st.
    expect(quantilesBySelection(draws, [0.05, 0.95])).toEqual([100.95, 1900.05]);
    expect(quantilesBySelection(new Float64Array(0), [0.5])).toEqual([Number.NaN]);
  });
});
