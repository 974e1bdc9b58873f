import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  fitLeastSquares,
  fitOls,
  inverseGramDiagonal,
  RankDeficientError,
} from "../../src/benchmark/ols.js";

describe("fitOls on a hand-computed line", () => {
  // y = 1, 2, 2, 4 on x = 0, 1, 2, 3: Sxx = 5, Sxy = 4.5, slope 0.9, intercept 0.9,
  // residuals 0.1, 0.2, −0.7, 0.4, RSS 0.7, SST 4.75.
  const fit = fitOls({ covariates: [[0], [1], [2], [3]], outcome: [1, 2, 2, 4] });

  it("finds the coefficients and residuals", () => {
    expect(fit.coefficients[0]?.estimate).toBeCloseTo(0.9, 14);
    expect(fit.coefficients[1]?.estimate).toBeCloseTo(0.9, 14);
    fit.residuals.forEach((e, i) => {
      expect(e).toBeCloseTo([0.1, 0.2, -0.7, 0.4][i] as number, 14);
    });
  });

  it("reports the summary statistics of summary.lm", () => {
    expect(fit.n).toBe(4);
    expect(fit.k).toBe(2);
    expect(fit.df).toBe(2);
    expect(fit.sigma).toBeCloseTo(Math.sqrt(0.35), 14);
    expect(fit.r2).toBeCloseTo(1 - 0.7 / 4.75, 14);
    expect(fit.adjR2).toBeCloseTo(1 - ((0.7 / 4.75) * 3) / 2, 14);
    // SE(slope) = σ/√Sxx; SE(intercept) = σ·√(1/n + x̄²/Sxx).
    expect(fit.coefficients[1]?.stdError).toBeCloseTo(Math.sqrt(0.07), 14);
    expect(fit.coefficients[0]?.stdError).toBeCloseTo(Math.sqrt(0.35 * (0.25 + 2.25 / 5)), 14);
    // t = 0.9/√0.07 = 3.4017 on 2 df: p = 1 − x/√(x²+2) twice-tailed closed form for df 2.
    const t = 0.9 / Math.sqrt(0.07);
    expect(fit.coefficients[1]?.p).toBeCloseTo(1 - t / Math.sqrt(t * t + 2), 12);
  });

  it("gives leverages that sum to k", () => {
    expect(fit.leverage.reduce((s, h) => s + h, 0)).toBeCloseTo(2, 12);
    // h_ii = 1/n + (x − x̄)²/Sxx
    expect(fit.leverage[0]).toBeCloseTo(0.25 + 2.25 / 5, 14);
  });
});

describe("fitOls with weights", () => {
  it("equals OLS on replicated rows for integer weights (coefficients)", () => {
    const weighted = fitOls({
      covariates: [[0], [1], [2]],
      outcome: [1, 3, 2],
      weights: [2, 1, 1],
    });
    const replicated = fitOls({ covariates: [[0], [0], [1], [2]], outcome: [1, 1, 3, 2] });
    expect(weighted.coefficients[0]?.estimate).toBeCloseTo(
      replicated.coefficients[0]?.estimate ?? 0,
      13,
    );
    expect(weighted.coefficients[1]?.estimate).toBeCloseTo(
      replicated.coefficients[1]?.estimate ?? 0,
      13,
    );
  });

  it("is unchanged in coefficients when all weights are scaled", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 100, noNaN: true }), (scale) => {
        const a = fitOls({
          covariates: [[0], [1], [2], [4]],
          outcome: [1, 3, 2, 7],
          weights: [1, 2, 3, 4],
        });
        const b = fitOls({
          covariates: [[0], [1], [2], [4]],
          outcome: [1, 3, 2, 7],
          weights: [1, 2, 3, 4].map((w) => w * scale),
        });
        return (
          Math.abs((a.coefficients[1]?.estimate ?? 0) - (b.coefficients[1]?.estimate ?? 0)) < 1e-10
        );
      }),
    );
  });
});

describe("fitOls properties", () => {
  it("reproduces an exact linear relation and its residuals sum to zero", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 })), {
          minLength: 6,
          maxLength: 30,
        }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        (points, noise) => {
          const xs = points.map(([a, b]) => [a, b]);
          const distinct =
            new Set(points.map(([a]) => a)).size > 2 && new Set(points.map(([, b]) => b)).size > 2;
          fc.pre(distinct);
          const ys = points.map(
            ([a, b], i) => 2 + 0.5 * a - 3 * b + (i % 2 === 0 ? noise : -noise),
          );
          try {
            const fit = fitOls({ covariates: xs, outcome: ys });
            const sum = fit.residuals.reduce((s, e) => s + e, 0);
            return Math.abs(sum) < 1e-8 * (1 + Math.abs(noise) * ys.length);
          } catch (e) {
            return e instanceof RankDeficientError;
          }
        },
      ),
    );
  });

  it("refuses collinear covariates", () => {
    expect(() =>
      fitOls({
        covariates: [
          [1, 2],
          [2, 4],
          [3, 6],
          [4, 8],
        ],
        outcome: [1, 2, 3, 5],
      }),
    ).toThrow(RankDeficientError);
    expect(() => fitOls({ covariates: [[7], [7], [7]], outcome: [1, 2, 3] })).toThrow(
      RankDeficientError,
    );
  });
});

