/**
 * Descriptive statistics of one indicator's raw values (METHOD.md F): n, mean, sample sd,
 * skewness and excess kurtosis as Excel's SKEW and KURT (the bias-adjusted G1 and G2,
 * also scipy's `skew(bias=False)` and `kurtosis(bias=False)`), min and max, and COINr's
 * default outlier rule. SKEW and KURT are the core's (src/composite/treat.ts), which the
 * outlier treatment of a profile uses too.
 */
import { kurtosis, skewness } from "../composite/treat.js";

/** COINr's default rule: treat an indicator when |skewness| > 2 and kurtosis > 3.5. */
export const SKEW_LIMIT = 2;
export const KURTOSIS_LIMIT = 3.5;

export interface IndicatorStatistics {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1). */
  sd: number;
  /** G1; null below 3 values or when the values are constant. */
  skewness: number | null;
  /** G2 (excess kurtosis, 0 for a normal distribution); null below 4 values or when constant. */
  kurtosis: number | null;
  min: number;
  max: number;
  /** |skewness| > SKEW_LIMIT and kurtosis > KURTOSIS_LIMIT. */
  outlierFlag: boolean;
}

/**
 * @example describe([1, 2, 3, 4, 10]) // skewness 1.69706, kurtosis 3.152 (scipy, bias=False)
 */
export function describe(values: readonly number[]): IndicatorStatistics {
  const n = values.length;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = n > 0 ? sum / n : Number.NaN;
  let m2 = 0;
  for (const v of values) m2 += (v - mean) * (v - mean);
  const sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
  const g1 = skewness(values);
  const g2 = kurtosis(values);
  const skew = Number.isNaN(g1) ? null : g1;
  const kurt = Number.isNaN(g2) ? null : g2;
  return {
    n,
    mean,
    sd,
    skewness: skew,
    kurtosis: kurt,
    min: n > 0 ? min : Number.NaN,
    max: n > 0 ? max : Number.NaN,
    outlierFlag: isOutlierCandidate(skew, kurt),
  };
}

export function isOutlierCandidate(skewness: number | null, kurtosis: number | null): boolean {
  return (
    skewness !== null &&
    kurtosis !== null &&
    Math.abs(skewness) > SKEW_LIMIT &&
    kurtosis > KURTOSIS_LIMIT
  );
}
