/**
 * Competition ranking ("1, 2, 2, 4") inside the simulation loops: the same rule as
 * src/rank.ts, but on typed arrays and without allocating, because it runs once per
 * Monte Carlo draw or bootstrap refit.
 */

export type RankOrder = "asc" | "desc";

/**
 * Compares two values as src/rank.ts does with `decimals`: equal after `toFixed(decimals)`.
 * Values further apart than 1.5 units of the last decimal can never round to the same
 * number, so the costly `toFixed` runs only for near-ties.
 */
export function equalAtDecimals(a: number, b: number, decimals: number | undefined): boolean {
  if (a === b) return true;
  if (decimals === undefined) return false;
  return nearTie(a, b, tieReach(decimals)) && roundedEqual(a, b, decimals);
}

/** How far apart two values can be and still round to the same `decimals`. */
function tieReach(decimals: number | undefined): number {
  return decimals === undefined ? 0 : 1.5 * 10 ** -decimals;
}

function nearTie(a: number, b: number, reach: number): boolean {
  return a - b <= reach && b - a <= reach;
}

function roundedEqual(a: number, b: number, decimals: number): boolean {
  return Number(a.toFixed(decimals)) === Number(b.toFixed(decimals));
}

/**
 * A reusable ranker over a fixed buffer of scores. `rank(order, count)` sorts the first
 * `count` unit indexes in `order` by score (best first; equal scores by index, so the
 * result never depends on the previous order) and writes each unit's competition rank.
 */
/**
 * A reusable ranker over a fixed buffer of scores. `rank(order, count)` sorts the first
 * `count` unit indexes in `order` by score (best first; equal scores by index, so the
 * result never depends on the order it starts from) and writes each unit's competition rank.
 */
export class Ranker {
  /** +1 sorts descending (highest score first), −1 ascending. */
  private readonly sign: 1 | -1;
  private readonly reach: number;

  constructor(
    /** Scores by unit index; the caller refills it before each `rank`. */
    readonly scores: Float64Array,
    readonly direction: RankOrder,
    /** Scores equal to this many decimals share a rank (undefined: exactly equal). */
    readonly decimals: number | undefined,
  ) {
    this.sign = direction === "desc" ? 1 : -1;
    this.reach = tieReach(decimals);
  }

  /**
   * Ranks the units listed in `order[0 … count)`; `ranks[offset + unit]` receives 1 … count.
   * `order` is sorted in place by insertion: the caller keeps it from the last draw of the
   * same kind, which is nearly sorted already, so this costs little more than one pass
   * (and, unlike Array#sort with a comparator, calls no function per comparison).
   */
  rank(order: Uint32Array, count: number, ranks: Uint16Array, offset = 0): void {
    const scores = this.scores;
    const sign = this.sign;
    for (let p = 1; p < count; p++) {
      const unit = order[p] as number;
      const key = sign * (scores[unit] as number);
      let q = p - 1;
      for (; q >= 0; q--) {
        const other = order[q] as number;
        const otherKey = sign * (scores[other] as number);
        // Stop once `other` belongs before `unit`: better score, or equal and smaller index.
        if (otherKey > key || (otherKey === key && other < unit)) break;
        order[q + 1] = other;
      }
      order[q + 1] = unit;
    }
    const { reach, decimals } = this;
    let previous = Number.NaN;
    let previousRank = 0;
    for (let p = 0; p < count; p++) {
      const unit = order[p] as number;
      const score = scores[unit] as number;
      // Cheap test first: most neighbours are far apart and cannot share a rounded value.
      const tied =
        p > 0 &&
        (score === previous ||
          (decimals !== undefined &&
            nearTie(score, previous, reach) &&
            roundedEqual(score, previous, decimals)));
      const rank = tied ? previousRank : p + 1;
      ranks[offset + unit] = rank;
      previous = score;
      previousRank = rank;
    }
  }
}
