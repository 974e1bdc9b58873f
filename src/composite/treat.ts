/**
 * Outlier treatment as COINr's `Treat` does it by default (JRC/OECD practice, METHOD.md F):
 * an indicator whose raw values are flagged (|skewness| > 2 and excess kurtosis > 3.5,
 * Excel's SKEW and KURT) is winsorised point by point, the highest value(s) set to the
 * next highest when the skew is ≥ 0 (else the lowest to the next lowest), until the rule
 * no longer flags or `winsoriseMax` points are winsorised. If it still flags, the
 * winsorising is undone and the original values are log-transformed instead:
 * ln(x − min + 0.01 · (max − min)) (COINr's `log_CT`). Every changed value is marked.
 */

/** Excel's SKEW (bias-adjusted G1); NaN with fewer than 3 values or no spread. */
export function skewness(values: readonly number[]): number {
  const n = values.length;
  if (n < 3) return Number.NaN;
  let m = 0;
  for (const v of values) m += v;
  m /= n;
  let s2 = 0;
  let s3 = 0;
  for (const v of values) {
    const d = v - m;
    s2 += d * d;
    s3 += d * d * d;
  }
  if (s2 === 0) return Number.NaN;
  return ((Math.sqrt(n) * s3) / s2 ** 1.5) * (Math.sqrt(n * (n - 1)) / (n - 2));
}

/** Excel's KURT (bias-adjusted excess kurtosis G2); NaN with fewer than 4 values or no spread. */
export function kurtosis(values: readonly number[]): number {
  const n = values.length;
  if (n < 4) return Number.NaN;
  let m = 0;
  for (const v of values) m += v;
  m /= n;
  let s2 = 0;
  let s4 = 0;
  for (const v of values) {
    const d = v - m;
    s2 += d * d;
    s4 += d * d * d * d;
  }
  if (s2 === 0) return Number.NaN;
  const r = (n * s4) / (s2 * s2);
  return (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
}

export interface OutlierRule {
  /** Flag when |skewness| exceeds this (COINr: 2). */
  skewness: number;
  /** … and the excess kurtosis exceeds this (COINr: 3.5). */
  kurtosis: number;
}

/** COINr's rule: flagged for treatment when |skewness| > 2 and kurtosis > 3.5. */
export function flagsOutliers(values: readonly number[], rule: OutlierRule): boolean {
  // NaN (too few values, no spread) compares false: nothing to treat.
  return Math.abs(skewness(values)) > rule.skewness && kurtosis(values) > rule.kurtosis;
}

export type TreatmentKind = "winsorised" | "log";

export interface TreatedIndicator {
  /** The values after treatment, in input order. */
  values: number[];
  /** Per value: how it was treated, or null when left as measured. */
  marks: Array<TreatmentKind | null>;
  method: "none" | "winsorised" | "log";
  /** Values changed by winsorising (0 unless method is winsorised). */
  winsorised: number;
  skewnessBefore: number;
  kurtosisBefore: number;
  skewnessAfter: number;
  kurtosisAfter: number;
}

export interface TreatmentOptions extends OutlierRule {
  /** Most points winsorised before falling back to the log transform (COINr: 5). */
  winsoriseMax: number;
}

/** COINr's `log_CT`: ln(x − min + 0.01·(max − min)); keeps the order of the values. */
export function logTransform(values: readonly number[]): number[] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return values.map((x) => Math.log(x - lo + 0.01 * (hi - lo)));
}

/**
 * Winsorising as COINr's `winsorise`: while the rule flags and fewer than `max` points
 * are winsorised, the extreme value(s) on the side of the skew take the next value in.
 */
export function winsoriseWhileFlagged(
  values: readonly number[],
  options: TreatmentOptions,
): { values: number[]; changed: boolean[]; passes: boolean } {
  const x = [...values];
  let passes = !flagsOutliers(x, options);
  let count = 0;
  while (!passes && count < options.winsoriseMax) {
    const high = skewness(x) >= 0;
    const extreme = high ? Math.max(...x) : Math.min(...x);
    const rest = x.filter((v) => v !== extreme);
    if (rest.length === 0) break;
    const next = high ? Math.max(...rest) : Math.min(...rest);
    // COINr counts the points moved in the last step, which include the earlier ones
    // (they tie with the extreme), so `count` is the number of points winsorised so far.
    count = 0;
    for (let i = 0; i < x.length; i++) {
      if (x[i] === extreme) x[i] = next;
    }
    for (let i = 0; i < x.length; i++) if (x[i] !== values[i]) count++;
    passes = !flagsOutliers(x, options);
  }
  return { values: x, changed: x.map((v, i) => v !== values[i]), passes };
}

/** Treats one indicator's values across the units of one quarter. */
export function treatIndicator(
  values: readonly number[],
  options: TreatmentOptions,
): TreatedIndicator {
  const skewnessBefore = skewness(values);
  const kurtosisBefore = kurtosis(values);
  const untreated = (): TreatedIndicator => ({
    values: [...values],
    marks: values.map(() => null),
    method: "none",
    winsorised: 0,
    skewnessBefore,
    kurtosisBefore,
    skewnessAfter: skewnessBefore,
    kurtosisAfter: kurtosisBefore,
  });
  if (!flagsOutliers(values, options)) return untreated();
  const win = winsoriseWhileFlagged(values, options);
  if (win.passes) {
    return {
      values: win.values,
      marks: win.changed.map((c) => (c ? "winsorised" : null)),
      method: "winsorised",
      winsorised: win.changed.filter(Boolean).length,
      skewnessBefore,
      kurtosisBefore,
      skewnessAfter: skewness(win.values),
      kurtosisAfter: kurtosis(win.values),
    };
  }
  const logged = logTransform(values);
  return {
    values: logged,
    marks: values.map(() => "log"),
    method: "log",
    winsorised: 0,
    skewnessBefore,
    kurtosisBefore,
    skewnessAfter: skewness(logged),
    kurtosisAfter: kurtosis(logged),
  };
}
