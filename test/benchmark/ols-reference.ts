/**
 * The least-squares fit as src/benchmark/ols.ts computed it before its kernel moved to
 * flat typed arrays with blocked reflections (commit 89f7135): one column, one reflection
 * at a time, the thin Q built column by column. The reference that `fitLeastSquares` and
 * `fitOls` must equal bit for bit (test/benchmark/ols-flat.test.ts), so that model mode's
 * goldens stay byte-identical.
 */
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import type { OlsFit, OlsInput } from "../../src/benchmark/ols.js";

const RANK_TOLERANCE = 1e-7;

interface LeastSquaresWorkspace {
  n: number;
  p: number;
  a: Float64Array;
  y: Float64Array;
  beta: Float64Array;
  diagonal: Float64Array;
}

function leastSquaresWorkspace(n: number, p: number): LeastSquaresWorkspace {
  return {
    n,
    p,
    a: new Float64Array(n * p),
    y: new Float64Array(n),
    beta: new Float64Array(p),
    diagonal: new Float64Array(p),
  };
}

export function fitOlsReference(input: OlsInput): OlsFit {
  const n = input.outcome.length;
  const k = (input.covariates[0]?.length ?? 0) + 1;
  if (input.covariates.length !== n) throw new Error("covariates and outcome differ in length");
  if (n <= k) throw new Error(`need more observations (${n}) than coefficients (${k})`);
  const weights = input.weights ?? new Array<number>(n).fill(1);
  const ws = leastSquaresWorkspace(n, k);
  loadWeighted(ws, input, weights);
  const deficient = decompose(ws);
  if (deficient >= 0) throw new Error(`rank deficient at column ${deficient}`);
  backSubstitute(ws);
  const beta = Array.from(ws.beta);

  // Typed arrays while computing (a holey `new Array(n)` sends every later pass down a
  // slow path); plain arrays in the result.
  const fitted = new Float64Array(n);
  const residuals = new Float64Array(n);
  let rss = 0;
  for (let i = 0; i < n; i++) {
    const row = input.covariates[i] as readonly number[];
    let f = beta[0] as number;
    for (let c = 1; c < k; c++) f += (row[c - 1] as number) * (beta[c] as number);
    const e = (input.outcome[i] as number) - f;
    fitted[i] = f;
    residuals[i] = e;
    rss += (weights[i] as number) * e * e;
  }

  const df = n - k;
  const sigma = Math.sqrt(rss / df);
  const unscaledVariance = inverseGramDiagonal(upperTriangle(ws));
  const coefficients = beta.map((estimate, j) => {
    const stdError = sigma * Math.sqrt(unscaledVariance[j] as number);
    const t = estimate / stdError;
    return { estimate, stdError, t, p: 2 * tCdf(-Math.abs(t), df) };
  });
  const r2 = rSquared(fitted, rss, weights);
  return {
    n,
    k,
    coefficients,
    fitted: Array.from(fitted),
    residuals: Array.from(residuals),
    leverage: leverages(ws),
    r2,
    adjR2: 1 - (1 - r2) * ((n - 1) / df),
    sigma,
    df,
  };
}

/** WLS is OLS on rows scaled by √w: the intercept column first, then the covariates. */
function loadWeighted(ws: LeastSquaresWorkspace, input: OlsInput, weights: readonly number[]) {
  const { n, p, a, y } = ws;
  for (let i = 0; i < n; i++) {
    const row = input.covariates[i] as readonly number[];
    const root = Math.sqrt(weights[i] as number);
    a[i] = root;
    for (let c = 1; c < p; c++) a[c * n + i] = root * (row[c - 1] as number);
    y[i] = root * (input.outcome[i] as number);
  }
}

/**
 * Householder QR of a in place, Qᵀ applied to y alongside. Returns the first column that is
 * (numerically) a combination of the earlier ones, or −1 when the design has full rank.
 */
