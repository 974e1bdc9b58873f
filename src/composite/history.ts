/**
 * The history view: each unit's rank in every quarter and the change since the quarter
 * before. Units are matched by id, so a jobcentre that split (Vallensbæk-Ishøj, 2022) ends
 * and two new ones begin; nothing is carried across a change of mapping.
 *
 * Held compactly (docs/performance.md, "Memory"): of a quarter the history needs only each
 * unit's rank, shared place and score (`RankedQuarter`, made by `rankIndex` without the
 * quarter's `PeriodScores`), and the view is three typed arrays, units × quarters, not one
 * object per point; `historyPoint` gives a point as an object.
 */
import type { IndexUnit, PeriodScores, RankedQuarter } from "./types.js";

export type { RankedQuarter } from "./types.js";

export interface HistoryPoint {
  period: string;
  rank: number | null;
  tied: boolean;
  score: number | null;
  /** Rank now minus rank in the previous quarter (negative = moved up); null if not ranked in both. */
  change: number | null;
}

/**
 * A quarter's ranking as the history keeps it. `units` gives the unit objects to hold
 * (one object for equal units across quarters, so 800 quarters do not hold 800 copies of
 * each); by default the ranking's own.
 */
export function rankedQuarter(
  scores: PeriodScores,
  units: (unit: IndexUnit) => IndexUnit = (u) => u,
): RankedQuarter {
  const n = scores.units.length;
  const out: RankedQuarter = {
    period: scores.period,
    units: scores.units.map((u) => units(u.unit)),
    rank: new Int32Array(n),
    tied: new Uint8Array(n),
    score: new Float64Array(n),
  };
  scores.units.forEach((u, i) => {
    out.rank[i] = u.rank;
    out.tied[i] = u.tied ? 1 : 0;
    out.score[i] = u.score;
  });
  return out;
}

/**
 * Every unit's rank, shared place and score in every quarter: the cell of unit `u` in
 * quarter `p` is at `u * periods.length + p`. `rank` is 0 where the unit was not ranked
 * (its point has rank, score and change null and is not tied).
 */
export interface HistoryView {
  periods: string[];
  units: IndexUnit[];
  rank: Int32Array;
  tied: Uint8Array;
  score: Float64Array;
}

/** `periods` in chronological order; units ordered by their rank in the last period, then id. */
export function rankHistory(periods: readonly (PeriodScores | RankedQuarter)[]): HistoryView {
  const quarters = periods.map((p) => ("rank" in p ? p : rankedQuarter(p)));
  const first = new Map<string, IndexUnit>();
  for (const q of quarters) for (const u of q.units) if (!first.has(u.id)) first.set(u.id, u);
  const last = quarters.at(-1);
  const lastAt = new Map((last?.units ?? []).map((u, i) => [u.id, i]));
  const lastRank = (id: string) => {
    const at = lastAt.get(id);
    return at === undefined ? Number.POSITIVE_INFINITY : (last?.rank[at] as number);
  };
  const order = [...first.values()].sort((a, b) => {
    const ra = lastRank(a.id);
    const rb = lastRank(b.id);
    return ra - rb || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  const row = new Map(order.map((u, i) => [u.id, i]));
  const width = quarters.length;
  const cells = order.length * width;
  const view: HistoryView = {
    periods: quarters.map((q) => q.period),
    units: order.map((u) => {
      const at = lastAt.get(u.id);
      return at === undefined ? u : (last?.units[at] as IndexUnit);
    }),
    rank: new Int32Array(cells),
    tied: new Uint8Array(cells),
    score: new Float64Array(cells).fill(Number.NaN),
  };
  quarters.forEach((q, p) => {
    q.units.forEach((u, i) => {
      const at = (row.get(u.id) as number) * width + p;
      view.rank[at] = q.rank[i] as number;
      view.tied[at] = q.tied[i] as number;
      view.score[at] = q.score[i] as number;
    });
  });
  return view;
}

/** The point of unit `u` (its place in `view.units`) in quarter `p`. */
export function historyPoint(view: HistoryView, u: number, p: number): HistoryPoint {
  const width = view.periods.length;
  const at = u * width + p;
  const rank = view.rank[at] as number;
  const before = p > 0 ? (view.rank[at - 1] as number) : 0;
  return {
    period: view.periods[p] as string,
    rank: rank > 0 ? rank : null,
    tied: rank > 0 && view.tied[at] === 1,
    score: rank > 0 ? (view.score[at] as number) : null,
    change: rank > 0 && before > 0 ? rank - before : null,
  };
}
