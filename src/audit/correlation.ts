/**
 * How the normalised indicators move together (METHOD.md F): the Pearson correlation
 * matrix, the pairs it flags, and Cronbach's alpha. `columns[j][i]` is indicator j's
 * normalised value (direction applied) for unit i.
 */

/** Pairs correlated above this are flagged as redundant (they measure the same thing). */
export const REDUNDANT_ABOVE = 0.9;

export { correlationMatrix, pearson } from "../composite/correlation.js";

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
