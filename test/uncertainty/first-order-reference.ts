/**
 * The first-order sensitivity index by its plain definition, one grouping at a time: the
 * reference that src/uncertainty/sensitivity.ts's `firstOrderIndices` (which computes all
 * groupings in one blocked pass) must equal bit for bit.
 */

/**
 * Pooled first-order index of a grouping of the draws. `ranks[d · units + u]` is unit u's
 * rank in draw d, 0 when it was not ranked (such draws are left out for that unit).
 * Returns 0 when no unit's rank varies. Two passes in storage order (draw by draw): unit
 * means first, then sums of centred ranks per unit and group, which keeps the sums small
 * and so the between-group share accurate.
 */
export function firstOrderIndex(
  ranks: Uint16Array,
  draws: number,
  units: number,
  groups: Uint32Array,
  groupCount: number,
): number {
  const sums = new Float64Array(units);
  const counts = new Float64Array(units);
  for (let d = 0; d < draws; d++) {
    const row = d * units;
    for (let u = 0; u < units; u++) {
      const r = ranks[row + u] as number;
      if (r === 0) continue;
      sums[u] = (sums[u] as number) + r;
      counts[u] = (counts[u] as number) + 1;
    }
  }
  const means = new Float64Array(units);
  for (let u = 0; u < units; u++) means[u] = (sums[u] as number) / ((counts[u] as number) || 1);

  const groupSums = new Float64Array(units * groupCount);
  const groupCounts = new Float64Array(units * groupCount);
  let total = 0;
  for (let d = 0; d < draws; d++) {
    const row = d * units;
    const g = groups[d] as number;
    for (let u = 0; u < units; u++) {
      const r = ranks[row + u] as number;
      if (r === 0) continue;
      const centred = r - (means[u] as number);
      total += centred * centred;
      const cell = u * groupCount + g;
      groupSums[cell] = (groupSums[cell] as number) + centred;
      groupCounts[cell] = (groupCounts[cell] as number) + 1;
    }
  }
  if (!(total > 0)) return 0;
  // Σ_g n_g (mean_g − mean)² = Σ_g (Σ_g centred)² / n_g.
  let between = 0;
  for (let cell = 0; cell < groupSums.length; cell++) {
    const n = groupCounts[cell] as number;
    if (n > 0) between += ((groupSums[cell] as number) * (groupSums[cell] as number)) / n;
  }
  return between / total;
}
