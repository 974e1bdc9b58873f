/**
 * Weights from principal components: the share of the first principal component (of the
 * correlation matrix of the normalised indicators) that each indicator carries, i.e. the
 * squared loadings of its unit-length eigenvector, which sum to 1. Indicators that move
 * with the others weigh more; one that measures something else weighs little.
 */

/** Pearson correlation matrix of columns (each a list of values over the same units). */
export function correlationMatrix(columns: readonly number[][]): number[][] {
  const k = columns.length;
  const centred = columns.map((c) => {
    const m = c.reduce((a, b) => a + b, 0) / c.length;
    return c.map((v) => v - m);
  });
  const norms = centred.map((c) => Math.sqrt(c.reduce((a, v) => a + v * v, 0)));
  const out: number[][] = [];
  for (let i = 0; i < k; i++) {
    const row: number[] = [];
    for (let j = 0; j < k; j++) {
      const a = centred[i] as number[];
      const b = centred[j] as number[];
      let s = 0;
      for (let u = 0; u < a.length; u++) s += (a[u] as number) * (b[u] as number);
      row.push(i === j ? 1 : s / ((norms[i] as number) * (norms[j] as number)));
    }
    out.push(row);
  }
  return out;
}

/**
 * Eigenvalues and unit eigenvectors of a symmetric matrix by cyclic Jacobi rotations,
 * largest eigenvalue first; `vectors[i]` belongs to `values[i]`. Exact to rounding for
 * the small matrices of an index (k indicators).
 */
export function symmetricEigen(matrix: readonly number[][]): {
  values: number[];
  vectors: number[][];
} {
  const k = matrix.length;
  const a = matrix.map((r) => [...r]);
  const v = a.map((_, i) => a.map((__, j) => (i === j ? 1 : 0)));
  const at = (i: number, j: number) => (a[i] as number[])[j] as number;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) off += at(i, j) ** 2;
    if (off < 1e-30) break;
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
