/**
 * The flat kernel (`fitLeastSquares`) and its adapter (`fitOls`) against the column-by-column
 * implementation they replaced (test/benchmark/ols-reference.ts): bit for bit, so model
 * mode's outputs do not move; and the leverages' defining property, Σh = k.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  fitLeastSquares,
  fitOls,
  leastSquaresWorkspace,
  type OlsFit,
  RankDeficientError,
  solveLeastSquares,
} from "../../src/benchmark/ols.js";
import { fitOlsReference } from "./ols-reference.js";

/** A well-conditioned random design: m covariates on mixed scales, an outcome, weights. */
const problem = fc
  .record({
    n: fc.integer({ min: 10, max: 300 }),
    m: fc.integer({ min: 0, max: 7 }),
    seed: fc.integer({ min: 1, max: 2 ** 31 - 2 }),
    weighted: fc.boolean(),
  })
  .map(({ n, m, seed, weighted }) => {
    let state = seed;
    const u = () => {
      state = (state * 48271) % 2147483647;
      return state / 2147483647;
    };
    const scales = Array.from({ length: m }, (_, c) => 10 ** ((c * 5) % 6) * (c % 2 ? -1 : 1));
    const covariates = Array.from({ length: n }, () => scales.map((s) => s * (u() + 0.5 * u())));
    const outcome = covariates.map(
      (row) => 3 + row.reduce((s, x, c) => s + x / (scales[c] as number), 0) + 2 * (u() - 0.5),
    );
    const weights = weighted ? covariates.map(() => 0.1 + 3 * u()) : undefined;
    return { covariates, outcome, weights };
  });

function flat(covariates: number[][], n: number): Float64Array {
  const m = covariates[0]?.length ?? 0;
  const x = new Float64Array(n * m);
  covariates.forEach((row, i) => {
    row.forEach((v, c) => {
      x[c * n + i] = v;
    });
  });
  return x;
}

/** Every number of the fit, in a fixed order, for Object.is comparisons. */
function numbers(fit: OlsFit): number[] {
  return [
    fit.n,
    fit.k,
    fit.r2,
    fit.adjR2,
    fit.sigma,
    fit.df,
    ...fit.coefficients.flatMap((c) => [c.estimate, c.stdError, c.t, c.p]),
    ...fit.fitted,
    ...fit.residuals,
    ...fit.leverage,
  ];
}

const bitsEqual = (a: number[], b: number[]) =>
  a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

describe("the flat least-squares kernel", () => {
  it("equals the column-by-column implementation bit for bit (fitOls)", () => {
    fc.assert(
      fc.property(problem, ({ covariates, outcome, weights }) => {
        const input = { covariates, outcome, ...(weights ? { weights } : {}) };
        let expected: number[];
        try {
          expected = numbers(fitOlsReference(input));
        } catch {
          expect(() => fitOls(input)).toThrow(RankDeficientError);
          return;
        }
        expect(bitsEqual(numbers(fitOls(input)), expected)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("gives fitOls's numbers from flat typed arrays, and leverages that sum to k", () => {
    fc.assert(
      fc.property(problem, ({ covariates, outcome, weights }) => {
        const n = outcome.length;
        const fit = fitLeastSquares({
          covariates: flat(covariates, n),
          outcome: Float64Array.from(outcome),
          ...(weights ? { weights: Float64Array.from(weights) } : {}),
        });
        const adapted = fitOls({ covariates, outcome, ...(weights ? { weights } : {}) });
        expect(fit.k).toBe(adapted.k);
        expect(
          bitsEqual(
            [...fit.estimate],
            adapted.coefficients.map((c) => c.estimate),
          ),
        ).toBe(true);
        expect(
          bitsEqual(
            [...fit.stdError],
            adapted.coefficients.map((c) => c.stdError),
          ),
        ).toBe(true);
        expect(
          bitsEqual(
            [...fit.p],
            adapted.coefficients.map((c) => c.p),
          ),
        ).toBe(true);
        expect(bitsEqual([...fit.fitted], adapted.fitted)).toBe(true);
        expect(bitsEqual([...fit.residuals], adapted.residuals)).toBe(true);
        expect(bitsEqual([...fit.leverage], adapted.leverage)).toBe(true);
        const trace = fit.leverage.reduce((s, h) => s + h, 0);
        expect(Math.abs(trace - fit.k)).toBeLessThan(1e-9 * fit.k);
        for (const h of fit.leverage) {
          expect(h).toBeGreaterThanOrEqual(0);
          expect(h).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("gives the bootstrap's coefficients (solveLeastSquares) bit for bit", () => {
    fc.assert(
      fc.property(problem, ({ covariates, outcome }) => {
        const n = outcome.length;
        const p = (covariates[0]?.length ?? 0) + 1;
        const ws = leastSquaresWorkspace(n, p);
        ws.a.fill(1, 0, n);
        ws.a.set(flat(covariates, n), n);
        ws.y.set(outcome);
        let fit: ReturnType<typeof fitLeastSquares>;
        try {
          fit = fitLeastSquares({
            covariates: flat(covariates, n),
            outcome: Float64Array.from(outcome),
          });
        } catch (error) {
          expect(error).toBeInstanceOf(RankDeficientError);
          expect(solveLeastSquares(ws)).toBe(false);
          return;
        }
        expect(solveLeastSquares(ws)).toBe(true);
        expect(bitsEqual([...ws.beta], [...fit.estimate])).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("checks its arguments", () => {
    const outcome = Float64Array.of(1, 2, 3, 5);
    expect(() => fitLeastSquares({ covariates: new Float64Array(5), outcome })).toThrow(/columns/);
    expect(() =>
      fitLeastSquares({ covariates: new Float64Array(4), outcome, weights: new Float64Array(3) }),
    ).toThrow(/weights/);
    expect(() => fitLeastSquares({ covariates: new Float64Array(12), outcome })).toThrow(
      /more observations/,
    );
    expect(() =>
      fitLeastSquares({ covariates: Float64Array.of(1, 2, 3, 4, 2, 4, 6, 8), outcome }),
    ).toThrow(RankDeficientError);
  });
});
