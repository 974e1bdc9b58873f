import { describe, expect, it } from "vitest";
import {
  histogramQuantile,
  rankHistograms,
  rankInterval,
  topShare,
} from "../../src/uncertainty/summary.js";

describe("rank summaries", () => {
  // Ranks 1…20 once each: quantiles of the empirical distribution are known.
  const counts = [0, ...new Array<number>(20).fill(1)];

  it("takes the smallest rank whose cumulative share reaches p (type 1)", () => {
    expect(histogramQuantile(counts, 0, 21, 20, 0.05)).toBe(1);
    expect(histogramQuantile(counts, 0, 21, 20, 0.5)).toBe(10);
    expect(histogramQuantile(counts, 0, 21, 20, 0.95)).toBe(19);
    expect(histogramQuantile(counts, 0, 21, 20, 1)).toBe(20);
  });

  it("gives an interval that holds at least the level of the draws", () => {
    const skewed = [0, 3, 80, 10, 5, 2];
    const interval = rankInterval(skewed, 0, 6, 100, 0.9);
    expect(interval).toEqual({ low: 2, median: 2, high: 4 });
    const inside = skewed.slice(interval.low, interval.high + 1).reduce((s, c) => s + c, 0);
    expect(inside / 100).toBeGreaterThanOrEqual(0.9);
  });

  it("counts the share of draws in the top ten", () => {
    expect(topShare(counts, 0, 21, 20)).toBe(0.5);
    expect(topShare([0, 4], 0, 2, 4)).toBe(1);
  });

  it("builds one histogram per unit, rank 0 meaning not ranked", () => {
    // Draw-major: draw 0 ranks the units 1, 2; draw 1 ranks them 2, 1; draw 2 only unit 1.
    const ranks = Uint16Array.from([1, 2, 2, 1, 0, 1]);
    // Unit 0: once each unranked, rank 1, rank 2. Unit 1: rank 1 twice, rank 2 once.
    expect(Array.from(rankHistograms(ranks, 3, 2))).toEqual([1, 1, 1, 0, 2, 1]);
  });
});
