/**
 * Ordinary (and weighted) least squares with an intercept, solved by a Householder QR
 * decomposition of the design matrix. XᵀX is never formed or inverted: the coefficients come
 * from Rβ = Qᵀy, and the standard errors from the diagonal of (XᵀX)⁻¹ = R⁻¹R⁻ᵀ.
 * The statistics follow R's `summary.lm` so that fixtures made with `lm()` compare exactly.
 */
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import { Matrix, QrDecomposition } from "ml-matrix";

export interface OlsInput {
  /** One row per observation, without the intercept column (it is added here). */
  covariates: readonly (readonly number[])[];
  outcome: readonly number[];
  /** Analytic weights (WLS). Their scale does not change the coefficients, only `sigma`. */
  weights?: readonly number[];
}

export interface OlsCoefficient {
  estimate: number;
  stdError: number;
  t: number;
  /** Two-sided p value, Student t with n − k degrees of freedom. */
  p: number;
}

export interface OlsFit {
  n: number;
  /** Number of coefficients, the intercept included. */
  k: number;
  /** Intercept first, then one per covariate column. */
  coefficients: OlsCoefficient[];
  fitted: number[];
  /** outcome − fitted, unweighted (as R's `residuals(lm)`). */
  residuals: number[];
  /** Diagonal of the (weighted) hat matrix, for leave-one-out and prediction intervals. */
  leverage: number[];
  r2: number;
  adjR2: number;
  /** Residual standard error: sqrt(Σ w·e² / (n − k)). */
  sigma: number;
  df: number;
}

/** Thrown when the covariates are collinear (or constant): the model cannot be identified. */
export class RankDeficientError extends Error {
  constructor(readonly column: number) {
    super(`design matrix is rank deficient at column ${column}`);
    this.name = "RankDeficientError";
  }
}

/** Relative size below which a diagonal element of R counts as zero (as R's lm tolerance 1e-7). */
const RANK_TOLERANCE = 1e-7;

export function fitOls(input: OlsInput): OlsFit {
  const n = input.outcome.length;
  const k = (input.covariates[0]?.length ?? 0) + 1;
  if (input.covariates.length !== n) throw new Error("covariates and outcome differ in length");
  if (n <= k) throw new Error(`need more observations (${n}) than coefficients (${k})`);
  const weights = input.weights ?? new Array<number>(n).fill(1);
  // WLS is OLS on rows scaled by √w.
  const root = weights.map(Math.sqrt);
  const design = input.covariates.map((row, i) => [1, ...row].map((v) => v * at(root, i)));
  const scaledOutcome = input.outcome.map((y, i) => y * at(root, i));

  const qr = new QrDecomposition(new Matrix(design));
  const r = qr.upperTriangularMatrix.to2DArray();
  assertFullRank(r, design);
  const beta = qr.solve(Matrix.columnVector(scaledOutcome)).getColumn(0);

  const fitted = input.covariates.map((row) => dot([1, ...row], beta));
  const residuals = input.outcome.map((y, i) => y - at(fitted, i));
  const q = qr.orthogonalMatrix.to2DArray();
  const leverage = q.map((row) => row.reduce((s, v) => s + v * v, 0));

  const df = n - k;
  const rss = residuals.reduce((s, e, i) => s + at(weights, i) * e * e, 0);
  const sigma = Math.sqrt(rss / df);
  const unscaledVariance = inverseGramDiagonal(r);
  const coefficients = beta.map((estimate, j) => {
    const stdError = sigma * Math.sqrt(at(unscaledVariance, j));
    const t = estimate / stdError;
    return { estimate, stdError, t, p: 2 * tCdf(-Math.abs(t), df) };
  });
  const r2 = rSquared(fitted, rss, weights);
  return {
    n,
    k,
    coefficients,
    fitted,
    residuals,
    leverage,
    r2,
    adjR2: 1 - (1 - r2) * ((n - 1) / df),
    sigma,
    df,
  };
}

/** R² as summary.lm: explained over explained + residual, around the weighted mean of the fit. */
function rSquared(fitted: readonly number[], rss: number, weights: readonly number[]): number {
  const totalWeight = weights.reduce((s, w) => s + w, 0);
  const mean = fitted.reduce((s, f, i) => s + at(weights, i) * f, 0) / totalWeight;
  const mss = fitted.reduce((s, f, i) => s + at(weights, i) * (f - mean) ** 2, 0);
  return mss / (mss + rss);
}

/** diag((XᵀX)⁻¹) = diag(R⁻¹R⁻ᵀ): the squared row norms of R⁻¹ (R upper triangular). */
export function inverseGramDiagonal(r: readonly (readonly number[])[]): number[] {
  const k = r.length;
  const inv: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  // Back substitution, one column of R⁻¹ at a time.
  for (let col = 0; col < k; col++) {
    for (let i = col; i >= 0; i--) {
      let s = i === col ? 1 : 0;
      for (let j = i + 1; j <= col; j++) s -= cell(r, i, j) * cell(inv, j, col);
      (inv[i] as number[])[col] = s / cell(r, i, i);
    }
  }
  return inv.map((row) => row.reduce((s, v) => s + v * v, 0));
}

function assertFullRank(r: readonly (readonly number[])[], design: readonly number[][]): void {
  for (let j = 0; j < r.length; j++) {
    const columnNorm = Math.sqrt(design.reduce((s, row) => s + at(row, j) ** 2, 0));
    if (columnNorm === 0 || Math.abs(cell(r, j, j)) < RANK_TOLERANCE * columnNorm) {
      throw new RankDeficientError(j);
    }
  }
}

function dot(row: readonly number[], beta: readonly number[]): number {
  return row.reduce((s, v, j) => s + v * at(beta, j), 0);
}

function at(values: readonly number[], i: number): number {
  return values[i] as number;
}

function cell(m: readonly (readonly number[])[], i: number, j: number): number {
  return (m[i] as readonly number[])[j] as number;
}
