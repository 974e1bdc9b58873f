/**
 * The audit's statistics against numpy/scipy (scripts/audit-fixture.py →
 * fixtures/audit/statistics.json, "matrix": a seeded matrix with a skewed, a redundant and
 * a conflicting column), to 1e-9, and a few hand-computed cases.
 */
import { expect, it, describe as suite } from "vitest";
import {
  correlationMatrix,
  cronbachAlpha,
  flaggedPairs,
  pearson,
  REDUNDANT_ABOVE,
} from "../../src/audit/correlation.js";
import { symmetricEigenvalues, varianceShares } from "../../src/audit/eigen.js";
import { leaveOneOut, ranksOf, weightsWithout } from "../../src/audit/leave-one-out.js";
import { describe, isOutlierCandidate } from "../../src/audit/statistics.js";
import { zScores } from "../../src/composite/normalise.js";
import { close, closeStatistics, fixture, type Statistics, type Structure } from "./helpers.js";

interface MatrixCase extends Structure {
  raw: number[][];
  better: Array<"higher" | "lower">;
  weights: number[];
  normalised: number[][];
  indicators: Statistics[];
  reference_ranks_arithmetic: number[];
  reference_ranks_geometric: number[];
  leave_one_out_arithmetic: Array<{ mean_abs_rank_change: number; ranks: number[] }>;
  leave_one_out_geometric: Array<{ mean_abs_rank_change: number; ranks: number[] }>;
}

const truth = fixture<{ matrix: MatrixCase }>("statistics.json").matrix;
const k = truth.better.length;
const column = (rows: number[][], j: number) => rows.map((r) => r[j] as number);
const columns = Array.from({ length: k }, (_, j) =>
  zScores(column(truth.raw, j), truth.better[j] as "higher" | "lower"),
);
const ids = ["a", "skewed", "copy", "against", "other"];

suite("indicator statistics (Excel SKEW/KURT, COINr's rule)", () => {
  it("match scipy's skew and kurtosis (bias=False) and numpy's mean, sd, min, max", () => {
    truth.indicators.forEach((expected, j) => {
      closeStatistics(describe(column(truth.raw, j)), expected, `column ${j}`);
    });
  });

  it("flag the lognormal column for treatment, and only it", () => {
    expect(truth.indicators.map((s) => s.outlier_flag)).toEqual([false, true, false, false, false]);
    expect(describe(column(truth.raw, 1)).outlierFlag).toBe(true);
  });

  it("a hand-computed case: 1, 2, 3, 4, 10", () => {
    // mean 4, s² = 50/4; Σ(x − 4)³ = 180, Σ(x − 4)⁴ = 1394.
    const s = Math.sqrt(12.5);
    const stats = describe([1, 2, 3, 4, 10]);
    close(stats.skewness, (5 / 12) * (180 / s ** 3));
    close(stats.kurtosis, ((5 * 6) / (4 * 3 * 2)) * (1394 / s ** 4) - (3 * 16) / (3 * 2));
    close(stats.kurtosis, 3.152);
    expect(stats).toMatchObject({ n: 5, mean: 4, min: 1, max: 10, outlierFlag: false });
  });

  it("leave skewness and kurtosis undefined where they are (too few values, constant)", () => {
    expect(describe([1, 2]).skewness).toBeNull();
    expect(describe([1, 2, 3]).kurtosis).toBeNull();
    expect(describe([5, 5, 5, 5]).skewness).toBeNull();
    expect(describe([5, 5, 5, 5]).sd).toBe(0);
  });

  it("the rule needs both conditions, strictly", () => {
    expect(isOutlierCandidate(2.5, 4)).toBe(true);
    expect(isOutlierCandidate(-2.5, 4)).toBe(true);
    expect(isOutlierCandidate(2.5, 3.5)).toBe(false);
    expect(isOutlierCandidate(2, 10)).toBe(false);
    expect(isOutlierCandidate(null, 10)).toBe(false);
  });
});