describe("inverseGramDiagonal", () => {
  it("is the diagonal of R⁻¹R⁻ᵀ", () => {
    // R = [[2, 1], [0, 4]] → R⁻¹ = [[0.5, −0.125], [0, 0.25]]
    const d = inverseGramDiagonal([
      [2, 1],
      [0, 4],
    ]);
    expect(d[0]).toBeCloseTo(0.25 + 0.015625, 15);
    expect(d[1]).toBeCloseTo(0.0625, 15);
  });
});

describe("fitOls against numpy's SVD least squares at 3,000 rows", () => {
  // fixtures/benchmark/lstsq-3000.json, made by scripts/benchmark-lstsq-fixture.py on this
  // design (integer MINSTD steps, so Python and JavaScript build the same doubles).
  interface Truth {
    n: number;
    k: number;
    estimate: number[];
    std_error: number[];
    t: number[];
    p: number[];
    r2: number;
    adj_r2: number;
    sigma: number;
    leverage_first: number[];
    residuals_first: number[];
  }
  const truth = JSON.parse(readFileSync("fixtures/benchmark/lstsq-3000.json", "utf8")) as Record<
    "ols" | "wls",
    Truth
  >;
  const M = 2147483647;
  const MULTIPLIERS = [16807, 69621, 39373, 40692, 41358, 48271];
  const u = (i: number, s: number) =>
    (((((i + 1) * (MULTIPLIERS[s - 1] as number)) % M) * 48271) % M) / M;
  const covariates: number[][] = [];
  const outcome: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < 3000; i++) {
    const x = [220000 + 150000 * u(i, 1), 20 + 40 * u(i, 2), 3 + 5 * u(i, 3), 3 + 25 * u(i, 4)];
    const [x0, x1, x2, x3] = x as [number, number, number, number];
    covariates.push(x);
    outcome.push(14 - x0 / 50000 - 0.05 * x1 + 0.2 * x2 + 0.08 * x3 + 30 * (u(i, 5) - 0.5));
    weights.push(8000 + 200000 * u(i, 6));
  }
  const meanWeight = weights.reduce((s, w) => s + w, 0) / weights.length;
  const close = (actual: number | undefined, expected: number, relative: number) =>
    expect(Math.abs((actual as number) - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(
      relative * Math.abs(expected),
    );

  for (const kind of ["ols", "wls"] as const) {
    it(`${kind}: coefficients, standard errors, t, p, R², σ and leverages agree to 1e-9`, () => {
      const t = truth[kind];
      const fit = fitOls({
        covariates,
        outcome,
        ...(kind === "wls" ? { weights: weights.map((w) => w / meanWeight) } : {}),
      });
      expect(fit.n).toBe(t.n);
      expect(fit.k).toBe(t.k);
      fit.coefficients.forEach((c, j) => {
        close(c.estimate, t.estimate[j] as number, 1e-9);
        close(c.stdError, t.std_error[j] as number, 1e-9);
        close(c.t, t.t[j] as number, 1e-9);
        close(c.p, t.p[j] as number, 1e-9);
      });
      close(fit.r2, t.r2, 1e-9);
      close(fit.adjR2, t.adj_r2, 1e-9);
      close(fit.sigma, t.sigma, 1e-9);
      t.leverage_first.forEach((h, i) => {
        close(fit.leverage[i], h, 1e-9);
      });
      t.residuals_first.forEach((e, i) => {
        close(fit.residuals[i], e, 1e-9);
      });
    });

    it(`${kind}: the flat API (fitLeastSquares) agrees to 1e-9 as well`, () => {
      const t = truth[kind];
      const n = covariates.length;
      const flat = new Float64Array(n * 4);
      covariates.forEach((row, i) => {
        row.forEach((v, c) => {
          flat[c * n + i] = v;
        });
      });
      const fit = fitLeastSquares({
        covariates: flat,
        outcome: Float64Array.from(outcome),
        ...(kind === "wls" ? { weights: Float64Array.from(weights, (w) => w / meanWeight) } : {}),
      });
      expect(fit.n).toBe(t.n);
      expect(fit.k).toBe(t.k);
      for (let j = 0; j < fit.k; j++) {
        close(fit.estimate[j], t.estimate[j] as number, 1e-9);
        close(fit.stdError[j], t.std_error[j] as number, 1e-9);
        close(fit.t[j], t.t[j] as number, 1e-9);
        close(fit.p[j], t.p[j] as number, 1e-9);
      }
      close(fit.r2, t.r2, 1e-9);
      close(fit.adjR2, t.adj_r2, 1e-9);
      close(fit.sigma, t.sigma, 1e-9);
      t.leverage_first.forEach((h, i) => {
        close(fit.leverage[i], h, 1e-9);
      });
      t.residuals_first.forEach((e, i) => {
        close(fit.residuals[i], e, 1e-9);
        close(fit.fitted[i], (outcome[i] as number) - e, 1e-9);
      });
    });
  }
});
