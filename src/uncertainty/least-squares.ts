/**
 * A lean least-squares solve for the bootstrap, which refits the benchmark model a thousand
 * times or more: Householder QR on preallocated column-major Float64Arrays, coefficients
 * only. The full model (src/benchmark/ols.ts, ml-matrix) also builds the n × n Q, standard
 * errors and p values, which a refit does not need. Like it, this never forms XᵀX.
 */

/** Relative size below which a diagonal element of R counts as zero (as ols.ts and R's lm). */
export const RANK_TOLERANCE = 1e-7;

/** Workspace for repeated solves of n × p problems. */
export interface LeastSquaresWorkspace {
  n: number;
  p: number;
  /** Design, column-major (a[c · n + i]); overwritten by the solve. */
  a: Float64Array;
  /** Outcome; overwritten by Qᵀy. */
  y: Float64Array;
  /** Coefficients after a successful solve. */
  beta: Float64Array;
  diagonal: Float64Array;
}

export function leastSquaresWorkspace(n: number, p: number): LeastSquaresWorkspace {
  return {
    n,
    p,
    a: new Float64Array(n * p),
    y: new Float64Array(n),
    beta: new Float64Array(p),
    diagonal: new Float64Array(p),
  };
}

/**
 * Solves min ‖a·β − y‖ for the workspace's a and y. Returns false, leaving `beta`
 * undefined, when a column is (numerically) a combination of the earlier ones.
 */
export function solveLeastSquares(ws: LeastSquaresWorkspace): boolean {
  const { n, p, a, y, beta, diagonal } = ws;
  for (let j = 0; j < p; j++) {
    const col = j * n;
    let columnSquares = 0;
    for (let i = 0; i < n; i++) columnSquares += (a[col + i] as number) ** 2;
    let squares = 0;
    for (let i = j; i < n; i++) squares += (a[col + i] as number) ** 2;
    const norm = Math.sqrt(squares);
    if (columnSquares === 0 || norm < RANK_TOLERANCE * Math.sqrt(columnSquares)) return false;
    // Reflect onto −sign(a_jj)·‖x‖·e₁ so that v = x − αe₁ does not cancel.
    const lead = a[col + j] as number;
    const alpha = lead > 0 ? -norm : norm;
    a[col + j] = lead - alpha;
    const vSquares = squares - lead * lead + (lead - alpha) ** 2;
    for (let c = j + 1; c < p; c++) reflect(a, col, j, n, vSquares, a, c * n);
    reflect(a, col, j, n, vSquares, y, 0);
    diagonal[j] = alpha;
  }
  for (let j = p - 1; j >= 0; j--) {
    let s = y[j] as number;
    for (let c = j + 1; c < p; c++) s -= (a[c * n + j] as number) * (beta[c] as number);
    beta[j] = s / (diagonal[j] as number);
  }
  return true;
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
