/**
 * The Wilson score interval of a proportion k/n (Wilson 1927): better than the normal
 * interval for small n and shares near 0 or 1, and never outside [0, 1].
 *
 * @example wilsonInterval(8, 10, 1.959964) // ≈ { low: 0.4902, high: 0.9433 }
 */
export function wilsonInterval(k: number, n: number, z: number): { low: number; high: number } {
  if (n <= 0) throw new Error("wilsonInterval: n must be positive");
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At k = 0 (k = n) the bound is 0 (1) exactly; rounding would leave 1e-17 beside it.
  return {
    low: k === 0 ? 0 : Math.max(0, centre - half),
    high: k === n ? 1 : Math.min(1, centre + half),
  };
}
