/**
 * The Sobol estimators against numpy (scripts/audit-fixture.py → fixtures/audit/
 * sobol-ishigami.json: SALib's formulas on a seeded design for the Ishigami function), to
 * 1e-9 on the same draws and resamples, and against the function's exact indices within
 * sampling tolerance on the project's own seeded design.
 */
import { describe, expect, it } from "vitest";
import {
  clip01,
  runOnDesign,
  runSaltelliDesign,
  sobolBootstrap,
  sobolEstimates,
} from "../../src/audit/sobol.js";
import { createRandom } from "../../src/uncertainty/random.js";
import { close, fixture } from "./helpers.js";

interface IshigamiCase {
  n: number;
  a: number[][];
  b: number[][];
  first_order: number[];
  total_order: number[];
  resamples: Array<{ rows: number[]; first_order: number[]; total_order: number[] }>;
  exact: { first_order: number[]; total_order: number[] };
}

const truth = fixture<IshigamiCase>("sobol-ishigami.json");

/** Ishigami (a = 7, b = 0.1) of u in [0, 1)³ mapped to [−π, π]³. */
function ishigami(u: ArrayLike<number>): number {
  const x = (i: number) => -Math.PI + 2 * Math.PI * (u[i] as number);
  return Math.sin(x(0)) + 7 * Math.sin(x(1)) ** 2 + 0.1 * x(2) ** 4 * Math.sin(x(0));
}

describe("Sobol indices (Saltelli 2010 first order, Jansen total order)", () => {
  const runs = runOnDesign(
    ishigami,
    3,
    truth.n,
    Float64Array.from(truth.a.flat()),
    Float64Array.from(truth.b.flat()),
  );

  it("equal numpy's estimates on the same design", () => {
    const estimates = sobolEstimates(runs);
    estimates.forEach((e, i) => {
      close(e.firstOrder, truth.first_order[i] as number, `S${i + 1}`);
      close(e.totalOrder, truth.total_order[i] as number, `ST${i + 1}`);
    });
  });

  it("equal numpy's estimates on the same bootstrap resamples of the rows", () => {
    for (const resample of truth.resamples) {
      const estimates = sobolEstimates(runs, Uint32Array.from(resample.rows));
      estimates.forEach((e, i) => {
        close(e.firstOrder, resample.first_order[i] as number, `S${i + 1}*`);
        close(e.totalOrder, resample.total_order[i] as number, `ST${i + 1}*`);
      });
    }
  });

  it("approach Ishigami's exact indices on the project's seeded design (N = 20,000)", () => {
    const design = runSaltelliDesign(ishigami, 3, 20_000, createRandom(1));
    const estimates = sobolEstimates(design);
    estimates.forEach((e, i) => {
      expect(Math.abs(e.firstOrder - (truth.exact.first_order[i] as number))).toBeLessThan(0.03);
      expect(Math.abs(e.totalOrder - (truth.exact.total_order[i] as number))).toBeLessThan(0.03);
    });
    // x3 alone explains nothing, but interacts with x1.
    expect(Math.abs(estimates[2]?.firstOrder as number)).toBeLessThan(0.03);
    expect(estimates[2]?.totalOrder).toBeGreaterThan(0.2);
  });

  it("bootstrap intervals hold the estimate and are narrow for a large design", () => {
    const random = createRandom(2);
    const design = runSaltelliDesign(ishigami, 3, 5000, random);
    const estimates = sobolEstimates(design);
    const intervals = sobolBootstrap(design, 500, 0.95, random);
    estimates.forEach((e, i) => {
      const first = intervals.firstOrder[i] as { low: number; high: number };
      const total = intervals.totalOrder[i] as { low: number; high: number };
      expect(first.low).toBeLessThanOrEqual(e.firstOrder);
      expect(first.high).toBeGreaterThanOrEqual(e.firstOrder);
      expect(total.low).toBeLessThanOrEqual(e.totalOrder);
      expect(total.high).toBeGreaterThanOrEqual(e.totalOrder);
      expect(total.high - total.low).toBeLessThan(0.1);
    });
  });

  it("95 % bootstrap intervals cover the exact indices in about 95 % of seeded replications", () => {
    const replications = 60;
    let covered = 0;
    let checked = 0;
    for (let r = 0; r < replications; r++) {
      const random = createRandom(100 + r);
      const design = runSaltelliDesign(ishigami, 3, 1000, random);
      const intervals = sobolBootstrap(design, 200, 0.95, random);
      for (let i = 0; i < 3; i++) {
        const first = intervals.firstOrder[i] as { low: number; high: number };
        const total = intervals.totalOrder[i] as { low: number; high: number };
        const s = truth.exact.first_order[i] as number;
        const st = truth.exact.total_order[i] as number;
        covered +=
          Number(first.low <= s && s <= first.high) + Number(total.low <= st && st <= total.high);
        checked += 2;
      }
    }
    // 360 intervals: a coverage of 0.95 gives 342 ± 4; 0.88 is well below chance.
    expect(covered / checked).toBeGreaterThan(0.88);
    expect(covered / checked).toBeLessThan(0.995);
  });

  it("the same seed gives the same design, another seed another", () => {
    const one = runSaltelliDesign(ishigami, 3, 50, createRandom(9));
    const again = runSaltelliDesign(ishigami, 3, 50, createRandom(9));
    const other = runSaltelliDesign(ishigami, 3, 50, createRandom(10));
    expect(Array.from(again.yA)).toEqual(Array.from(one.yA));
    expect(Array.from(other.yA)).not.toEqual(Array.from(one.yA));
  });

  it("a constant output has indices 0, and estimates are clipped to [0, 1]", () => {
    const flat = runSaltelliDesign(() => 3, 2, 20, createRandom(1));
    expect(sobolEstimates(flat)).toEqual([
      { firstOrder: 0, totalOrder: 0 },
      { firstOrder: 0, totalOrder: 0 },
    ]);
    expect([clip01(-0.04), clip01(0.5), clip01(1.2)]).toEqual([0, 0.5, 1]);
  });

  it("an additive function: the first order of each term is its share of the variance", () => {
    // f = u1 + 2 u2: Var = 1/12 + 4/12, S1 = 0.2, S2 = 0.8, no interaction (S = ST).
    const design = runSaltelliDesign(
      (u) => (u[0] as number) + 2 * (u[1] as number),
      2,
      20_000,
      createRandom(3),
    );
    const [s1, s2] = sobolEstimates(design);
    // The first-order estimator is noisy (standard error about 0.02 here), the total-order one is not.
    expect(Math.abs((s1?.firstOrder as number) - 0.2)).toBeLessThan(0.07);
    expect(Math.abs((s2?.firstOrder as number) - 0.8)).toBeLessThan(0.07);
    expect(Math.abs((s1?.totalOrder as number) - 0.2)).toBeLessThan(0.02);
    expect(Math.abs((s2?.totalOrder as number) - 0.8)).toBeLessThan(0.02);
  });
});
