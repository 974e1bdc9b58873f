/**
 * Eigenvalues and eigenvectors of a small symmetric matrix by the cyclic Jacobi method
 * (Golub & Van Loan, *Matrix Computations*, 4th ed., §8.5): the principal components of the
 * indicators' correlation matrix, for PCA weights (pca.ts) and the audit's variance shares
 * (src/audit). Written here rather than taken from a library: the matrices are k × k with k
 * the number of indicators (4–10), Jacobi is accurate to machine precision on symmetric
 * matrices (each rotation is orthogonal), and the pure core stays free of a dependency that
 * would be bundled for this one use.
 */

const MAX_SWEEPS = 100;

/**
 * Eigenvalues and unit eigenvectors of a symmetric matrix by cyclic Jacobi rotations,
 * largest eigenvalue first; `vectors[i]` belongs to `values[i]`.
 */
export function symmetricEigen(matrix: readonly number[][]): {
  values: number[];
  vectors: number[][];
} {
  const k = matrix.length;
  const a = matrix.map((r) => [...r]);
  const v = a.map((_, i) => a.map((__, j) => (i === j ? 1 : 0)));
  const at = (i: number, j: number) => (a[i] as number[])[j] as number;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < k; i++) {
      diag += at(i, i) ** 2;
      for (let j = i + 1; j < k; j++) off += at(i, j) ** 2;
    }
    if (off === 0 || off <= 1e-32 * diag) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = at(p, q);
        if (apq === 0) continue;
        const theta = (at(q, q) - at(p, p)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const arp = at(r, p);
          const arq = at(r, q);
          (a[r] as number[])[p] = c * arp - s * arq;
          (a[r] as number[])[q] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = at(p, r);
          const aqr = at(q, r);
          (a[p] as number[])[r] = c * apr - s * aqr;
          (a[q] as number[])[r] = s * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = (v[r] as number[])[p] as number;
          const vrq = (v[r] as number[])[q] as number;
          (v[r] as number[])[p] = c * vrp - s * vrq;
          (v[r] as number[])[q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const order = a.map((_, i) => i).sort((x, y) => at(y, y) - at(x, x) || x - y);
  return {
    values: order.map((i) => at(i, i)),
    vectors: order.map((i) => v.map((row) => row[i] as number)),
  };
}
