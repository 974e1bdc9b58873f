import { describe, expect, it } from "vitest";
import { estimateModel } from "../../src/benchmark/model.js";
import { UsageError } from "../../src/diagnostics.js";
import { bootstrapBenchmarkRanks } from "../../src/uncertainty/bootstrap.js";
import { benchmarkDesign } from "../../src/uncertainty/design.js";
import { createRandom } from "../../src/uncertainty/random.js";
import type { BenchmarkDesign } from "../../src/uncertainty/types.js";

const BETA = [10, 0.8, -0.5];

/** A linear model with known residuals: actual = Xβ + e, e ~ N(0, σ²), 98 municipalities. */
function simulated(seed: number, sigma = 1, planted: Record<number, number> = {}) {
  const random = createRandom(seed);
  const errors: number[] = [];
  const rows = Array.from({ length: 98 }, (_, i) => {
    const x = [random.normal() * 2, random.uniform() * 10];
    const e = planted[i] ?? sigma * random.normal();
    errors.push(e);
    const actual =
      (BETA[0] as number) +
      (BETA[1] as number) * (x[0] as number) +
      (BETA[2] as number) * (x[1] as number) +
      e;
    return { id: String(101 + i), name: `M${101 + i}`, actual, x, population: 10_000 + 500 * i };
  });
  const design: BenchmarkDesign = { rows, weights: null, loo: false };
  return { design, errors };
}

