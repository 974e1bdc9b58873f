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
  // Distinct values (the usual case for drawn weights): a value's place in the order is
  // the number of smaller values, found in a natively sorted copy, with no comparator call
  // per comparison. Equal values need the draw index to break the tie: the sort below.
  const sorted = Float64Array.from(values).sort();
  let distinct = true;
  for (let i = 1; i < n && distinct; i++)
    distinct = (sorted[i - 1] as number) < (sorted[i] as number);
  if (distinct) {
    for (let d = 0; d < n; d++) {
      const v = values[d] as number;
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((sorted[mid] as number) < v) lo = mid + 1;
        else hi = mid;
      }
      groups[d] = Math.floor((lo * bins) / n);
    }
    return { groups, count: bins };
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
  for (let p = 0; p < n; p++) groups[order[p] as number] = Math.floor((p * bins) / n);
  return { groups, count: bins };
}

/** Centred ranks held at once by `firstOrderIndices` (a block of draws × units). */
const CENTRED_BLOCK = 1 << 16;

/** One grouping of the draws, for `firstOrderIndices`. */
export interface Grouping {
  groups: Uint32Array;
  groupCount: number;
}

/**
 * `firstOrderIndex` of several groupings of the same draws at once: the unit means and the
 * total sum of squares, which do not depend on the grouping, are computed once, and one
 * pass over the ranks centres them (a block of draws at a time), from which each grouping's
 * sums are filled in a loop of their own. Each result equals the plain two-pass definition of
 * that grouping alone, bit for bit (the same sums in the same order;
 * test/uncertainty/first-order-reference.ts, sensitivity-pass and sensitivity-blocks tests).
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

  // The centred ranks of a block of draws, once; then each grouping's cells are filled
  // from them in a tight loop of its own. Every cell still receives its draws in draw
  // order, and the total its terms in storage order, so the sums are the same as before.
  const cellSums = groupings.map((g) => new Float64Array(units * g.groupCount));
  const cellCounts = groupings.map((g) => new Float64Array(units * g.groupCount));
  const block = Math.max(1, Math.min(draws, Math.floor(CENTRED_BLOCK / Math.max(1, units))));
  const centred = new Float64Array(block * units);
  const ranked = new Uint8Array(block * units);
  let total = 0;
  for (let from = 0; from < draws; from += block) {
    const to = Math.min(draws, from + block);
    const sums = centreBlock(ranks, from, to, units, means, centred, ranked, total);
    total = sums.total;
    for (let k = 0; k < groupings.length; k++) {
      const { groups, groupCount } = groupings[k] as Grouping;
      const s = cellSums[k] as Float64Array;
      const n = cellCounts[k] as Float64Array;
      if (sums.unranked) addSomeRanked(groups, groupCount, s, n, centred, ranked, from, to, units);
      else addAllRanked(groups, groupCount, s, n, centred, from, to, units);
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

/**
 * Draws `from … to` of the ranks centred on the unit means into `centred` (0 and `ranked`
 * 0 where a unit was not ranked); `total` plus their squares, added in storage order (so
 * the total over all blocks is the one a single pass gives).
 */
function centreBlock(
  ranks: Uint16Array,
  from: number,
  to: number,
  units: number,
  means: Float64Array,
  centred: Float64Array,
  ranked: Uint8Array,
  totalBefore: number,
): { total: number; unranked: boolean } {
  let total = totalBefore;
  let unranked = false;
  for (let d = from; d < to; d++) {
    const row = d * units;
    const at = (d - from) * units;
    for (let u = 0; u < units; u++) {
      const r = ranks[row + u] as number;
      if (r === 0) {
        centred[at + u] = 0;
        ranked[at + u] = 0;
        unranked = true;
        continue;
      }
      const c = r - (means[u] as number);
      total += c * c;
      centred[at + u] = c;
      ranked[at + u] = 1;
    }
  }
  return { total, unranked };
}

/** One grouping's cell sums and counts from a block of centred ranks, every unit ranked. */
function addAllRanked(
  groups: Uint32Array,
  groupCount: number,
  sums: Float64Array,
  counts: Float64Array,
  centred: Float64Array,
  from: number,
  to: number,
  units: number,
): void {
  for (let d = from; d < to; d++) {
    const at = (d - from) * units;
    for (let u = 0, cell = groups[d] as number; u < units; u++, cell += groupCount) {
      sums[cell] = (sums[cell] as number) + (centred[at + u] as number);
    }
  }
  // Every unit counts every draw of its group: the group sizes (whole numbers, so adding
  // them at once gives the same counts as adding 1 per draw).
  const sizes = new Float64Array(groupCount);
  for (let d = from; d < to; d++) {
    const g = groups[d] as number;
    sizes[g] = (sizes[g] as number) + 1;
  }
  for (let u = 0; u < units; u++) {
    for (let g = 0; g < groupCount; g++) {
      const cell = u * groupCount + g;
      counts[cell] = (counts[cell] as number) + (sizes[g] as number);
    }
  }
}

/** `addAllRanked` for a block in which some units were not ranked in some draws. */
function addSomeRanked(
  groups: Uint32Array,
  groupCount: number,
  sums: Float64Array,
  counts: Float64Array,
  centred: Float64Array,
  ranked: Uint8Array,
  from: number,
  to: number,
  units: number,
): void {
  for (let d = from; d < to; d++) {
    const at = (d - from) * units;
    for (let u = 0, cell = groups[d] as number; u < units; u++, cell += groupCount) {
      if (ranked[at + u] === 0) continue;
      sums[cell] = (sums[cell] as number) + (centred[at + u] as number);
      counts[cell] = (counts[cell] as number) + 1;
    }
  }
}
