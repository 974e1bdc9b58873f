/**
 * Eigenvalues of a small symmetric matrix by the cyclic Jacobi method (Golub & Van Loan,
 * *Matrix Computations*, 4th ed., §8.5), for the principal components of the indicators'
 * correlation matrix. Written here rather than taken from a library: the matrices are
 * k × k with k the number of indicators (4–10), Jacobi is accurate to machine precision
 * on symmetric matrices (each rotation is orthogonal), about forty lines, and keeps the
 * pure core free of a dependency that would be bundled for this one call.
 */

const MAX_SWEEPS = 100;

/** Eigenvalues of the symmetric matrix `a` (only read, never changed), largest first. */
export function symmetricEigenvalues(a: readonly (readonly number[])[]): number[] {
  const k = a.length;
  const m = a.map((row) => [...row]);
  const at = (i: number, j: number) => (m[i] as number[])[j] as number;
  const set = (i: number, j: number, v: number) => {
    (m[i] as number[])[j] = v;
  };
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < k; i++) {
      diag += at(i, i) * at(i, i);
      for (let j = i + 1; j < k; j++) off += at(i, j) * at(i, j);
    }
    if (off === 0 || off <= 1e-32 * diag) break;
    for (let p = 0; p < k - 1; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = at(p, q);
        if (apq === 0) continue;
        // The rotation that zeroes m[p][q]: t = tan θ, the smaller root for stability.
        const theta = (at(q, q) - at(p, p)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const arp = at(r, p);
          const arq = at(r, q);
          set(r, p, c * arp - s * arq);
          set(r, q, s * arp + c * arq);
        }
        for (let r = 0; r < k; r++) {
          const apr = at(p, r);
          const aqr = at(q, r);
          set(p, r, c * apr - s * aqr);
          set(q, r, s * apr + c * aqr);
        }
      }
    }
  }
  return Array.from({ length: k }, (_, i) => at(i, i)).sort((x, y) => y - x);
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
