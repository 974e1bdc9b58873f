/**
 * Pearson correlations of the normalised indicators: one implementation for PCA weights
 * (pca.ts) and the audit (src/audit/correlation.ts). `columns[j][i]` is indicator j's value
 * for unit i.
 */
import { pearson } from "../correlation.js";

export { pearson } from "../correlation.js";

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
