import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { competitionRank, formatRank } from "../src/rank.js";

describe("competitionRank", () => {
  it("gives equal values the best shared rank (1, 2, 2, 4)", () => {
    const ranked = competitionRank(
      [
        { id: "a", value: 3 },
        { id: "b", value: 2 },
        { id: "c", value: 2 },
        { id: "d", value: 1 },
      ],
      { order: "desc" },
    );
    expect(ranked.map((r) => [r.id, r.rank, r.tied])).toEqual([
      ["a", 1, false],
      ["b", 2, true],
      ["c", 2, true],
      ["d", 4, false],
    ]);
  });

  it("ranks ascending residuals with rounding to the published decimals", () => {
    const ranked = competitionRank(
      [
        { id: "530", value: -1.234 },
        { id: "101", value: -1.2349 },
        { id: "851", value: 0.5 },
      ],
      { order: "asc", decimals: 2 },
    );
    expect(ranked.map((r) => `${r.id}:${formatRank(r.rank, r.tied)}`)).toEqual([
      "101:1=",
      "530:1=",
      "851:3",
    ]);
  });

  const items = fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      value: fc.integer({ min: -5, max: 5 }),
    }),
    { selector: (x) => x.id, maxLength: 40 },
  );

  it("always forms a valid competition ranking", () => {
    fc.assert(
      fc.property(items, fc.constantFrom("asc" as const, "desc" as const), (xs, order) => {
        const ranked = competitionRank(xs, { order });
        ranked.forEach((r, i) => {
          // rank = 1 + number of units strictly better
          const better = xs.filter((x) =>
            order === "asc" ? x.value < r.value : x.value > r.value,
          );
          expect(r.rank).toBe(better.length + 1);
          expect(r.tied).toBe(xs.filter((x) => x.value === r.value).length > 1);
          if (i > 0)
            expect(r.rank).toBeGreaterThanOrEqual((ranked[i - 1] as { rank: number }).rank);
        });
      }),
    );
  });

  it("does not depend on the order of its input", () => {
    fc.assert(
      fc.property(
        items.chain((xs) =>
          fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length })),
        ),
        ([xs, shuffled]) => {
          expect(competitionRank(shuffled, { order: "desc" })).toEqual(
            competitionRank(xs, { order: "desc" }),
          );
        },
      ),
    );
  });
});
