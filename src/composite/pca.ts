/**
 * Weights from principal components: the share of the first principal component (of the
 * correlation matrix of the normalised indicators) that each indicator carries, i.e. the
 * squared loadings of its unit-length eigenvector, which sum to 1. Indicators that move
 * with the others weigh more; one that measures something else weighs little.
 */

import { correlationMatrix as correlations } from "./correlation.js";
import { symmetricEigen } from "./eigen.js";

export { symmetricEigen } from "./eigen.js";

/** Pearson correlation matrix of columns that all vary (each a list over the same units). */
export function correlationMatrix(columns: readonly number[][]): number[][] {
  return correlations(columns).map((row) => row.map((r) => r ?? 0));
}

/** The first component's squared loadings (sum 1), or why they are not defined. */
export function pcaWeights(columns: readonly number[][]): number[] | string {
  if (columns.length < 2) return "PCA weights need at least two indicators";
  for (const c of columns) {
    if (c.every((v) => v === c[0])) return "PCA weights need every indicator to vary";
  }
  const { values, vectors } = symmetricEigen(correlationMatrix(columns));
  const first = values[0] as number;
  const second = values[1] as number;
  if (first - second <= 1e-9 * first) {
    return "PCA weights are not defined: the first two components explain the same variance";
  }
  return (vectors[0] as number[]).map((x) => x * x);
}
