/**
 * Ordinary (and weighted) least squares with an intercept: the one least-squares solver of
 * the project. `fitLeastSquares` is the kernel, on flat typed arrays (column-major
 * covariates, Float64Array outcome and weights); `fitOls` is the same fit for rows given as
 * arrays of numbers (model mode), a thin adapter that copies them in and the results out.
 * The bootstrap's refits use the same decomposition through a preallocated workspace
 * (`leastSquaresWorkspace`, `solveLeastSquares`: coefficients only, no allocation per refit).
 *
 * Householder QR on a column-major Float64Array. XᵀX is never formed (its condition number
 * is the square of X's, and the shipped covariates mix incomes near 3·10⁵ with shares near
 * 10): the coefficients come from Rβ = Qᵀy, the standard errors from the diagonal of
 * (XᵀX)⁻¹ = R⁻¹R⁻ᵀ, the leverages from the rows of the thin Q. The statistics follow R's
 * `summary.lm` so that fixtures made with `lm()` compare exactly.
 *
 * Speed (docs/performance.md, "Least squares"): each reflection is applied to all the
 * columns it acts on in two passes over the rows (every dot product in one pass, then every
 * update, up to four columns a pass), not two passes per column; the thin Q is built the
 * same way, in place of the decomposition once R has been used, and its last pass sums the
 * leverages without storing Q. Every element still sees the same floating-point operations
 * in the same order as one column at a time would give (no dot product is split into
 * partial sums), so the results are bit for bit those of the column-by-column code it
 * replaced (test/benchmark/ols-reference.ts; test/benchmark/ols-flat.test.ts checks it).
 */
import tCdf from "@stdlib/stats-base-dists-t-cdf";

/**
 * A least-squares problem on flat typed arrays: n = `outcome.length` observations and
 * m = `covariates.length / n` covariates. The fit adds the intercept; k = m + 1.
 */
export interface LeastSquaresProblem {
  /**
   * The covariates, column-major and without the intercept column: covariate c of
   * observation i at `covariates[c * n + i]`. Read, never written.
   */
  covariates: Float64Array;
  outcome: Float64Array;
  /** Analytic weights (WLS), all positive. Their scale changes only `sigma`, not β. */
  weights?: Float64Array;
}

/** The full fit of a `LeastSquaresProblem`, as R's `summary.lm` reports it. */
export interface LeastSquaresFit {
  n: number;
  /** Number of coefficients, the intercept included. */
  k: number;
  /** β: the intercept first, then one per covariate column. */
  estimate: Float64Array;
  stdError: Float64Array;
  t: Float64Array;
  /** Two-sided p values, Student t with n − k degrees of freedom. */
  p: Float64Array;
  fitted: Float64Array;
  /** outcome − fitted, unweighted (as R's `residuals(lm)`). */
  residuals: Float64Array;
  /** Diagonal of the (weighted) hat matrix; sums to k. */
  leverage: Float64Array;
  r2: number;
  adjR2: number;
  /** Residual standard error: sqrt(Σ w·e² / (n − k)). */
  sigma: number;
  df: number;
}

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
export const RANK_TOLERANCE = 1e-7;

/** Workspace for repeated solves of n × p problems. */
export interface LeastSquaresWorkspace {
  n: number;
  p: number;
  /**
   * Design, column-major (a[c · n + i]); overwritten by the solve: R above the diagonal,
   * the Householder vectors from the diagonal down. A view of `columns`.
   */
  a: Float64Array;
  /** Outcome; overwritten by Qᵀy. A view of `columns`, right after `a`. */
  y: Float64Array;
  /** `a` and then `y`: the p + 1 columns the decomposition works on. */
  columns: Float64Array;
  /** Coefficients after a successful solve. */
  beta: Float64Array;
  /** The diagonal of R after a solve. */
  diagonal: Float64Array;
}

export function leastSquaresWorkspace(n: number, p: number): LeastSquaresWorkspace {
  const columns = new Float64Array(n * (p + 1));
  return {
    n,
    p,
    a: columns.subarray(0, n * p),
    y: columns.subarray(n * p),
    columns,
    beta: new Float64Array(p),
    diagonal: new Float64Array(p),
  };
}

