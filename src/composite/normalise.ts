/**
 * Normalisation puts indicators measured in %, weeks and pct. points on one scale, with
 * the direction applied so that a larger normalised value is always better. All functions
 * work on the values of one indicator across the units of one quarter.
 */
import type { Normalisation } from "./profile.js";

export type Better = "higher" | "lower";

const sign = (better: Better): 1 | -1 => (better === "higher" ? 1 : -1);

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sample standard deviation (n − 1), as METHOD.md A prescribes. */
export function sampleSd(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  let ss = 0;
  for (const v of values) ss += (v - m) * (v - m);
  return Math.sqrt(ss / (values.length - 1));
}

/** z = d · (x − mean) / sd. A constant indicator (sd 0) carries no information: all 0. */
export function zScores(values: readonly number[], better: Better): number[] {
  const m = mean(values);
  const sd = sampleSd(values);
  const d = sign(better);
  return values.map((x) => (sd > 0 ? (d * (x - m)) / sd : 0));
}

/** 0 for the worst unit, 100 for the best; a constant indicator gives everyone 50. */
export function minMax(values: readonly number[], better: Better): number[] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const range = hi - lo;
  return values.map((x) => {
    if (range === 0) return 50;
    return better === "higher" ? (100 * (x - lo)) / range : (100 * (hi - x)) / range;
  });
}

/**
 * Fractional rank with the direction applied: 1 for the worst, n for the best; equal
 * values share the mean of the places they span, so the result does not depend on order.
 */
export function fractionalRanks(values: readonly number[], better: Better): number[] {
  const d = sign(better);
  return values.map((x) => {
    let worse = 0;
    let equal = 0;
    for (const y of values) {
      if (d * y < d * x) worse++;
      else if (y === x) equal++;
    }
    return worse + (equal + 1) / 2;
  });
}

/** Percentile rank 0–100 (0 worst, 100 best); a single unit sits at 50. */
export function percentiles(values: readonly number[], better: Better): number[] {
  const n = values.length;
  return fractionalRanks(values, better).map((r) => (n > 1 ? (100 * (r - 1)) / (n - 1) : 50));
}

/**
 * Distance to the best unit as a percentage of its level (OECD/JRC handbook, "distance to
 * a reference"): 100 · x / best when higher is better, 100 · best / x when lower is
 * better. The best unit gets 100. Needs every value > 0 (see normalisationDomainProblem).
 */
export function distanceToBest(values: readonly number[], better: Better): number[] {
  if (better === "higher") {
    const best = Math.max(...values);
    return values.map((x) => (100 * x) / best);
  }
  const best = Math.min(...values);
  return values.map((x) => (100 * best) / x);
}

/**
 * Points 1…bins by decile (bins = 10) among the units, direction applied: a unit's points
 * are 1 + floor(bins · w / n), w = the number of units strictly worse. Equal values get
 * equal points, and about n/bins units share each step, so totals tie often, as in the
 * published FH/LO lists (METHOD.md A).
 */
export function points(values: readonly number[], better: Better, bins = 10): number[] {
  const d = sign(better);
  const n = values.length;
  return values.map((x) => {
    let worse = 0;
    for (const y of values) if (d * y < d * x) worse++;
    return 1 + Math.floor((bins * worse) / n);
  });
}

/**
 * Goalposts (COINr's `n_goalposts`, the HDI's fixed minimum and maximum): values are
 * capped at the indicator's goalposts and scaled 0–100 between them, reversed when lower
 * is better. Unlike min–max the scale does not move with the quarter's extremes, so a
 * score means the same in every quarter.
 */
export function goalposts(
  values: readonly number[],
  better: Better,
  posts: { lower: number; upper: number },
): number[] {
  const range = posts.upper - posts.lower;
  return values.map((x) => {
    const capped = Math.min(posts.upper, Math.max(posts.lower, x));
    return better === "higher"
      ? (100 * (capped - posts.lower)) / range
      : (100 * (posts.upper - capped)) / range;
  });
}

/** Why a normalisation cannot be applied to these values, or undefined when it can. */
export function normalisationDomainProblem(
  values: readonly number[],
  method: Normalisation,
): string | undefined {
  if (method.type === "distance_to_best" && values.some((v) => !(v > 0))) {
    return "distance_to_best needs every value > 0";
  }
  return undefined;
}

/** Normalises one indicator's values across units (one quarter). */
export function normalise(
  values: readonly number[],
  better: Better,
  method: Normalisation,
  indicatorId?: string,
): number[] {
  switch (method.type) {
    case "zscore":
      return zScores(values, better);
    case "minmax":
      return minMax(values, better);
    case "rank":
      return fractionalRanks(values, better);
    case "percentile":
      return percentiles(values, better);
    case "distance_to_best":
      return distanceToBest(values, better);
    case "points":
      return points(values, better, method.bins);
    case "goalposts": {
      const posts = indicatorId === undefined ? undefined : method.goalposts[indicatorId];
      if (posts === undefined) throw new Error(`unreachable: no goalposts for ${indicatorId}`);
      return goalposts(values, better, posts);
    }
  }
}

/** Linear-interpolation quantile (numpy's default, R type 7) of sorted values. */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

/** Clamps values to their [lower, upper] quantiles, so one outlier cannot dominate a z-score. */
export function winsorise(values: readonly number[], lower: number, upper: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const lo = quantileSorted(sorted, lower);
  const hi = quantileSorted(sorted, upper);
  return values.map((x) => Math.min(hi, Math.max(lo, x)));
}
