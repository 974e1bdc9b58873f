import { describe, expect, it } from "vitest";
import { fitOls, leastSquaresWorkspace, solveLeastSquares } from "../../src/benchmark/ols.js";
import { createRandom } from "../../src/uncertainty/random.js";

function load(x: number[][], y: number[]) {
  const n = y.length;
  const p = (x[0]?.length ?? 0) + 1;
  const ws = leastSquaresWorkspace(n, p);
  x.forEach((row, i) => {
    ws.a[i] = 1;
    row.forEach((v, c) => {
      ws.a[(c + 1) * n + i] = v;
    });
    ws.y[i] = y[i] as number;
  });
  return ws;
}

describe("lean least squares (Householder QR)", () => {
  it("gives the coefficients of src/benchmark/ols.ts (R lm) to 1e-10", () => {
    const random = createRandom(4);
    for (let trial = 0; trial < 20; trial++) {
      const n = 30 + trial;
      const x = Array.from({ length: n }, () => [
        random.normal() * 5,
        random.uniform() * 100,
        random.normal(),
      ]);
      const y = x.map(
        (r) => 2 + 0.3 * (r[0] as number) - 0.05 * (r[1] as number) + random.normal(),
      );
      const ws = load(x, y);
      expect(solveLeastSquares(ws)).toBe(true);
      const reference = fitOls({ covariates: x, outcome: y }).coefficients.map((c) => c.estimate);
      reference.forEach((b, j) => {
        expect(Math.abs((ws.beta[j] as number) - b)).toBeLessThan(1e-10 * Math.max(1, Math.abs(b)));
      });
    }
  });

  it("fits an exact line exactly", () => {
    const x = [[0], [1], [2], [3]];
    const ws = load(x, [1, 3, 5, 7]);
    expect(solveLeastSquares(ws)).toBe(true);
    expect(ws.beta[0]).toBeCloseTo(1, 12);
    expect(ws.beta[1]).toBeCloseTo(2, 12);
  });

  it("reports a constant or collinear covariate instead of solving", () => {
    expect(solveLeastSquares(load([[1], [1], [1], [1]], [1, 2, 3, 4]))).toBe(false);
    expect(
      solveLeastSquares(
        load(
          [
            [1, 2],
            [2, 4],
            [3, 6],
            [5, 10],
          ],
          [1, 2, 3, 4],
        ),
      ),
    ).toBe(false);
  });
});