/**
 * Solves min ‖a·β − y‖ for the workspace's a and y. Returns false, leaving `beta`
 * undefined, when a column is (numerically) a combination of the earlier ones.
 */
export function solveLeastSquares(ws: LeastSquaresWorkspace): boolean {
  if (decompose(ws) >= 0) return false;
  backSubstitute(ws);
  return true;
}

/**
 * The full least-squares fit (coefficients, standard errors, t and p, fitted values,
 * residuals, leverages, R², σ) of a problem on flat typed arrays, the intercept added.
 * Throws `RankDeficientError` when the covariates are collinear or one is constant.
 */
export function fitLeastSquares(problem: LeastSquaresProblem): LeastSquaresFit {
  const { covariates: x, outcome, weights } = problem;
  const n = outcome.length;
  const m = n === 0 ? 0 : x.length / n;
  if (!Number.isInteger(m)) {
    throw new Error(`covariates (${x.length} values) are not a whole number of columns of ${n}`);
  }
  if (weights !== undefined && weights.length !== n) {
    throw new Error("weights and outcome differ in length");
  }
  const k = m + 1;
  if (n <= k) throw new Error(`need more observations (${n}) than coefficients (${k})`);

  const ws = leastSquaresWorkspace(n, k);
  load(ws, x, outcome, weights);
  const deficient = decompose(ws);
  if (deficient >= 0) throw new RankDeficientError(deficient);
  backSubstitute(ws);
  const beta = ws.beta;

  const fitted = new Float64Array(n);
  const residuals = new Float64Array(n);
  fittedValues(fitted, x, beta, k, n);
  const sums = residualSums(fitted, residuals, outcome, weights, n);
  const rss = sums.rss;

  const df = n - k;
  const sigma = Math.sqrt(rss / df);
  const unscaledVariance = unscaledVariances(ws);
  const stdError = new Float64Array(k);
  const t = new Float64Array(k);
  const p = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    stdError[j] = sigma * Math.sqrt(unscaledVariance[j] as number);
    t[j] = (beta[j] as number) / (stdError[j] as number);
    p[j] = 2 * tCdf(-Math.abs(t[j] as number), df);
  }
  const r2 = rSquared(fitted, rss, weights, sums.weightedFitted / sums.totalWeight, n);
  // Last: it overwrites the decomposition.
  const leverage = leverages(ws);
  return {
    n,
    k,
    estimate: beta,
    stdError,
    t,
    p,
    fitted,
    residuals,
    leverage,
    r2,
    adjR2: 1 - (1 - r2) * ((n - 1) / df),
    sigma,
    df,
  };
}

/** The fit of rows given as arrays of numbers: `fitLeastSquares` on copies of them. */
export function fitOls(input: OlsInput): OlsFit {
  const n = input.outcome.length;
  const m = input.covariates[0]?.length ?? 0;
  if (input.covariates.length !== n) throw new Error("covariates and outcome differ in length");
  if (n <= m + 1) throw new Error(`need more observations (${n}) than coefficients (${m + 1})`);
  // Column by column: the writes run in order (about a quarter faster than row by row).
  const covariates = new Float64Array(n * m);
  for (let c = 0; c < m; c++) {
    const at = c * n;
    for (let i = 0; i < n; i++) {
      covariates[at + i] = (input.covariates[i] as readonly number[])[c] as number;
    }
  }
  const fit = fitLeastSquares({
    covariates,
    outcome: new Float64Array(input.outcome),
    ...(input.weights ? { weights: new Float64Array(input.weights) } : {}),
  });
  const coefficients: OlsCoefficient[] = [];
  for (let j = 0; j < fit.k; j++) {
    coefficients.push({
      estimate: fit.estimate[j] as number,
      stdError: fit.stdError[j] as number,
      t: fit.t[j] as number,
      p: fit.p[j] as number,
    });
  }
  return {
    n,
    k: fit.k,
    coefficients,
    fitted: plainArray(fit.fitted),
    residuals: plainArray(fit.residuals),
    leverage: plainArray(fit.leverage),
    r2: fit.r2,
    adjR2: fit.adjR2,
    sigma: fit.sigma,
    df: fit.df,
  };
}

