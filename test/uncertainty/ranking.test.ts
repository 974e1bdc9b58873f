import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { competitionRank } from "../../src/rank.js";
import { equalAtDecimals, Ranker } from "../../src/uncertainty/ranking.js";

function rankWith(values: readonly number[], order: "asc" | "desc", decimals?: number): number[] {
  const scores = Float64Array.from(values);
  const ranks = new Uint16Array(values.length);
  const ranker = new Ranker(scores, order, decimals);
  ranker.rank(
    Uint32Array.from(values, (_, i) => values.length - 1 - i),
    values.length,
    ranks,
  );
  return Array.from(ranks);
}

function reference(values: readonly number[], order: "asc" | "desc", decimals?: number): number[] {
  const ranked = competitionRank(
    values.map((value, i) => ({ id: String(i).padStart(4, "0"), value })),
    decimals === undefined ? { order } : { order, decimals },
  );
  const out = new Array<number>(values.length);
  for (const r of ranked) out[Number(r.id)] = r.rank;
  return out;
}

describe("Ranker: competition ranks on typed arrays", () => {
  it("ranks 1, 2, 2, 4 with shared best places", () => {
    expect(rankWith([5, 3, 3, 1], "desc")).toEqual([1, 2, 2, 4]);
    expect(rankWith([5, 3, 3, 1], "asc")).toEqual([4, 2, 2, 1]);
  });

  it("agrees with src/rank.ts for any scores, with and without rounding to decimals", () => {
    // Few distinct values and near-ties at the 10th decimal exercise the tie rule.
    const score = fc.oneof(
      fc.integer({ min: -3, max: 3 }).map((v) => v / 2),
      fc.integer({ min: -3, max: 3 }).map((v) => v / 2 + 4e-11),
      fc.double({ min: -10, max: 10, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(score, { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        (values, desc) => {
          const order = desc ? "desc" : "asc";
          expect(rankWith(values, order, 10)).toEqual(reference(values, order, 10));
          expect(rankWith(values, order)).toEqual(reference(values, order));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("ranks only the units listed and leaves the others untouched", () => {
    const scores = Float64Array.from([1, 9, 5, 7]);
    const ranks = new Uint16Array(8);
    new Ranker(scores, "desc", undefined).rank(Uint32Array.from([0, 2, 3]), 3, ranks, 4);
    expect(Array.from(ranks)).toEqual([0, 0, 0, 0, 3, 0, 2, 1]);
  });

  it("treats values equal at the given decimals as equal", () => {
    expect(equalAtDecimals(0.12345678901, 0.12345678904, 10)).toBe(true);
    expect(equalAtDecimals(0.1234567891, 0.1234567892, 10)).toBe(false);
    expect(equalAtDecimals(1, 1 + 1e-12, undefined)).toBe(false);
  });
});
