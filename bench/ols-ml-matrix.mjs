/**
 * The least-squares fit model mode used before src/benchmark/ols.ts moved to typed arrays:
 * ml-matrix's Householder QR on nested arrays, with the same outputs (coefficients, standard
 * errors, t, p, leverage, R², σ). Kept only so bench/fit.mjs can time the two side by side;
 * ml-matrix is a dev dependency for this file alone.
 */
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import { Matrix, QrDecomposition } from "ml-matrix";

const RANK_TOLERANCE = 1e-7;

export function fitOlsMlMatrix({ covariates, outcome, weights: given }) {
  const n = outcome.length;
  const k = (covariates[0]?.length ?? 0) + 1;
  const weights = given ?? new Array(n).fill(1);
  const root = weights.map(Math.sqrt);
  const design = covariates.map((row, i) => [1, ...row].map((v) => v * root[i]));
  const scaledOutcome = outcome.map((y, i) => y * root[i]);

  const qr = new QrDecomposition(new Matrix(design));
  const r = qr.upperTriangularMatrix.to2DArray();
  for (let j = 0; j < k; j++) {
    const columnNorm = Math.sqrt(design.reduce((s, row) => s + row[j] ** 2, 0));
    if (columnNorm === 0 || Math.abs(r[j][j]) < RANK_TOLERANCE * columnNorm) {
      throw new Error(`design matrix is rank deficient at column ${j}`);
    }
  }
  const beta = qr.solve(Matrix.columnVector(scaledOutcome)).getColumn(0);
  const fitted = covariates.map((row) => [1, ...row].reduce((s, v, j) => s + v * beta[j], 0));
  const residuals = outcome.map((y, i) => y - fitted[i]);
  const leverage = qr.orthogonalMatrix.to2DArray().map((row) => row.reduce((s, v) => s + v * v, 0));

  const df = n - k;
  const rss = residuals.reduce((s, e, i) => s + weights[i] * e * e, 0);
  const sigma = Math.sqrt(rss / df);
  const unscaled = inverseGramDiagonal(r);
  const coefficients = beta.map((estimate, j) => {
    const stdError = sigma * Math.sqrt(unscaled[j]);
    const t = estimate / stdError;
    return { estimate, stdError, t, p: 2 * tCdf(-Math.abs(t), df) };
  });
  const totalWeight = weights.reduce((s, w) => s + w, 0);
  const mean = fitted.reduce((s, f, i) => s + weights[i] * f, 0) / totalWeight;
  const mss = fitted.reduce((s, f, i) => s + weights[i] * (f - mean) ** 2, 0);
  const r2 = mss / (mss + rss);
  return { n, k, coefficients, fitted, residuals, leverage, r2, sigma, df };
}

function inverseGramDiagonal(r) {
  const k = r.length;
  const inv = Array.from({ length: k }, () => new Array(k).fill(0));
  for (let col = 0; col < k; col++) {
    for (let i = col; i >= 0; i--) {
      let s = i === col ? 1 : 0;
      for (let j = i + 1; j <= col; j++) s -= r[i][j] * inv[j][col];
      inv[i][col] = s / r[i][i];
    }
  }
  return inv.map((row) => row.reduce((s, v) => s + v * v, 0));
}