describe("bootstrapBenchmarkRanks", () => {
  it("ranks and residuals of the full fit are the benchmark model's", () => {
    const { design } = simulated(1);
    const u = bootstrapBenchmarkRanks(design, { runs: 200 });
    const fit = estimateModel(
      design.rows.map((r) => ({
        municipality: r.id,
        name: r.name,
        region: null,
        actualPct: r.actual,
        x: [...r.x],
      })),
      { terms: ["a", "b"], weights: null, loo: false, interval: null },
    );
    const byId = new Map(fit.results.map((r) => [r.municipality, r.residualPp]));
    for (const unit of u.units) expect(unit.residual).toBe(byId.get(unit.id));
    const order = [...u.units].sort((a, b) => a.residual - b.residual);
    expect(u.units.map((x) => x.id)).toEqual(order.map((x) => x.id));
    expect(u.units.map((x) => x.rank)).toEqual(u.units.map((_, i) => i + 1));
  });

  it("covers the known residuals in about 90 % of cases (simulated linear model)", () => {
    let covered = 0;
    let total = 0;
    for (let dataset = 0; dataset < 25; dataset++) {
      const { design, errors } = simulated(100 + dataset);
      const u = bootstrapBenchmarkRanks(design, {
        runs: 400,
        seed: dataset,
        criterion: "bootstrap",
      });
      for (const unit of u.units) {
        const e = errors[Number(unit.id) - 101] as number;
        if (unit.residualInterval.low <= e && e <= unit.residualInterval.high) covered++;
        total++;
      }
    }
    const coverage = covered / total;
    // 2,450 intervals; the percentile bootstrap of a regression mean runs a little narrow.
    expect(coverage).toBeGreaterThan(0.84);
    expect(coverage).toBeLessThan(0.95);
  });

  it("marks about 10 % of municipalities with a 90 % prediction interval when none truly differs", () => {
    let flagged = 0;
    let total = 0;
    for (let dataset = 0; dataset < 20; dataset++) {
      const { design } = simulated(300 + dataset);
      const u = bootstrapBenchmarkRanks(design, { runs: 50, seed: dataset });
      flagged += u.units.filter((x) => x.distinguishable).length;
      total += u.units.length;
    }
    expect(flagged / total).toBeGreaterThan(0.07);
    expect(flagged / total).toBeLessThan(0.13);
  });

  it("a municipality far below its expectation ranks 1 in every refit and is distinguishable", () => {
    const { design } = simulated(7, 1, { 40: -12 });
    for (const criterion of ["prediction", "bootstrap"] as const) {
      const u = bootstrapBenchmarkRanks(design, { runs: 500, criterion });
      const first = u.units[0];
      expect(first?.id).toBe("141");
      expect(first?.rankInterval).toEqual({ low: 1, median: 1, high: 1 });
      expect(first?.pTop10).toBe(1);
      expect(first?.distinguishable).toBe(true);
      expect(first?.predictionInterval.high).toBeLessThan(0);
    }
  });

  it("a prediction interval covers 0 exactly when the benchmark's interval holds the actual share", () => {
    const { design } = simulated(9);
    const u = bootstrapBenchmarkRanks(design, { runs: 20, level: 0.8 });
    const fit = estimateModel(
      design.rows.map((r) => ({
        municipality: r.id,
        name: r.name,
        region: null,
        actualPct: r.actual,
        x: [...r.x],
      })),
      { terms: ["a", "b"], weights: null, loo: false, interval: 0.8 },
    );
    const position = new Map(fit.results.map((r) => [r.municipality, r.interval?.position]));
    for (const unit of u.units)
      expect(unit.distinguishable).toBe(position.get(unit.id) !== "within");
  });

  it("supports population weights and leave-one-out as the benchmark does", () => {
    const { design } = simulated(11);
    const u = bootstrapBenchmarkRanks(
      { ...design, weights: "population", loo: true },
      { runs: 100 },
    );
    const fit = estimateModel(
      design.rows.map((r) => ({
        municipality: r.id,
        name: r.name,
        region: null,
        actualPct: r.actual,
        x: [...r.x],
        population: r.population,
      })),
      { terms: ["a", "b"], weights: "population", loo: true, interval: 0.9 },
    );
    const byId = new Map(fit.results.map((r) => [r.municipality, r.residualPp]));
    for (const unit of u.units) expect(unit.residual).toBe(byId.get(unit.id));
  });

  it("is reproducible with a seed", () => {
    const { design } = simulated(12);
    const a = bootstrapBenchmarkRanks(design, { runs: 300, seed: 5 });
    const b = bootstrapBenchmarkRanks(design, { runs: 300, seed: 5 });
    const c = bootstrapBenchmarkRanks(design, { runs: 300, seed: 6 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
  });

  it("redraws resamples that leave a covariate constant", () => {
    // A dummy that is 1 for only two municipalities: many resamples miss both.
    const { design } = simulated(13);
    const rows = design.rows.map((r, i) => ({ ...r, x: [...r.x, i < 2 ? 1 : 0] }));
    const u = bootstrapBenchmarkRanks({ ...design, rows }, { runs: 200 });
    expect(u.redrawn).toBeGreaterThan(0);
    expect(u.units).toHaveLength(98);
  });

  it("rejects bad options and too few municipalities", () => {
    const { design } = simulated(14);
    expect(() => bootstrapBenchmarkRanks(design, { runs: 0 })).toThrow(UsageError);
    expect(() => bootstrapBenchmarkRanks(design, { level: 0 })).toThrow(UsageError);
    expect(() => bootstrapBenchmarkRanks({ ...design, rows: design.rows.slice(0, 3) })).toThrow(
      UsageError,
    );
  });

  it("builds its design from a benchmark run in the model's row order", () => {
    const { design } = simulated(15);
    const model = {
      design: new Map(design.rows.map((r) => [r.id, r.x])),
      weights: null,
      loo: false,
    };
    // The results come in rank order; the design must keep the fitted order.
    const results = [...design.rows]
      .map((r) => ({ municipality: r.id, name: r.name, actualPct: r.actual }))
      .reverse();
    const built = benchmarkDesign(model, results);
    expect(built.rows.map((r) => r.id)).toEqual(design.rows.map((r) => r.id));
    expect(built.rows[3]).toEqual({
      id: design.rows[3]?.id,
      name: design.rows[3]?.name,
      actual: design.rows[3]?.actual,
      x: design.rows[3]?.x,
    });
    expect(() => benchmarkDesign({ ...model, weights: "population" }, results)).toThrow(UsageError);
  });
});