/** A packed array of doubles with the typed array's values (Array.from is several times slower). */
function plainArray(values: Float64Array): number[] {
  const out = new Array<number>(values.length).fill(0);
  for (let i = 0; i < values.length; i++) out[i] = values[i] as number;
  return out;
}

/** WLS is OLS on rows scaled by √w: the intercept column first, then the covariates. */
function load(
  ws: LeastSquaresWorkspace,
  x: Float64Array,
  outcome: Float64Array,
  weights: Float64Array | undefined,
): void {
  const { n, p, columns } = ws;
  if (weights === undefined) {
    columns.fill(1, 0, n);
    columns.set(x, n);
    columns.set(outcome, p * n);
    return;
  }
  const root = new Float64Array(n);
  for (let i = 0; i < n; i++) root[i] = Math.sqrt(weights[i] as number);
  columns.set(root, 0);
  for (let c = 1; c < p; c++) scaleInto(columns, c * n, x, (c - 1) * n, root, n);
  scaleInto(columns, p * n, outcome, 0, root, n);
}

function scaleInto(
  to: Float64Array,
  at: number,
  from: Float64Array,
  fromAt: number,
  root: Float64Array,
  n: number,
): void {
  for (let i = 0; i < n; i++) to[at + i] = (root[i] as number) * (from[fromAt + i] as number);
}

/** fᵢ = β₀ + xᵢ₁β₁ + xᵢ₂β₂ + …, added in that order, two covariate columns a pass. */
function fittedValues(
  fitted: Float64Array,
  x: Float64Array,
  beta: Float64Array,
  k: number,
  n: number,
) {
  fitted.fill(beta[0] as number);
  let c = 1;
  for (; c + 1 < k; c += 2) {
    const b0 = beta[c] as number;
    const b1 = beta[c + 1] as number;
    const at0 = (c - 1) * n;
    const at1 = c * n;
    for (let i = 0; i < n; i++) {
      fitted[i] = (fitted[i] as number) + (x[at0 + i] as number) * b0 + (x[at1 + i] as number) * b1;
    }
  }
  if (c < k) {
    const b0 = beta[c] as number;
    const at0 = (c - 1) * n;
    for (let i = 0; i < n; i++) fitted[i] = (fitted[i] as number) + (x[at0 + i] as number) * b0;
  }
}

interface ResidualSums {
  /** Σ w·e². */
  rss: number;
  totalWeight: number;
  /** Σ w·f. */
  weightedFitted: number;
}

/** residuals = outcome − fitted, and the weighted sums R² needs, in index order. */
function residualSums(
  fitted: Float64Array,
  residuals: Float64Array,
  outcome: Float64Array,
  weights: Float64Array | undefined,
  n: number,
): ResidualSums {
  let rss = 0;
  let totalWeight = 0;
  let weightedFitted = 0;
  if (weights === undefined) {
    for (let i = 0; i < n; i++) {
      const f = fitted[i] as number;
      const e = (outcome[i] as number) - f;
      residuals[i] = e;
      rss += e * e;
      totalWeight += 1;
      weightedFitted += f;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const f = fitted[i] as number;
      const w = weights[i] as number;
      const e = (outcome[i] as number) - f;
      residuals[i] = e;
      rss += w * e * e;
      totalWeight += w;
      weightedFitted += w * f;
    }
  }
  return { rss, totalWeight, weightedFitted };
}

/** R² as summary.lm: explained over explained + residual, around the weighted mean of the fit. */
function rSquared(
  fitted: Float64Array,
  rss: number,
  weights: Float64Array | undefined,
  mean: number,
  n: number,
): number {
  let mss = 0;
  if (weights === undefined) {
    for (let i = 0; i < n; i++) mss += ((fitted[i] as number) - mean) ** 2;
  } else {
    for (let i = 0; i < n; i++) {
      mss += (weights[i] as number) * ((fitted[i] as number) - mean) ** 2;
    }
  }
  return mss / (mss + rss);
}

