import { describe, expect, it } from "vitest";
import type { Aggregation, Normalisation } from "../../src/composite/profile.js";
import { scoreIndex } from "../../src/composite/score.js";
import { UsageError } from "../../src/diagnostics.js";
import { simulateIndexRanks } from "../../src/uncertainty/index-simulation.js";
import type { IndexUncertainty, WeightModel } from "../../src/uncertainty/types.js";
import { profileWith, syntheticUnits, unitsFrom } from "./helpers.js";

const profile = profileWith();
const units = syntheticUnits(94, 5);
const dirichlet: WeightModel = { kind: "dirichlet", concentration: 30 };

function sensitivityOf(u: IndexUncertainty, factor: string): number {
  return u.sensitivity.find((s) => s.factor === factor)?.firstOrder ?? Number.NaN;
}

describe("simulateIndexRanks: known answers", () => {
  it("a unit best on every indicator ranks 1 in every draw, p_top10 = 1", () => {
    const dominant = syntheticUnits(40, 6);
    // Best on all five: high upskilling and activation, short spells, low excess unemployment.
    const best = unitsFrom([[60, 2, -5, 80, 3]])[0];
    if (best === undefined) throw new Error("unreachable");
    best.unit = { id: "999", name: "Dominant", municipalities: ["999"] };
    const u = simulateIndexRanks([...dominant, best], profile, {
      runs: 2000,
      weights: dirichlet,
    });
    const top = u.units.find((x) => x.id === "999");
    expect(top?.rank).toBe(1);
    expect(top?.rankInterval).toEqual({ low: 1, median: 1, high: 1 });
    expect(top?.pTop10).toBe(1);
    expect(u.scenarios.length).toBeGreaterThan(1);
  });

  const pointCases: Array<[string, Normalisation, Aggregation, WeightModel]> = [
    ["z-scores, fixed weights", { type: "zscore" }, { type: "arithmetic" }, { kind: "fixed" }],
    ["spread 0", { type: "zscore" }, { type: "arithmetic" }, { kind: "uniform", spread: 0 }],
    [
      "α = ∞",
      { type: "minmax" },
      { type: "arithmetic" },
      { kind: "dirichlet", concentration: Infinity },
    ],
    ["points with ties", { type: "points", bins: 10 }, { type: "sum" }, { kind: "fixed" }],
    ["geometric mean", { type: "percentile" }, { type: "geometric", shift: 1 }, { kind: "fixed" }],
  ];
  it.each(pointCases)(
    "%s with a single normalisation reproduces the point ranking exactly",
    (_, normalisation, aggregation, weights) => {
      const method = profileWith({ normalisation, aggregation });
      const point = scoreIndex(units, method, "error");
      const u = simulateIndexRanks(units, method, {
        runs: 300,
        normalisations: [normalisation],
        aggregations: [aggregation],
        weights,
      });
      expect(u.units.map((x) => x.id)).toEqual(point.units.map((x) => x.unit.id));
      if (normalisation.type === "points") expect(point.units.some((x) => x.tied)).toBe(true);
      point.units.forEach((p, i) => {
        const got = u.units[i];
        expect(got?.rank).toBe(p.rank);
        expect(got?.tied).toBe(p.tied);
        expect(got?.rankInterval).toEqual({ low: p.rank, median: p.rank, high: p.rank });
        expect(got?.pTop10).toBe(p.rank <= 10 ? 1 : 0);
      });
      expect(u.sensitivity.every((s) => s.firstOrder === 0)).toBe(true);
    },
  );

  it("is reproducible with a seed and differs with another", () => {
    const options = { runs: 1000, weights: dirichlet };
    const a = simulateIndexRanks(units, profile, { ...options, seed: 11 });
    const b = simulateIndexRanks(units, profile, { ...options, seed: 11 });
    const c = simulateIndexRanks(units, profile, { ...options, seed: 12 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
  });

  it("attributes all rank variance to the normalisation when only it varies", () => {
    const u = simulateIndexRanks(units, profile, {
      runs: 2000,
      normalisations: [{ type: "zscore" }, { type: "rank" }, { type: "minmax" }],
      aggregations: [{ type: "arithmetic" }],
      weights: { kind: "fixed" },
    });
    expect(u.sensitivity[0]?.factor).toBe("normalisation");
    expect(sensitivityOf(u, "normalisation")).toBeCloseTo(1, 10);
    for (const s of u.sensitivity.slice(1)) expect(s.firstOrder).toBe(0);
    expect(u.sensitivity.find((s) => s.factor === "aggregation")?.levels).toBe(1);
  });

  it("attributes all rank variance to the aggregation when only it varies", () => {
    const u = simulateIndexRanks(units, profile, {
      runs: 1000,
      normalisations: [{ type: "percentile" }],
      aggregations: [{ type: "arithmetic" }, { type: "geometric", shift: 1 }],
      weights: { kind: "fixed" },
    });
    expect(sensitivityOf(u, "aggregation")).toBeCloseTo(1, 10);
    expect(sensitivityOf(u, "normalisation")).toBe(0);
  });

  it("attributes the variance to the weights, not the fixed choices, when only weights vary", () => {
    const u = simulateIndexRanks(units, profile, {
      runs: 4000,
      normalisations: [{ type: "zscore" }],
      aggregations: [{ type: "arithmetic" }],
      weights: { kind: "dirichlet", concentration: 10 },
    });
    expect(sensitivityOf(u, "normalisation")).toBe(0);
    expect(sensitivityOf(u, "aggregation")).toBe(0);
    const weights = u.sensitivity.filter((s) => s.factor.startsWith("weight:"));
    expect(weights).toHaveLength(5);
    for (const s of weights) {
      expect(s.levels).toBe(20);
      expect(s.firstOrder).toBeGreaterThan(0.05);
    }
  });

  it("gives an indicator with zero weight no influence", () => {
    const zeroed = profileWith({
      weights: {
        upskilling_share: 0.25,
        sickness_duration: 0.25,
        nonwestern_excess_unemployment: 0.25,
        activation_rate: 0.25,
        unemployment_duration: 0,
      },
    });
    const u = simulateIndexRanks(units, zeroed, {
      runs: 2000,
      normalisations: [{ type: "zscore" }],
      aggregations: [{ type: "arithmetic" }],
      weights: dirichlet,
    });
    // Its share is always 0: one group, no index.
    expect(u.sensitivity.find((s) => s.factor === "weight:unemployment_duration")).toMatchObject({
      levels: 1,
      firstOrder: 0,
    });
  });
});

describe("simulateIndexRanks: the method's alternatives", () => {
  it("draws from the profile's declared alternatives and weight spread by default", () => {
    const u = simulateIndexRanks(units, profile, { runs: 500 });
    expect(u.weights).toEqual({ kind: "uniform", spread: 0.5 });
    const tried = u.scenarios.length + u.excluded.length;
    expect(tried).toBe(6 * 2);
  });

  it("leaves out, with the reason, combinations the data cannot support", () => {
    // A negative excess unemployment: distance to the best needs every value > 0.
    const data = unitsFrom([
      [20, 10, -1, 30, 12],
      [25, 11, 4, 28, 14],
      [30, 12, 6, 35, 13],
      [22, 9, 8, 31, 15],
    ]);
    const u = simulateIndexRanks(data, profile, {
      runs: 200,
      normalisations: [{ type: "zscore" }, { type: "distance_to_best" }],
      aggregations: [{ type: "arithmetic" }],
    });
    expect(u.scenarios.map((s) => s.normalisation.type)).toEqual(["zscore"]);
    expect(u.excluded).toHaveLength(1);
    expect(u.excluded[0]?.reason).toMatch(
      /nonwestern_excess_unemployment: distance_to_best needs every value > 0/,
    );
  });

  it("varies the missing-data treatment: a dropped unit is ranked only in the other draws", () => {
    const data = unitsFrom([
      [20, 10, 5, 30, 12],
      [25, 11, null, 28, 14],
      [30, 12, 6, 35, 13],
      [22, 9, 8, 31, 15],
      [27, 13, 3, 33, 11],
    ]);
    const u = simulateIndexRanks(data, profile, {
      runs: 1000,
      missing: "impute-mean",
      missingModes: ["impute-mean", "drop"],
      normalisations: [{ type: "zscore" }],
      aggregations: [{ type: "arithmetic" }],
      weights: { kind: "fixed" },
    });
    const incomplete = u.units.find((x) => x.id === "101");
    expect(incomplete?.ranked).toBeGreaterThan(400);
    expect(incomplete?.ranked).toBeLessThan(600);
    for (const x of u.units.filter((x) => x.id !== "101")) expect(x.ranked).toBe(1000);
    expect(sensitivityOf(u, "missing")).toBeGreaterThan(0);
  });

  it("rejects bad options as usage errors", () => {
    expect(() => simulateIndexRanks(units, profile, { runs: 0 })).toThrow(UsageError);
    expect(() => simulateIndexRanks(units, profile, { runs: 1.5 })).toThrow(UsageError);
    expect(() => simulateIndexRanks(units, profile, { seed: -3 })).toThrow(UsageError);
    expect(() => simulateIndexRanks(units, profile, { level: 1 })).toThrow(UsageError);
    expect(() =>
      simulateIndexRanks(units, profile, { weights: { kind: "uniform", spread: 2 } }),
    ).toThrow(UsageError);
  });
});
