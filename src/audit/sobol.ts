/**
 * Variance-based sensitivity indices (Sobol) of a scalar model output, by the Saltelli
 * design: two independent N × d matrices A and B of uniform draws, and for each factor i
 * the matrix A_B^(i) (A with column i from B), N (d + 2) model runs in all. Estimators as
 * Saltelli et al. (2010), "Variance based sensitivity analysis of model output", Table 2
 * (the same formulas as SALib's `sobol.analyze`):
 *
 *   first order  S_i  = mean(f(B) · (f(A_B^i) − f(A))) / V
 *   total order  ST_i = mean((f(A) − f(A_B^i))²) / 2 / V      (Jansen, 1999)
 *
 * with V the population variance of f(A) and f(B) together. Bootstrap intervals resample
 * the N rows with replacement and recompute both indices (percentile intervals).
 */
import type { Random } from "../uncertainty/random.js";

/** The model runs of one design: f(A), f(B) and f(A_B^i) for each factor i. */
export interface SobolRuns {
  yA: Float64Array;
  yB: Float64Array;
  /** One array per factor. */
  yAB: Float64Array[];
}

export interface SobolEstimate {
  firstOrder: number;
  totalOrder: number;
}

/**
 * Draws the design and runs the model on it. `model(u)` reads the d coordinates of one
 * point in [0, 1)^d. A's and B's rows are drawn alternately (row r of A, then row r of B),
 * so the first N rows of a larger design are the same design.
 */
export function runSaltelliDesign(
  model: (u: Float64Array) => number,
  dimensions: number,
  n: number,
  random: Random,
): SobolRuns & { a: Float64Array; b: Float64Array } {
  const d = dimensions;
  const a = new Float64Array(n * d);
  const b = new Float64Array(n * d);
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < d; i++) a[r * d + i] = random.uniform();
    for (let i = 0; i < d; i++) b[r * d + i] = random.uniform();
  }
  return { a, b, ...runOnDesign(model, d, n, a, b) };
}

/** The model on a given design (A and B row-major, N × d). */
export function runOnDesign(
  model: (u: Float64Array) => number,
  d: number,
  n: number,
  a: Float64Array,
  b: Float64Array,
): SobolRuns {
  const yA = new Float64Array(n);
  const yB = new Float64Array(n);
  const yAB = Array.from({ length: d }, () => new Float64Array(n));
  const point = new Float64Array(d);
  for (let r = 0; r < n; r++) {
    const rowA = a.subarray(r * d, r * d + d);
    const rowB = b.subarray(r * d, r * d + d);
    yA[r] = model(rowA);
    yB[r] = model(rowB);
    for (let i = 0; i < d; i++) {
      point.set(rowA);
      point[i] = rowB[i] as number;
      (yAB[i] as Float64Array)[r] = model(point);
    }
  }
  return { yA, yB, yAB };
}

/**
 * Both indices of every factor, from the runs at the rows `rows` (all N rows when absent;
 * a bootstrap resample repeats some). Unclipped; 0 for both when the output never varies.
 */
export function sobolEstimates(runs: SobolRuns, rows?: ArrayLike<number>): SobolEstimate[] {
  const { yA, yB, yAB } = runs;
  const n = rows?.length ?? yA.length;
  const row = (p: number) => (rows === undefined ? p : (rows[p] as number));
  let sum = 0;
  for (let p = 0; p < n; p++) sum += (yA[row(p)] as number) + (yB[row(p)] as number);
  const mean = sum / (2 * n);
  let ss = 0;
  for (let p = 0; p < n; p++) {
    const da = (yA[row(p)] as number) - mean;
    const db = (yB[row(p)] as number) - mean;
    ss += da * da + db * db;
  }
  const variance = ss / (2 * n);
  return yAB.map((y) => {
    if (!(variance > 0)) return { firstOrder: 0, totalOrder: 0 };
    let first = 0;
    let total = 0;
    for (let p = 0; p < n; p++) {
      const r = row(p);
      const fa = yA[r] as number;
      const fab = y[r] as number;
      first += (yB[r] as number) * (fab - fa);
      total += (fa - fab) * (fa - fab);
    }
    return { firstOrder: first / n / variance, totalOrder: total / n / 2 / variance };
  });
}

export interface SobolInterval {
  low: number;
  high: number;
}

export interface SobolBootstrap {
  firstOrder: SobolInterval[];
  totalOrder: SobolInterval[];
}

/** Linear-interpolation quantile of sorted values (numpy's default). */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

/** The rows of one bootstrap resample: N draws with replacement. */
export function resampleRows(n: number, random: Random): Uint32Array {
  const rows = new Uint32Array(n);
  for (let p = 0; p < n; p++) rows[p] = random.below(n);
  return rows;
}

/**
 * Percentile intervals (equal tails, `level`) of both indices over `resamples` bootstrap
 * resamples of the rows.
 */
export function sobolBootstrap(
  runs: SobolRuns,
  resamples: number,
  level: number,
  random: Random,
): SobolBootstrap {
  const d = runs.yAB.length;
  const n = runs.yA.length;
  const first = Array.from({ length: d }, () => new Float64Array(resamples));
  const total = Array.from({ length: d }, () => new Float64Array(resamples));
  for (let s = 0; s < resamples; s++) {
    const estimates = sobolEstimates(runs, resampleRows(n, random));
    estimates.forEach((e, i) => {
      (first[i] as Float64Array)[s] = e.firstOrder;
      (total[i] as Float64Array)[s] = e.totalOrder;
    });
  }
  const tail = (1 - level) / 2;
  const interval = (values: Float64Array): SobolInterval => {
    const sorted = values.slice().sort();
    return { low: quantile(sorted, tail), high: quantile(sorted, 1 - tail) };
  };
  return { firstOrder: first.map(interval), totalOrder: total.map(interval) };
}

/** Estimates are reported clipped to [0, 1] (METHOD.md F): sampling error can leave either side. */
export function clip01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