/**
 * Householder QR of a in place, Qᵀ applied to y alongside. Returns the first column that is
 * (numerically) a combination of the earlier ones, or −1 when the design has full rank.
 */
function decompose(ws: LeastSquaresWorkspace): number {
  const { n, p, columns: a, diagonal } = ws;
  const factors = new Float64Array(p + 1);
  const targets = new Int32Array(p + 1);
  // Σ of column j's squares from row j down; for j > 0 summed by the update of Hⱼ₋₁.
  let squares = sumSquares(a, 0, 0, n);
  for (let j = 0; j < p; j++) {
    const col = j * n;
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
    // Hⱼ on every later column and on y (column p): all their dot products with v in one
    // pass, then all the updates in another, the next column's (with its squares) first.
    const count = p - j;
    for (let t = 0; t < count; t++) targets[t] = (j + 1 + t) * n;
    dots(a, col, targets, 0, count, j, n, factors);
    for (let t = 0; t < count; t++) factors[t] = (2 * (factors[t] as number)) / vSquares;
    squares = updateAndSquare(a, col, targets[0] as number, factors[0] as number, j, n);
    updates(a, col, targets, 1, count, factors, j, n);
    diagonal[j] = alpha;
  }
  return -1;
}

/** Σ a[at + i]² for i in [from, n). */
function sumSquares(a: Float64Array, at: number, from: number, n: number): number {
  let s = 0;
  for (let i = from; i < n; i++) s += (a[at + i] as number) ** 2;
  return s;
}

/**
 * out[t] = Σᵢ v·a[targets[t] + i] over rows [from, n), v = a[vAt + i], for t in [first,
 * count): every target's dot product, up to four in each pass over v. Each sum runs in row
 * order in one accumulator, as a single dot product would, so the results are those of
 * one target at a time.
 */
function dots(
  a: Float64Array,
  vAt: number,
  targets: Int32Array,
  first: number,
  count: number,
  from: number,
  n: number,
  out: Float64Array,
): void {
  let t = first;
  for (; t + 4 <= count; t += 4) dots4(a, vAt, targets, t, from, n, out);
  if (count - t === 3) dots3(a, vAt, targets, t, from, n, out);
  else if (count - t === 2) dots2(a, vAt, targets, t, from, n, out);
  else if (count - t === 1) out[t] = dot(a, vAt, targets[t] as number, from, n);
}

function dots4(
  a: Float64Array,
  vAt: number,
  targets: Int32Array,
  t: number,
  from: number,
  n: number,
  out: Float64Array,
): void {
  const b0 = targets[t] as number;
  const b1 = targets[t + 1] as number;
  const b2 = targets[t + 2] as number;
  const b3 = targets[t + 3] as number;
  let d0 = 0;
  let d1 = 0;
  let d2 = 0;
  let d3 = 0;
  for (let i = from; i < n; i++) {
    const v = a[vAt + i] as number;
    d0 += v * (a[b0 + i] as number);
    d1 += v * (a[b1 + i] as number);
    d2 += v * (a[b2 + i] as number);
    d3 += v * (a[b3 + i] as number);
  }
  out[t] = d0;
  out[t + 1] = d1;
  out[t + 2] = d2;
  out[t + 3] = d3;
}

function dots3(
  a: Float64Array,
  vAt: number,
  targets: Int32Array,
  t: number,
  from: number,
  n: number,
  out: Float64Array,
): void {
  const b0 = targets[t] as number;
  const b1 = targets[t + 1] as number;
  const b2 = targets[t + 2] as number;
  let d0 = 0;
  let d1 = 0;
  let d2 = 0;
  for (let i = from; i < n; i++) {
    const v = a[vAt + i] as number;
    d0 += v * (a[b0 + i] as number);
    d1 += v * (a[b1 + i] as number);
    d2 += v * (a[b2 + i] as number);
  }
  out[t] = d0;
  out[t + 1] = d1;
  out[t + 2] = d2;
}

