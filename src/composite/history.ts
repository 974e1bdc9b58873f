/**
 * The history view: each unit's rank in every quarter and the change since the quarter
 * before. Units are matched by id, so a jobcentre that split (Vallensbæk-Ishøj, 2022) ends
 * and two new ones begin; nothing is carried across a change of mapping.
 */
import type { IndexUnit, PeriodScores } from "./types.js";

export interface HistoryPoint {
  period: string;
  rank: number | null;
  tied: boolean;
  score: number | null;
  /** Rank now minus rank in the previous quarter (negative = moved up); null if not ranked in both. */
  change: number | null;
}

export interface HistoryUnit {
  unit: IndexUnit;
  points: HistoryPoint[];
}

export interface HistoryView {
  periods: string[];
  units: HistoryUnit[];
}

/** `periods` in chronological order; units ordered by their rank in the last period, then id. */
export function rankHistory(periods: readonly PeriodScores[]): HistoryView {
  const units = new Map<string, IndexUnit>();
  for (const p of periods)
    for (const u of p.units) if (!units.has(u.unit.id)) units.set(u.unit.id, u.unit);
  const lookup = periods.map((p) => new Map(p.units.map((u) => [u.unit.id, u])));
  const last = lookup.at(-1) ?? new Map();
  const order = [...units.values()].sort((a, b) => {
    const ra = last.get(a.id)?.rank ?? Number.POSITIVE_INFINITY;
    const rb = last.get(b.id)?.rank ?? Number.POSITIVE_INFINITY;
    return ra - rb || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  return {
    periods: periods.map((p) => p.period),
    units: order.map((unit) => ({
      unit: last.get(unit.id)?.unit ?? unit,
      points: periods.map((p, i) => {
        const now = lookup[i]?.get(unit.id);
        const before = i > 0 ? lookup[i - 1]?.get(unit.id) : undefined;
        return {
          period: p.period,
          rank: now?.rank ?? null,
          tied: now?.tied ?? false,
          score: now?.score ?? null,
          change: now !== undefined && before !== undefined ? now.rank - before.rank : null,
        };
      }),
    })),
  };
}
