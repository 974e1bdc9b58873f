/**
 * Quantiles by selection: the k-th smallest of an array found by partitioning it in place
 * (Hoare's quickselect, median-of-three pivots), expected O(n) against O(n log n) for the
 * full sort the bootstrap's per-unit intervals used to take. The quantile is the same
 * number the sort gives (`quantileSorted`, type 7: the two order statistics around
 * (n − 1)·p, interpolated), bit for bit (test/uncertainty/selection.test.ts).
 */

/**
 * Reorders `values[left..right]` so that `values[k]` is the value a sort would put there,
 * with none larger before it and none smaller after it; returns it. Values must not be NaN.
 */
export function selectInPlace(
  values: Float64Array,
  k: number,
  left = 0,
  right = values.length - 1,
): number {
  let lo = left;
  let hi = right;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot: sorted or reversed draws partition evenly.
    if ((values[mid] as number) < (values[lo] as number)) swap(values, mid, lo);
    if ((values[hi] as number) < (values[lo] as number)) swap(values, hi, lo);
    if ((values[hi] as number) < (values[mid] as number)) swap(values, hi, mid);
    const pivot = values[mid] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        swap(values, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break; // values[j + 1 .. i − 1] all equal the pivot
  }
  return values[k] as number;
}

function swap(values: Float64Array, a: number, b: number): void {
  const t = values[a] as number;
  values[a] = values[b] as number;
  values[b] = t;
}

/**
 * The `p` quantiles of `values` (each in [0, 1], ascending), as `quantileSorted` gives them
 * on the sorted values. Reorders `values`.
 */
export function quantilesBySelection(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return ps.map(() => Number.NaN);
  let from = 0;
  return ps.map((p) => {
    const h = (n - 1) * p;
    const k = Math.floor(h);
    // Everything from `from` on is at least every value before it, so the next selection
    // (a larger k) can leave that part out.
    const a = selectInPlace(values, k, from);
    from = k;
    let b = a;
    if (k + 1 < n) {
      b = values[k + 1] as number;
      for (let i = k + 2; i < n; i++) if ((values[i] as number) < b) b = values[i] as number;
    }
    return a + (h - k) * (b - a);
  });
}
