/** Pure layout helpers for chart labels. */

/**
 * Moves label positions apart so neighbours are at least `gap` apart, staying within
 * [min, max] where possible: a forward pass pushes down, a backward pass pulls back up.
 * Returns positions in the input order.
 */
export function spreadLabels(
  wanted: readonly number[],
  gap: number,
  min: number,
  max: number,
): number[] {
  const order = wanted.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const placed = order.map((o) => Math.max(min, o.y));
  for (let k = 1; k < placed.length; k++) {
    placed[k] = Math.max(placed[k] ?? 0, (placed[k - 1] ?? 0) + gap);
  }
  for (let k = placed.length - 1; k >= 0; k--) {
    const limit = k === placed.length - 1 ? max : (placed[k + 1] ?? max) - gap;
    placed[k] = Math.min(placed[k] ?? 0, limit);
  }
  const out = new Array<number>(wanted.length);
  order.forEach((o, k) => {
    out[o.i] = placed[k] ?? o.y;
  });
  return out;
}
