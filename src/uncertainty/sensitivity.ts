/**
 * Which assumption moves ranks most: a first-order (variance-based, Sobol-type) sensitivity
 * index per factor,
 *
 *   S = Var(E[rank | factor]) / Var(rank),
 *
 * the share of a unit's rank variance that knowing the factor alone would remove.
 *
 * Estimator (documented in docs/uncertainty.md): the draws are grouped by the factor's value
 * (one group per level of a discrete factor; equal-count bins of a continuous one) and
 * S is the between-group sum of squares over the total sum of squares of the ranks (the
 * correlation ratio η²). The units are pooled: S = Σᵤ SS_between,u / Σᵤ SS_total,u, i.e.
 * the average of the units' indices weighted by their rank variance, so units whose rank
 * never moves add nothing instead of a noisy 0/0. With G groups and N draws a factor
 * without any effect still scores about (G − 1)/(N − 1) by chance.
 */

/** At most this many bins for a continuous factor (10,000 draws → 500 per bin). */
export const MAX_BINS = 20;

/** √draws bins, between 2 and MAX_BINS: enough draws per bin to estimate its mean. */
export function binCount(draws: number): number {
  return Math.max(2, Math.min(MAX_BINS, Math.floor(Math.sqrt(draws))));
}

/**
 * Groups draws by a continuous value into `bins` equal-count bins (by rank of the value,
 * ties by draw index). A constant value is one group: it cannot explain anything.
 */
export function binByQuantile(
  values: Float64Array,
  bins: number,
): { groups: Uint32Array; count: number } {
  const n = values.length;
  const groups = new Uint32Array(n);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi > lo)) return { groups, count: 1 };
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
  for (let p = 0; p < n; p++) groups[order[p] as number] = Math.floor((p * bins) / n);
  return { groups, count: bins };
}

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

/** One grouping of the draws, for `firstOrderIndices`. */
export interface Grouping {
  groups: Uint32Array;
  groupCount: number;
}

/**
 * `firstOrderIndex` of several groupings of the same draws at once: the unit means and the
 * total sum of squares, which do not depend on the grouping, are computed once, and one
 * pass over the ranks fills every grouping's sums. Each result equals `firstOrderIndex` of
 * that grouping alone, bit for bit (the same sums in the same order;
 * test/uncertainty/sensitivity.test.ts).
 */
export function firstOrderIndices(
  ranks: Uint16Array,
  draws: number,
  units: number,
  groupings: readonly Grouping[],
): number[] {
  if (groupings.length === 0) return [];
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

  const f = groupings.length;
  const cellSums = groupings.map((g) => new Float64Array(units * g.groupCount));
  const cellCounts = groupings.map((g) => new Float64Array(units * g.groupCount));
  const groupOf = new Uint32Array(f);
  let total = 0;
  for (let d = 0; d < draws; d++) {
    const row = d * units;
    for (let k = 0; k < f; k++) groupOf[k] = (groupings[k] as Grouping).groups[d] as number;
    for (let u = 0; u < units; u++) {
      const r = ranks[row + u] as number;
      if (r === 0) continue;
      const centred = r - (means[u] as number);
      total += centred * centred;
      for (let k = 0; k < f; k++) {
        const cell = u * (groupings[k] as Grouping).groupCount + (groupOf[k] as number);
        const s = cellSums[k] as Float64Array;
        const c = cellCounts[k] as Float64Array;
        s[cell] = (s[cell] as number) + centred;
        c[cell] = (c[cell] as number) + 1;
      }
    }
  }
  return groupings.map((_, k) => {
    if (!(total > 0)) return 0;
    const s = cellSums[k] as Float64Array;
    const c = cellCounts[k] as Float64Array;
    let between = 0;
    for (let cell = 0; cell < s.length; cell++) {
      const n = c[cell] as number;
      if (n > 0) between += ((s[cell] as number) * (s[cell] as number)) / n;
    }
    return between / total;
  });
}
