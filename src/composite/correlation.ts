/**
 * Pearson correlations of the normalised indicators: one implementation for PCA weights
 * (pca.ts) and the audit (src/audit/correlation.ts). `columns[j][i]` is indicator j's value
 * for unit i.
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