function dots2(
  a: Float64Array,
  vAt: number,
  targets: Int32Array,
  t: number,
  from: number,
  n: number,
  out: Float64Array,
): void {
  const b0 = targets[t] as number;
  const b1 = targets[t + 1] as number;
  let d0 = 0;
  let d1 = 0;
  for (let i = from; i < n; i++) {
    const v = a[vAt + i] as number;
    d0 += v * (a[b0 + i] as number);
    d1 += v * (a[b1 + i] as number);
  }
  out[t] = d0;
  out[t + 1] = d1;
}

function dot(a: Float64Array, vAt: number, at: number, from: number, n: number): number {
  let d = 0;
  for (let i = from; i < n; i++) d += (a[vAt + i] as number) * (a[at + i] as number);
  return d;
}

/**
 * a[targets[t] + i] −= factors[t] · a[vAt + i] over rows [from, n) for t in [first, count),
 * up to four targets a pass.
 */
function updates(
  a: Float64Array,
  vAt: number,
  targets: Int32Array,
  first: number,
  count: number,
  factors: Float64Array,
  from: number,
  n: number,
): void {
  let t = first;
  for (; t + 4 <= count; t += 4) updates4(a, vAt, targets, t, factors, from, n);
  if (count - t === 3) updates3(a, vAt, targets, t, factors, from, n);
  else if (count - t === 2) updates2(a, vAt, targets, t, factors, from, n);
  else if (count - t === 1) update(a, vAt, targets[t] as number, factors[t] as number, from, n);
}

function updates4(
  a: Float64Array,
  vAt: number,
  targets: Int32Array,
  t: number,
  factors: Float64Array,
  from: number,
  n: number,
): void {
  const b0 = targets[t] as number;
  const b1 = targets[t + 1] as number;
  const b2 = targets[t + 2] as number;
  const b3 = targets[t + 3] as number;
  const f0 = factors[t] as number;
  const f1 = factors[t + 1] as number;
  const f2 = factors[t + 2] as number;
  const f3 = factors[t + 3] as number;
  for (let i = from; i < n; i++) {
    const v = a[vAt + i] as number;
    a[b0 + i] = (a[b0 + i] as number) - f0 * v;
    a[b1 + i] = (a[b1 + i] as number) - f1 * v;
    a[b2 + i] = (a[b2 + i] as number) - f2 * v;
    a[b3 + i] = (a[b3 + i] as number) - f3 * v;
  }
}

function updates3(
  a: Float64Array,
  vAt: number,
  targets: Int32Array,
  t: number,
  factors: Float64Array,
  from: number,
  n: number,
): void {
  const b0 = targets[t] as number;
  const b1 = targets[t + 1] as number;
  const b2 = targets[t + 2] as number;
  const f0 = factors[t] as number;
  const f1 = factors[t + 1] as number;
  const f2 = factors[t + 2] as number;
  for (let i = from; i < n; i++) {
    const v = a[vAt + i] as number;
    a[b0 + i] = (a[b0 + i] as number) - f0 * v;
    a[b1 + i] = (a[b1 + i] as number) - f1 * v;
    a[b2 + i] = (a[b2 + i] as number) - f2 * v;
  }
}

function updates2(
  a: Float64Array,
  vAt: number,
  targets: Int32Array,
  t: number,
  factors: Float64Array,
  from: number,
  n: number,
): void {
  const b0 = targets[t] as number;
  const b1 = targets[t + 1] as number;
  const f0 = factors[t] as number;
  const f1 = factors[t + 1] as number;
  for (let i = from; i < n; i++) {
    const v = a[vAt + i] as number;
    a[b0 + i] = (a[b0 + i] as number) - f0 * v;
    a[b1 + i] = (a[b1 + i] as number) - f1 * v;
  }
}

function update(a: Float64Array, vAt: number, at: number, f: number, from: number, n: number) {
  for (let i = from; i < n; i++) a[at + i] = (a[at + i] as number) - f * (a[vAt + i] as number);
}