suite("correlations, alpha and principal components", () => {
  it("z-scores with the direction applied equal numpy's", () => {
    columns.forEach((col, j) => {
      col.forEach((z, i) => {
        close(z, truth.normalised[i]?.[j] as number, `z[${i}][${j}]`);
      });
    });
  });

  it("the Pearson matrix equals np.corrcoef", () => {
    const matrix = correlationMatrix(columns);
    matrix.forEach((row, a) => {
      row.forEach((r, b) => {
        close(r, truth.correlation[a]?.[b] as number, `r[${a}][${b}]`);
      });
    });
  });

  it("flags r > 0.9 as redundant and r < 0 as conflicting", () => {
    const matrix = correlationMatrix(columns);
    const expected: Array<{ a: string; b: string; flag: string }> = [];
    for (let a = 0; a < k; a++) {
      for (let b = a + 1; b < k; b++) {
        const r = truth.correlation[a]?.[b] as number;
        if (r > REDUNDANT_ABOVE)
          expected.push({ a: ids[a] as string, b: ids[b] as string, flag: "redundant" });
        else if (r < 0)
          expected.push({ a: ids[a] as string, b: ids[b] as string, flag: "conflicting" });
      }
    }
    const flagged = flaggedPairs(ids, matrix).map(({ a, b, flag }) => ({ a, b, flag }));
    expect(flagged).toEqual(expected);
    expect(flagged).toContainEqual({ a: "a", b: "copy", flag: "redundant" });
    expect(flagged).toContainEqual({ a: "a", b: "against", flag: "conflicting" });
  });

  it("Cronbach's alpha equals numpy's", () => {
    close(cronbachAlpha(columns), truth.cronbach_alpha, "alpha");
  });

  it("variance shares equal np.linalg.eigvalsh of the correlation matrix / k", () => {
    const shares = varianceShares(correlationMatrix(columns));
    expect(shares).toHaveLength(k);
    shares.forEach((s, i) => {
      close(s, truth.variance_share[i] as number, `PC${i + 1}`);
    });
  });

  it("Jacobi on hand cases: [[2, 1], [1, 2]] has 3 and 1; a diagonal matrix its diagonal", () => {
    const two = symmetricEigenvalues([
      [2, 1],
      [1, 2],
    ]);
    close(two[0], 3);
    close(two[1], 1);
    expect(
      symmetricEigenvalues([
        [1, 0, 0],
        [0, 5, 0],
        [0, 0, 3],
      ]),
    ).toEqual([5, 3, 1]);
    // [[4, 1, 0], [1, 4, 1], [0, 1, 4]]: 4 + √2, 4, 4 − √2.
    const tri = symmetricEigenvalues([
      [4, 1, 0],
      [1, 4, 1],
      [0, 1, 4],
    ]);
    [4 + Math.SQRT2, 4, 4 - Math.SQRT2].forEach((v, i) => {
      close(tri[i], v);
    });
  });

  it("an undefined correlation (a constant column) is null, and alpha undefined without variance", () => {
    expect(pearson([1, 2, 3], [4, 4, 4])).toBeNull();
    expect(
      correlationMatrix([
        [1, 2, 3],
        [4, 4, 4],
      ]),
    ).toEqual([
      [1, null],
      [null, 1],
    ]);
    expect(
      cronbachAlpha([
        [1, 2, 3],
        [-1, -2, -3],
      ]),
    ).toBeNull();
  });
});

suite("leave one indicator out", () => {
  const unitIds = truth.raw.map((_, i) => `u${String(i).padStart(2, "0")}`);
  const rows = truth.raw.map((_, i) => columns.map((c) => c[i] as number));

  for (const aggregation of [
    { type: "arithmetic" as const },
    { type: "geometric" as const, shift: 4 },
  ]) {
    it(`ranks and mean absolute rank change equal numpy's (${aggregation.type})`, () => {
      const expected =
        aggregation.type === "arithmetic"
          ? truth.leave_one_out_arithmetic
          : truth.leave_one_out_geometric;
      const reference =
        aggregation.type === "arithmetic"
          ? truth.reference_ranks_arithmetic
          : truth.reference_ranks_geometric;
      const loo = leaveOneOut(ids, { unitIds, rows, ranks: reference }, truth.weights, aggregation);
      expect(loo).toHaveLength(k);
      loo.forEach((l, j) => {
        const e = expected[j] as (typeof expected)[number];
        expect(unitIds.map((id) => l.ranks[id])).toEqual(e.ranks);
        close(l.meanAbsRankChange, e.mean_abs_rank_change, `${l.indicator}`);
      });
    });
  }

  it("rescales the remaining weights to sum to 1", () => {
    expect(weightsWithout([0.5, 0.25, 0.25], 0)).toEqual([0.5, 0.5]);
    const w = weightsWithout(truth.weights, 3);
    close(
      w.reduce((s, x) => s + x, 0),
      1,
    );
  });

  it("shares places as the index does (competition ranking)", () => {
    expect(ranksOf(["a", "b", "c", "d"], [3, 2, 2, 1])).toEqual([1, 2, 2, 4]);
  });
});
