/**
 * Pearson's correlation, a shared leaf: the index's correlation matrix (composite, audit)
 * and the benchmark's Spearman persistence (benchmark/history.ts, on ranks) use this one.
 */

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