function decompose(ws: LeastSquaresWorkspace): number {
  const { n, p, a, y, diagonal } = ws;
  for (let j = 0; j < p; j++) {
    const col = j * n;
    let squares = 0;
    for (let i = j; i < n; i++) squares += (a[col + i] as number) ** 2;
    let columnSquares = squares;
    for (let i = 0; i < j; i++) columnSquares += (a[col + i] as number) ** 2;
    const norm = Math.sqrt(squares);
    // The reflections keep the column's norm, so this compares |R_jj| with the column's.
    if (columnSquares === 0 || norm < RANK_TOLERANCE * Math.sqrt(columnSquares)) return j;
    // Reflect onto −sign(a_jj)·‖x‖·e₁ so that v = x − αe₁ does not cancel.
    const lead = a[col + j] as number;
    const alpha = lead > 0 ? -norm : norm;
    a[col + j] = lead - alpha;
    const vSquares = squares - lead * lead + (lead - alpha) ** 2;
    for (let c = j + 1; c < p; c++) reflect(a, col, j, n, vSquares, a, c * n);
    reflect(a, col, j, n, vSquares, y, 0);
    diagonal[j] = alpha;
  }
  return -1;
}

/** β from Rβ = Qᵀy after `decompose`. */
function backSubstitute(ws: LeastSquaresWorkspace): void {
  const { n, p, a, y, beta, diagonal } = ws;
  for (let j = p - 1; j >= 0; j--) {
    let s = y[j] as number;
    for (let c = j + 1; c < p; c++) s -= (a[c * n + j] as number) * (beta[c] as number);
    beta[j] = s / (diagonal[j] as number);
  }
}

/** target[from + i] −= 2 (v·target)/(v·v) · vᵢ for i ≥ j, v stored in a[col + j …]. */
function reflect(
  a: Float64Array,
  col: number,
  j: number,
  n: number,
  vSquares: number,
  target: Float64Array,
  from: number,
): void {
  let dot = 0;
  for (let i = j; i < n; i++) dot += (a[col + i] as number) * (target[from + i] as number);
  const f = (2 * dot) / vSquares;
  for (let i = j; i < n; i++) {
    target[from + i] = (target[from + i] as number) - f * (a[col + i] as number);
  }
}

/** R (p × p) from a decomposed workspace. */
function upperTriangle(ws: LeastSquaresWorkspace): number[][] {
  const { n, p, a, diagonal } = ws;
  return Array.from({ length: p }, (_, i) =>
    Array.from({ length: p }, (_, j) => {
      if (j < i) return 0;
      return j === i ? (diagonal[i] as number) : (a[j * n + i] as number);
    }),
  );
}

/**
 * hᵢ = ‖row i of the thin Q‖²: Q's columns are H₀H₁…H_{p−1} applied to e₀ … e_{p−1}, built
 * from the Householder vectors `decompose` left below R's diagonal.
 */
function leverages(ws: LeastSquaresWorkspace): number[] {
  const { n, p, a } = ws;
  const vSquares = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = j; i < n; i++) s += (a[j * n + i] as number) ** 2;
    vSquares[j] = s;
  }
  const q = new Float64Array(n * p);
  for (let c = 0; c < p; c++) {
    q[c * n + c] = 1;
    // Hⱼ leaves eₓ alone for j > c (its vector is zero above row j).
    for (let j = c; j >= 0; j--) reflect(a, j * n, j, n, vSquares[j] as number, q, c * n);
  }
  const leverage = new Float64Array(n);
  for (let c = 0; c < p; c++) {
    for (let i = 0; i < n; i++)
      leverage[i] = (leverage[i] as number) + (q[c * n + i] as number) ** 2;
  }
  return Array.from(leverage);
}

/** R² as summary.lm: explained over explained + residual, around the weighted mean of the fit. */
function rSquared(fitted: Float64Array, rss: number, weights: readonly number[]): number {
  // Loops in index order: the same sums, in the same order, as reduce would give.
  let totalWeight = 0;
  for (const w of weights) totalWeight += w;
  let weighted = 0;
  for (let i = 0; i < fitted.length; i++)
    weighted += (weights[i] as number) * (fitted[i] as number);
  const mean = weighted / totalWeight;
  let mss = 0;
  for (let i = 0; i < fitted.length; i++) {
    mss += (weights[i] as number) * ((fitted[i] as number) - mean) ** 2;
  }
  return mss / (mss + rss);
}

/** diag((XᵀX)⁻¹) = diag(R⁻¹R⁻ᵀ): the squared row norms of R⁻¹ (R upper triangular). */
function inverseGramDiagonal(r: readonly (readonly number[])[]): number[] {
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

function cell(m: readonly (readonly number[])[], i: number, j: number): number {
  return (m[i] as readonly number[])[j] as number;
}
