/**
 * The index history as it was built before it was held compactly (one object per unit and
 * quarter, every quarter's rank a key of the unit's row): the reference the compact view
 * (src/composite/history.ts), its JSON and its rows (src/pipeline/index/document.ts,
 * src/report/rows.ts) must reproduce byte for byte in every format.
 */
import type { IndexUnit, PeriodScores } from "../../src/composite/types.js";
import type { ReportRow } from "../../src/report/types.js";

interface Point {
  period: string;
  rank: number | null;
  tied: boolean;
  score: number | null;
  change: number | null;
}

interface ReferenceView {
  periods: string[];
  units: Array<{ unit: IndexUnit; points: Point[] }>;
}

/** Each unit's point in every quarter, units by their last rank then id. */
export function referenceHistory(periods: readonly PeriodScores[]): ReferenceView {
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

/** The document's `history` field, as plain objects. */
export function referenceHistoryJson(view: ReferenceView): Record<string, unknown> {
  return {
    periods: view.periods,
    units: view.units.map((u) => ({
      id: u.unit.id,
      name: u.unit.name,
      municipalities: [...u.unit.municipalities],
      ranks: u.points.map((p) => ({
        period: p.period,
        rank: p.rank,
        tied: p.tied,
        score: p.score,
        change: p.change,
      })),
    })),
  };
}

/** The history table's rows, every quarter's rank and shared place a key of the row. */
export function referenceHistoryRows(view: ReferenceView): ReportRow[] {
  return view.units.map((u) => {
    const last = u.points.at(-1);
    const row: ReportRow = {
      rank: last?.rank ?? null,
      tied: last?.tied ?? false,
      id: u.unit.id,
      name: u.unit.name,
      municipalities: u.unit.municipalities.join(" "),
      score: last?.score ?? null,
      change: last?.change ?? null,
    };
    for (const p of u.points) {
      row[`rank_${p.period}`] = p.rank;
      row[`tied_${p.period}`] = p.rank !== null ? p.tied : null;
    }
    return row;
  });
}
