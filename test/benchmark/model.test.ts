import { describe, expect, it } from "vitest";
import { estimateModel, type ModelRow } from "../../src/benchmark/model.js";
import { fitOls } from "../../src/benchmark/ols.js";

const ROWS: ModelRow[] = [
  [7.1, 1, 3],
  [8.4, 2, 1],
  [9.0, 3, 4],
  [6.2, 4, 2],
  [10.5, 5, 6],
  [8.8, 6, 5],
  [7.7, 7, 1],
  [9.9, 8, 7],
].map(([y, a, b], i) => ({
  municipality: String(101 + i),
  name: `M${i}`,
  region: null,
  actualPct: y as number,
  population: 1000 * (i + 1),
  x: [a as number, b as number],
}));

describe("estimateModel", () => {
  it("leave-one-out equals refitting without the municipality", () => {
    const loo = estimateModel(ROWS, {
      terms: ["a", "b"],
      weights: null,
      loo: true,
      interval: null,
    });
    ROWS.forEach((row, i) => {
      const others = ROWS.filter((_, j) => j !== i);
      const fit = fitOls({
        covariates: others.map((r) => r.x),
        outcome: others.map((r) => r.actualPct),
      });
      const beta = fit.coefficients.map((c) => c.estimate);
      const predicted =
        (beta[0] as number) + row.x.reduce((s, v, j) => s + v * (beta[j + 1] as number), 0);
      expect(loo.results[i]?.expectedPct).toBeCloseTo(predicted, 12);
    });
  });

  it("weighted leave-one-out equals a weighted refit", () => {
    const loo = estimateModel(ROWS, {
      terms: ["a", "b"],
      weights: "population",
      loo: true,
      interval: null,
    });
    ROWS.forEach((row, i) => {
      const others = ROWS.filter((_, j) => j !== i);
      const fit = fitOls({
        covariates: others.map((r) => r.x),
        outcome: others.map((r) => r.actualPct),
        weights: others.map((r) => r.population ?? 0),
      });
      const beta = fit.coefficients.map((c) => c.estimate);
      const predicted =
        (beta[0] as number) + row.x.reduce((s, v, j) => s + v * (beta[j + 1] as number), 0);
      expect(loo.results[i]?.expectedPct).toBeCloseTo(predicted, 12);
    });
  });

  it("residual persons = residual pp / 100 × population", () => {
    const { results } = estimateModel(ROWS, {
      terms: ["a", "b"],
      weights: null,
      loo: false,
      interval: null,
    });
    for (const [i, r] of results.entries()) {
      expect(r.residualPersons).toBeCloseTo((r.residualPp / 100) * 1000 * (i + 1), 12);
    }
  });

  it("leave-one-out prediction intervals hold the deleted-residual t test: outside ⇔ |t| > quantile", () => {
    const { results } = estimateModel(ROWS, {
      terms: ["a", "b"],
      weights: null,
      loo: true,
      interval: 0.5,
    });
    for (const r of results) {
      const inside =
        r.actualPct >= (r.interval?.lower ?? 0) && r.actualPct <= (r.interval?.upper ?? 0);
      expect(r.interval?.position === "within").toBe(inside);
    }
  });
});