/** `update`, returning the sum of the updated column's squares below row `from`. */
function updateAndSquare(
  a: Float64Array,
  vAt: number,
  at: number,
  f: number,
  from: number,
  n: number,
): number {
  a[at + from] = (a[at + from] as number) - f * (a[vAt + from] as number);
  let s = 0;
  for (let i = from + 1; i < n; i++) {
    const x = (a[at + i] as number) - f * (a[vAt + i] as number);
    a[at + i] = x;
    s += x ** 2;
  }
  return s;
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

/**
 * hᵢ = ‖row i of the thin Q‖², from a decomposed workspace whose R has been used (β and
 * the variances): Q's column c is H₀H₁…H_c e_c (Hⱼ leaves e_c alone for j > c). The
 * reflections are applied from the last, each to every column it acts on at once (dot
 * products in one pass, updates in another), and Q is built in place: its column c takes
 * the workspace's column c + 1, whose Householder vector (and R's column) is no longer
 * needed once H_{c+1} has been applied. The pass of H₀ sums each row's squares (in column
 * order) instead of storing Q.
 */
function leverages(ws: LeastSquaresWorkspace): Float64Array {
  const { n, p, columns: a } = ws;
  const targets = new Int32Array(p + 1);
  const factors = new Float64Array(p + 1);
  for (let j = p - 1; j >= 0; j--) {
    const col = j * n;
    // Q's column j enters as eⱼ, whose dot product with v is vⱼ; the columns after it are
    // H_{j+1}… of theirs. v's own squares come from the same pass, as the first "dot".
    const fresh = col + n;
    a.fill(0, fresh, fresh + n);
    a[fresh + j] = 1;
    const count = p - j;
    targets[0] = col;
    for (let t = 1; t < count; t++) targets[t] = fresh + t * n;
    dots(a, col, targets, 0, count, j, n, factors);
    const vSquares = factors[0] as number;
    factors[0] = (2 * (a[col + j] as number)) / vSquares;
    for (let t = 1; t < count; t++) factors[t] = (2 * (factors[t] as number)) / vSquares;
    targets[0] = fresh;
    if (j > 0) updates(a, col, targets, 0, count, factors, j, n);
  }
  return rowSquares(a, n, p, factors);
}

/**
 * H₀ (v in column 0) applied to Q's p columns (columns 1 … p), each row's squares summed
 * in column order instead of the result stored.
 */
function rowSquares(a: Float64Array, n: number, p: number, factors: Float64Array): Float64Array {
  const leverage = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = a[i] as number;
    let h = 0;
    for (let c = 0, k = n + i; c < p; c++, k += n) {
      const e = (a[k] as number) - (factors[c] as number) * v;
      h += e * e;
    }
    leverage[i] = h;
  }
  return leverage;
}

/** diag((XᵀX)⁻¹) of a decomposed workspace, R upper triangular. */
function unscaledVariances(ws: LeastSquaresWorkspace): Float64Array {
  const { n, p, a, diagonal } = ws;
  const r = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    r[i * p + i] = diagonal[i] as number;
    for (let j = i + 1; j < p; j++) r[i * p + j] = a[j * n + i] as number;
  }
  return inverseGramDiagonalFlat(r, p);
}

/** diag((XᵀX)⁻¹) = diag(R⁻¹R⁻ᵀ): the squared row norms of R⁻¹ (R upper triangular). */
export function inverseGramDiagonal(r: readonly (readonly number[])[]): number[] {
  const k = r.length;
  const flat = new Float64Array(k * k);
  r.forEach((row, i) => {
    for (let j = i; j < k; j++) flat[i * k + j] = row[j] as number;
  });
  return Array.from(inverseGramDiagonalFlat(flat, k));
}

/** The same on R row-major in a Float64Array (r[i · k + j]). */
function inverseGramDiagonalFlat(r: Float64Array, k: number): Float64Array {
  const inv = new Float64Array(k * k);
  // Back substitution, one column of R⁻¹ at a time.
  for (let col = 0; col < k; col++) {
    for (let i = col; i >= 0; i--) {
      let s = i === col ? 1 : 0;
      for (let j = i + 1; j <= col; j++)
        s -= (r[i * k + j] as number) * (inv[j * k + col] as number);
      inv[i * k + col] = s / (r[i * k + i] as number);
    }
  }
  const out = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = 0;
    for (let j = i; j < k; j++) s += (inv[i * k + j] as number) ** 2;
    out[i] = s;
  }
  return out;
}
