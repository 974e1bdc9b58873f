/**
 * Leave one indicator out (METHOD.md F): rank the units again without indicator j, the
 * remaining weights rescaled to sum to 1, and measure how far the ranking moves. The
 * normalised values are the index's own (each indicator is normalised on its own, so
 * removing one leaves the others unchanged); the aggregation and the tie rule are the
 * index's too (src/composite/aggregate.ts, src/rank.ts).
 */
import { aggregate } from "../composite/aggregate.js";
import type { Aggregation } from "../composite/profile.js";
import { RANK_DECIMALS } from "../composite/score.js";
import { competitionRank } from "../rank.js";

export interface LeaveOneOut {
  indicator: string;
  /** Mean over the units of |rank without the indicator − rank with all|. */
  meanAbsRankChange: number;
  /** Each unit's rank without the indicator, by unit id. */
  ranks: Record<string, number>;
}

export interface RankedMatrix {
  /** Unit ids, in the order of `rows`. */
  unitIds: readonly string[];
  /** Normalised values per unit, in indicator order. */
  rows: readonly (readonly number[])[];
  /** The index's rank of each unit, in the order of `rows`. */
  ranks: readonly number[];
}

/** Weights without indicator `j`, rescaled to sum to 1. */
export function weightsWithout(weights: readonly number[], j: number): number[] {
  const kept = weights.filter((_, i) => i !== j);
  const total = kept.reduce((s, w) => s + w, 0);
  return kept.map((w) => (total > 0 ? w / total : 1 / kept.length));
}

/** Competition ranks (best score first, RANK_DECIMALS ties) of scores in row order. */
export function ranksOf(unitIds: readonly string[], scores: readonly number[]): number[] {
  const ranked = competitionRank(
    unitIds.map((id, i) => ({ id, value: scores[i] as number })),
    { order: "desc", decimals: RANK_DECIMALS },
  );
  const byId = new Map(ranked.map((r) => [r.id, r.rank]));
  return unitIds.map((id) => byId.get(id) as number);
}

export function meanAbsoluteChange(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] as number) - (b[i] as number));
  return sum / a.length;
}

/** One result per indicator, in indicator order. Needs at least two indicators. */
export function leaveOneOut(
  ids: readonly string[],
  matrix: RankedMatrix,
  weights: readonly number[],
  aggregation: Aggregation,
): LeaveOneOut[] {
  if (ids.length < 2) return [];
  return ids.map((indicator, j) => {
    const w = weightsWithout(weights, j);
    const scores = matrix.rows.map((row) =>
      aggregate(
        row.filter((_, i) => i !== j),
        w,
        aggregation,
      ),
    );
    const ranks = ranksOf(matrix.unitIds, scores);
    return {
      indicator,
      meanAbsRankChange: meanAbsoluteChange(ranks, matrix.ranks),
      ranks: Object.fromEntries(matrix.unitIds.map((id, i) => [id, ranks[i] as number])),
    };
  });
}
