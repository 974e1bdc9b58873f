/**
 * The method choices of issue 15 against independent values: numpy and scipy in
 * scripts/composite-methods-fixture.py (fixtures/composite/*.json), to 1e-9.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { aggregate } from "../../src/composite/aggregate.js";
import { bodScores, type LpSolve, polishVertex } from "../../src/composite/bod.js";
import { copelandScores } from "../../src/composite/copeland.js";
import { goalposts } from "../../src/composite/normalise.js";
import { correlationMatrix, pcaWeights, symmetricEigen } from "../../src/composite/pca.js";
import { kurtosis, skewness, treatIndicator } from "../../src/composite/treat.js";
import { loadLpSolver } from "../../src/pipeline/index/lp.js";

const fixture = (name: string) =>
  JSON.parse(readFileSync(`fixtures/composite/${name}.json`, "utf8"));

const TOLERANCE = 1e-9;

function expectClose(actual: readonly number[], expected: readonly number[], tol = TOLERANCE) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i] as number;
    expect(Math.abs(a - e), `at ${i}: ${a} vs ${e}`).toBeLessThanOrEqual(
      tol * Math.max(1, Math.abs(e)),
    );
  });
}

describe("aggregation against numpy", () => {
  const f = fixture("aggregation");
  const rows = f.values as number[][];
  const shift = f.shift as number;
  it("arithmetic, geometric, harmonic", () => {
    expectClose(
      rows.map((r) => aggregate(r, f.weights, { type: "arithmetic" })),
      f.arithmetic,
    );
    expectClose(
      rows.map((r) => aggregate(r, f.weights, { type: "geometric", shift })),
      f.geometric,
    );
    expectClose(
      rows.map((r) => aggregate(r, f.weights, { type: "harmonic", shift })),
      f.harmonic,
    );
  });
  it("generalised means of powers 2, −2, 0.5 and 3", () => {
    for (const [power, expected] of Object.entries(f.generalised as Record<string, number[]>)) {
      expectClose(
        rows.map((r) =>
          aggregate(r, f.weights, { type: "generalised", power: Number(power), shift }),
        ),
        expected,
      );
    }
  });
  it("Copeland scores of values with ties", () => {
    expect(copelandScores(f.copeland.values, f.copeland.weights)).toEqual(f.copeland.scores);
  });
  it("goalposts, both directions", () => {
    const posts = { lower: f.goalposts.lower, upper: f.goalposts.upper };
    expectClose(goalposts(f.goalposts.values, "higher", posts), f.goalposts.higher);
    expectClose(goalposts(f.goalposts.values, "lower", posts), f.goalposts.lower_better);
  });
});

describe("COINr's outlier treatment against numpy", () => {
  const cases = fixture("treatment") as Array<{
    name: string;
    winmax: number;
    values: number[];
    skewness: number;
    kurtosis: number;
    method: string;
    treated: number[];
    marks: Array<string | null>;
  }>;
  for (const t of cases) {
    it(`${t.name}, at most ${t.winmax} points: ${t.method}`, () => {
      expectClose([skewness(t.values)], [t.skewness]);
      expectClose([kurtosis(t.values)], [t.kurtosis]);
      const treated = treatIndicator(t.values, {
        winsoriseMax: t.winmax,
        skewness: 2,
        kurtosis: 3.5,
      });
      expect(treated.method).toBe(t.method);
      expectClose(treated.values, t.treated);
      expect(treated.marks).toEqual(t.marks);
    });
  }
  it("the fixture covers each outcome", () => {
    expect(new Set(cases.map((c) => c.method))).toEqual(new Set(["none", "winsorised", "log"]));
  });
});

describe("PCA weights against numpy's eigh", () => {
  const f = fixture("pca");
  const rows = f.values as number[][];
  const columns = rows[0]?.map((_, j) => rows.map((r) => r[j] as number)) ?? [];
  it("correlation matrix, eigenvalues and squared loadings", () => {
    const corr = correlationMatrix(columns);
    for (const [i, row] of corr.entries()) expectClose(row, f.correlation[i]);
    expectClose(symmetricEigen(corr).values, f.eigenvalues);
    const w = pcaWeights(columns);
    if (typeof w === "string") throw new Error(w);
    expectClose(w, f.weights);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
  it("refuses a constant indicator and equal leading components", () => {
    expect(
      pcaWeights([
        [1, 2, 3],
        [5, 5, 5],
      ]),
    ).toMatch(/vary/);
    // Two uncorrelated indicators: both components explain half.
    expect(
      pcaWeights([
        [1, -1, 1, -1],
        [1, 1, -1, -1],
      ]),
    ).toMatch(/not defined/);
  });
});

describe("benefit of the doubt against scipy (HiGHS) and every vertex", async () => {
  const solve = await loadLpSolver();
  for (const c of fixture("bod") as Array<{
    name: string;
    values: number[][];
    lower: number;
    upper: number;
    linprog: number[];
    vertices?: number[];
  }>) {
    it(`${c.name}: shares ${c.lower}–${c.upper}`, () => {
      const result = bodScores(c.values, c.lower, c.upper, solve);
      if (typeof result === "string") throw new Error(result);
      expectClose(result.scores, c.linprog);
      if (c.vertices !== undefined) expectClose(result.scores, c.vertices);
      for (const shares of result.shares) {
        expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        for (const s of shares) {
          expect(s).toBeGreaterThanOrEqual(c.lower - 1e-9);
          expect(s).toBeLessThanOrEqual(c.upper + 1e-9);
        }
      }
    });
  }
  it("the solver's rounded answer is polished to the exact vertex", () => {
    // max x + y s.t. x + 2y ≤ 1, 3x + y ≤ 1: the vertex (1/5, 2/5), objective 3/5.
    const lp = {
      objective: [1, 1],
      constraints: [
        { coefficients: [1, 2], max: 1 },
        { coefficients: [3, 1], max: 1 },
      ],
    };
    const exact = polishVertex(lp, [0.20000002, 0.39999998]);
    expectClose(exact ?? [], [0.2, 0.4], 1e-15);
  });
  it("refuses negative normalised values (z-scores)", () => {
    const never: LpSolve = () => ({ status: "infeasible" });
    expect(bodScores([[1, -0.5]], 0, 1, never)).toMatch(/needs normalised values ≥ 0/);
  });
});
