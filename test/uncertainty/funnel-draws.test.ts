import { describe, expect, it } from "vitest";
import { quantileType7 } from "../../src/benchmark/funnel.js";
import { funnelRankIntervals, histogramQuantileType7 } from "../../src/uncertainty/funnel-draws.js";

describe("funnel rank intervals", () => {
  it("the histogram quantile equals type 7 on the sorted ranks", () => {
    const ranks = [1, 1, 2, 2, 2, 3, 4, 4, 4, 4, 5];
    const counts = new Uint32Array(6);
    for (const r of ranks) counts[r] = (counts[r] as number) + 1;
    for (const p of [0, 0.025, 0.1, 0.5, 0.77, 0.975, 1]) {
      expect(histogramQuantileType7(counts, 0, 6, ranks.length, p)).toBeCloseTo(
        quantileType7(ranks, p),
        12,
      );
    }
  });

  it("is reproducible from the seed and orders clear units", () => {
    const units = [
      { id: "a", ratio: 0.8, variance: 1e-6, expectedPct: 10 },
      { id: "b", ratio: 1.0, variance: 0.001, expectedPct: 10 },
      { id: "c", ratio: 1.0, variance: 0.001, expectedPct: 10 },
      { id: "d", ratio: 1.3, variance: 1e-6, expectedPct: 10 },
    ];
    const one = funnelRankIntervals(units, { runs: 2000, seed: 7 });
    const two = funnelRankIntervals(units, { runs: 2000, seed: 7 });
    expect(one).toEqual(two);
    expect(one.units[0]?.rankInterval).toEqual({ low: 1, median: 1, high: 1 });
    expect(one.units[3]?.rankInterval).toEqual({ low: 4, median: 4, high: 4 });
    const b = one.units[1]?.rankInterval;
    expect(b?.low).toBe(2);
    expect(b?.high).toBe(3);
    expect(funnelRankIntervals(units, { runs: 2000, seed: 8 })).not.toEqual(one);
  });
});
