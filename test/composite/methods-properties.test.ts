/** Properties of the issue-15 method choices that hold for any data (fast-check). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregate } from "../../src/composite/aggregate.js";
import { bodScores } from "../../src/composite/bod.js";
import { copelandScores } from "../../src/composite/copeland.js";
import { treatIndicator } from "../../src/composite/treat.js";
import { loadLpSolver } from "../../src/pipeline/index/lp.js";

const value = fc.double({ min: 0.01, max: 100, noNaN: true });
const weight = fc.double({ min: 0.05, max: 1, noNaN: true });
const profileArb = fc.integer({ min: 2, max: 6 }).chain((k) =>
  fc.record({
    values: fc.array(value, { minLength: k, maxLength: k }),
    weights: fc.array(weight, { minLength: k, maxLength: k }),
  }),
);

describe("means", () => {
  it("harmonic ≤ geometric ≤ arithmetic, and the generalised mean grows with its power", () => {
    fc.assert(
      fc.property(profileArb, ({ values, weights }) => {
        const h = aggregate(values, weights, { type: "harmonic", shift: 0 });
        const g = aggregate(values, weights, { type: "geometric", shift: 0 });
        const a = aggregate(values, weights, { type: "arithmetic" });
        const eps = 1e-9 * Math.max(...values);
        expect(h).toBeLessThanOrEqual(g + eps);
        expect(g).toBeLessThanOrEqual(a + eps);
        const p1 = aggregate(values, weights, { type: "generalised", power: 1, shift: 0 });
        const pm1 = aggregate(values, weights, { type: "generalised", power: -1, shift: 0 });
        const p2 = aggregate(values, weights, { type: "generalised", power: 2, shift: 0 });
        expect(Math.abs(p1 - a)).toBeLessThanOrEqual(eps);
        expect(Math.abs(pm1 - h)).toBeLessThanOrEqual(eps);
        expect(a).toBeLessThanOrEqual(p2 + eps);
        expect(Math.min(...values) - eps).toBeLessThanOrEqual(h);
        expect(p2).toBeLessThanOrEqual(Math.max(...values) + eps);
      }),
    );
  });
});

const matrixArb = fc.integer({ min: 2, max: 5 }).chain((k) =>
  fc.record({
    rows: fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: k, maxLength: k }), {
      minLength: 2,
      maxLength: 12,
    }),
    weights: fc.array(weight, { minLength: k, maxLength: k }),
  }),
);

describe("Copeland", () => {
  it("is unchanged by any increasing transformation of an indicator, and sums to 0", () => {
    fc.assert(
      fc.property(matrixArb, fc.integer({ min: 0, max: 4 }), ({ rows, weights }, pick) => {
        const k = weights.length;
        const j = pick % k;
        const transforms = [
          (x: number) => Math.exp(x / 3),
          (x: number) => x ** 3 + 7,
          (x: number) => Math.log1p(x) * 100,
        ];
        const f = transforms[pick % transforms.length] as (x: number) => number;
        const transformed = rows.map((r) => r.map((v, m) => (m === j ? f(v) : v)));
        const before = copelandScores(rows, weights);
        expect(copelandScores(transformed, weights)).toEqual(before);
        expect(before.reduce((a, b) => a + b, 0)).toBe(0);
      }),
    );
  });
});

describe("benefit of the doubt", async () => {
  const solve = await loadLpSolver();
  it("scores each unit at least its equal-weights score relative to the best, and at most 1", () => {
    fc.assert(
      fc.property(
        matrixArb.filter(({ rows }) => rows.some((r) => r.some((v) => v > 0))),
        // Bounds a hair apart (1e-9) are ill-conditioned for the solver; real bounds are not.
        fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 0.2, noNaN: true })),
        ({ rows, weights }, slack) => {
          const k = weights.length;
          const lower = Math.max(0, 1 / k - slack);
          const upper = Math.min(1, 1 / k + slack);
          const result = bodScores(rows, lower, upper, solve);
          if (typeof result === "string") throw new Error(result);
          const equal = rows.map((r) => r.reduce((a, b) => a + b, 0) / k);
          const best = Math.max(...equal);
          result.scores.forEach((s, i) => {
            expect(s).toBeGreaterThanOrEqual((equal[i] as number) / best - 1e-9);
            expect(s).toBeLessThanOrEqual(1 + 1e-9);
          });
          expect(Math.max(...result.scores)).toBeCloseTo(1, 9);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("outlier treatment", () => {
  it("keeps the order of the values, and marks exactly the values it changed", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 5, maxLength: 40 }),
        fc.array(fc.double({ min: 50, max: 1000, noNaN: true }), { minLength: 0, maxLength: 3 }),
        fc.integer({ min: 0, max: 6 }),
        (body, outliers, winmax) => {
          const values = [...body, ...outliers];
          const t = treatIndicator(values, { winsoriseMax: winmax, skewness: 2, kurtosis: 3.5 });
          for (let a = 0; a < values.length; a++) {
            for (let b = 0; b < values.length; b++) {
              if ((values[a] as number) < (values[b] as number)) {
                expect(t.values[a] as number).toBeLessThanOrEqual(t.values[b] as number);
              }
            }
          }
          if (t.method === "winsorised") {
            for (const [i, m] of t.marks.entries())
              expect(m !== null).toBe(t.values[i] !== values[i]);
          }
          if (t.method === "none") expect(t.values).toEqual(values);
        },
      ),
    );
  });
});
