/**
 * Benchmark history (METHOD.md E): how persistent the ranking is between periods, as the
 * Spearman correlation of the residuals (Pearson's r of their ranks, ties at mean rank).
 */
import { pearson } from "../correlation.js";

/** Rank per period and the persistence between consecutive periods. */
export interface BenchmarkHistory {
  periods: string[];
  /** Ordered by code. */
  units: { municipality: string; name: string; ranks: Record<string, number | null> }[];
  persistence: { from: string; to: string; spearman: number }[];
}

/** Ranks 1…n, tied values sharing the mean of their places (as R's rank() default). */
export function averageRanks(values: readonly number[]): number[] {
  const order = values
    .map((_, i) => i)
    .sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
  const ranks = new Array<number>(values.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1] as number] === values[order[i] as number])
      j++;
    const mean = (i + j) / 2 + 1;
    for (let t = i; t <= j; t++) ranks[order[t] as number] = mean;
    i = j + 1;
  }
  return ranks;
}

/**
 * Spearman's rank correlation of paired values.
 *
 * @example spearman([1, 2, 3], [10, 30, 20]) // 0.5
 */
export function spearman(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new RangeError("spearman: the two sides differ in length");
  // NaN when either side has no spread (every value tied).
  return pearson(averageRanks(a), averageRanks(b)) ?? Number.NaN;
}
