/**
 * How the normalised indicators move together (METHOD.md F): the Pearson correlation
 * matrix, the pairs it flags, and Cronbach's alpha. `columns[j][i]` is indicator j's
 * normalised value (direction applied) for unit i.
 */

/** Pairs correlated above this are flagged as redundant (they measure the same thing). */
export const REDUNDANT_ABOVE = 0.9;

/**
 * Pearson's r of two equally long columns; null when either is constant (r undefined).
 * @example pearson([1, 2, 3], [2, 4, 7]) // 0.9933…
 */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] as number;
    my += y[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (!(sxx > 0 && syy > 0)) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** The symmetric matrix of Pearson's r, exactly 1 on the diagonal. */
export function correlationMatrix(columns: readonly (readonly number[])[]): (number | null)[][] {
  const k = columns.length;
  const out: (number | null)[][] = Array.from({ length: k }, () => new Array(k).fill(null));
  for (let a = 0; a < k; a++) {
    (out[a] as (number | null)[])[a] = 1;
    for (let b = a + 1; b < k; b++) {
      const r = pearson(columns[a] as number[], columns[b] as number[]);
      (out[a] as (number | null)[])[b] = r;
      (out[b] as (number | null)[])[a] = r;
    }
  }
  return out;
}

export interface CorrelatedPair {
  a: string;
  b: string;
  r: number;
  /** `redundant`: r > REDUNDANT_ABOVE; `conflicting`: r < 0 (one pulls against the other). */
  flag: "redundant" | "conflicting";
}

/** The flagged pairs, in matrix order (row, then column). */
export function flaggedPairs(
  ids: readonly string[],
  matrix: readonly (readonly (number | null)[])[],
): CorrelatedPair[] {
  const out: CorrelatedPair[] = [];
  for (let a = 0; a < ids.length; a++) {
    for (let b = a + 1; b < ids.length; b++) {
      const r = matrix[a]?.[b];
      if (r === null || r === undefined) continue;
      const flag = r > REDUNDANT_ABOVE ? "redundant" : r < 0 ? "conflicting" : undefined;
      if (flag !== undefined) out.push({ a: ids[a] as string, b: ids[b] as string, r, flag });
    }
  }
  return out;
}

function sampleVariance(values: readonly number[]): number {
  const n = values.length;
  let m = 0;
  for (const v of values) m += v;
  m /= n;
  let ss = 0;
  for (const v of values) ss += (v - m) * (v - m);
  return ss / (n - 1);
}

/**
 * Cronbach's alpha, α = k/(k − 1) · (1 − Σ var_j / var(Σ_j x_j)), sample variances;
 * null with fewer than two indicators or two units, or when the total does not vary.
 */
export function cronbachAlpha(columns: readonly (readonly number[])[]): number | null {
  const k = columns.length;
  const n = columns[0]?.length ?? 0;
  if (k < 2 || n < 2) return null;
  let sumOfVariances = 0;
  for (const column of columns) sumOfVariances += sampleVariance(column);
  const totals = new Array<number>(n).fill(0);
  for (const column of columns) {
    for (let i = 0; i < n; i++) totals[i] = (totals[i] as number) + (column[i] as number);
  }
  const totalVariance = sampleVariance(totals);
  if (!(totalVariance > 0)) return null;
  return (k / (k - 1)) * (1 - sumOfVariances / totalVariance);
}
