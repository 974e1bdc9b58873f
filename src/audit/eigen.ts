/** The principal components' variance shares, for the audit (METHOD.md F). */
import { symmetricEigen } from "../composite/eigen.js";

/** Eigenvalues of the symmetric matrix `a` (only read, never changed), largest first. */
export function symmetricEigenvalues(a: readonly (readonly number[])[]): number[] {
  return symmetricEigen(a.map((row) => [...row])).values;
}

/**
 * Share of the total variance carried by each principal component of a correlation
 * matrix: its eigenvalues over their sum (k, the trace), largest first. An undefined
 * correlation (a constant indicator) counts as 0.
 */
export function varianceShares(correlation: readonly (readonly (number | null)[])[]): number[] {
  const filled = correlation.map((row) => row.map((r) => r ?? 0));
  const values = symmetricEigenvalues(filled);
  let trace = 0;
  for (let i = 0; i < filled.length; i++) trace += (filled[i] as number[])[i] as number;
  return values.map((v) => v / trace);
}
