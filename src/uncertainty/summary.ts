/**
 * From many simulated rankings to what a reader needs per unit: a median rank, an
 * equal-tailed rank interval, and how often the unit was in the top ten.
 */
import type { RankInterval } from "./types.js";

/** The interval level used unless asked otherwise: ranks between the 5th and 95th percentile. */
export const DEFAULT_LEVEL = 0.9;

/** The "top ten" of `p_top10`. */
export const TOP = 10;

/**
 * A small guard so that p · n computed in floating point (0.05 · 10,000 = 500.0000000001)
 * does not push a quantile one rank too far.
 */
const COUNT_EPSILON = 1e-9;

/**
 * The p-quantile of ranks given as a histogram (`counts[r]` = draws with rank r, r ≥ 1):
 * the smallest rank whose cumulative share reaches p (the inverse of the empirical
 * distribution, R's quantile type 1). Ranks stay whole numbers, and an interval
 * [q(α/2), q(1 − α/2)] holds at least 1 − α of the draws.
 */
export function histogramQuantile(
  counts: ArrayLike<number>,
  offset: number,
  length: number,
  total: number,
  p: number,
): number {
  const need = p * total - COUNT_EPSILON;
  let cumulative = 0;
  for (let r = 1; r < length; r++) {
    cumulative += counts[offset + r] as number;
    if (cumulative >= need && cumulative > 0) return r;
  }
  return length - 1;
}

/** Median and the equal-tailed `level` interval of one unit's rank histogram. */
export function rankInterval(
  counts: ArrayLike<number>,
  offset: number,
  length: number,
  total: number,
  level: number,
): RankInterval {
  const tail = (1 - level) / 2;
  return {
    low: histogramQuantile(counts, offset, length, total, tail),
    median: histogramQuantile(counts, offset, length, total, 0.5),
    high: histogramQuantile(counts, offset, length, total, 1 - tail),
  };
}

/** Share of the draws with rank ≤ `top`. */
export function topShare(
  counts: ArrayLike<number>,
  offset: number,
  length: number,
  total: number,
  top: number = TOP,
): number {
  if (total === 0) return 0;
  let inTop = 0;
  for (let r = 1; r <= top && r < length; r++) inTop += counts[offset + r] as number;
  return inTop / total;
}

/**
 * Histograms of ranks: `counts[u · (units + 1) + r]` = draws in which unit u had rank r
 * (rank 0 = the unit was not ranked in that draw, e.g. dropped for missing data).
 */
export function rankHistograms(ranks: Uint16Array, draws: number, units: number): Uint32Array {
  const width = units + 1;
  const counts = new Uint32Array(units * width);
  for (let d = 0; d < draws; d++) {
    const row = d * units;
    for (let u = 0; u < units; u++) {
      const counted = u * width + (ranks[row + u] as number);
      counts[counted] = (counts[counted] as number) + 1;
    }
  }
  return counts;
}
