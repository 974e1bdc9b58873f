import { describe, expect, it } from "vitest";
import {
  aggregate,
  aggregationDomainProblem,
  contributions,
} from "../../src/composite/aggregate.js";
import {
  distanceToBest,
  fractionalRanks,
  minMax,
  normalisationDomainProblem,
  percentiles,
  points,
  quantileSorted,
  sampleSd,
  winsorise,
  zScores,
} from "../../src/composite/normalise.js";

describe("normalisations (direction applied: larger is better)", () => {
  const x = [10, 20, 30, 40];

  it("z-scores use the sample sd and flip for lower-is-better", () => {
    const sd = Math.sqrt(((15 ** 2 + 5 ** 2) * 2) / 3);
    expect(sampleSd(x)).toBeCloseTo(sd, 14);
    expect(zScores(x, "higher")).toEqual(x.map((v) => (v - 25) / sd));
    expect(zScores(x, "lower")).toEqual(x.map((v) => -(v - 25) / sd));
    expect(zScores([5, 5, 5], "higher")).toEqual([0, 0, 0]);
  });

  it("min–max maps the best to 100 and the worst to 0", () => {
    expect(minMax(x, "higher")).toEqual([0, 100 / 3, 200 / 3, 100]);
    expect(minMax(x, "lower")).toEqual([100, 200 / 3, 100 / 3, 0]);
    expect(minMax([2, 2], "lower")).toEqual([50, 50]);
  });

  it("ranks and percentiles give ties the mean place", () => {
    expect(fractionalRanks([3, 1, 3, 2], "higher")).toEqual([3.5, 1, 3.5, 2]);
    expect(fractionalRanks([3, 1, 3, 2], "lower")).toEqual([1.5, 4, 1.5, 3]);
    expect(percentiles([3, 1, 3, 2], "higher")).toEqual([250 / 3, 0, 250 / 3, 100 / 3]);
  });

  it("distance to the best: 100 for the best, a share of its level for the others", () => {
    expect(distanceToBest(x, "higher")).toEqual([25, 50, 75, 100]);
    expect(distanceToBest(x, "lower")).toEqual([100, 50, 100 / 3, 25]);
    expect(normalisationDomainProblem([1, -1], { type: "distance_to_best" })).toMatch(/> 0/);
  });

  it("points: deciles 1–10, ties and equal values share points", () => {
    const values = Array.from({ length: 20 }, (_, i) => i);
    const p = points(values, "higher");
    expect(p).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10]);
    expect(points(values, "lower")).toEqual([...p].reverse());
    expect(points([4, 4, 4, 1], "higher")).toEqual([3, 3, 3, 1]);
    const many = points(
      Array.from({ length: 94 }, (_, i) => i * 1.5),
      "higher",
    );
    expect(Math.min(...many)).toBe(1);
    expect(Math.max(...many)).toBe(10);
    expect(new Set(many).size).toBe(10);
  });

  it("winsorising clamps to numpy-style (type 7) quantiles", () => {
    expect(quantileSorted([1, 2, 3, 4, 5], 0.1)).toBeCloseTo(1.4, 14);
    expect(winsorise([1, 2, 3, 4, 100], 0, 0.75)).toEqual([1, 2, 3, 4, 4]);
  });
});

describe("aggregations", () => {
  const w = [0.5, 0.25, 0.25];

  it("arithmetic: Σ w·v", () => {
    expect(aggregate([1, 2, 4], w, { type: "arithmetic" })).toBe(0.5 + 0.5 + 1);
  });

  it("sum of equal-weight points is exact whole numbers", () => {
    const fifth = [0.2, 0.2, 0.2, 0.2, 0.2];
    expect(aggregate([4, 9, 8, 7, 7], fifth, { type: "sum" })).toBe(35);
    expect(aggregate([7, 7, 8, 9, 4], fifth, { type: "sum" })).toBe(35);
  });

  it("geometric with a shift: exp(Σ w ln(v + s)) − s", () => {
    const g = aggregate([1, 2, 4], w, { type: "geometric", shift: 1 });
    expect(g).toBeCloseTo(2 ** 0.5 * 3 ** 0.25 * 5 ** 0.25 - 1, 12);
    expect(aggregate([3, 3, 3], w, { type: "geometric", shift: 0 })).toBeCloseTo(3, 12);
    expect(aggregationDomainProblem([-5, 1, 1], { type: "geometric", shift: 4 })).toMatch(/shift/);
  });

  it("contributions add up to the score (or its log for geometric)", () => {
    const v = [0.3, -1.2, 0.7];
    const arith = contributions(v, w, { type: "arithmetic" });
    expect(arith.terms.reduce((a, b) => a + b, 0)).toBeCloseTo(
      aggregate(v, w, { type: "arithmetic" }),
      14,
    );
    const geo = contributions(v, w, { type: "geometric", shift: 4 });
    expect(Math.exp(geo.terms.reduce((a, b) => a + b, 0)) - 4).toBeCloseTo(
      aggregate(v, w, { type: "geometric", shift: 4 }),
      12,
    );
  });
});
