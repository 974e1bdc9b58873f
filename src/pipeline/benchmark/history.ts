/**
 * `--history` (METHOD.md E): the published ranking of every period of the input up to the
 * chosen one, for the chosen group; each municipality's rank per period, and the Spearman
 * correlation of residual_pp between consecutive periods.
 */
import { type BenchmarkHistory, spearman } from "../../benchmark/history.js";
import { PUBLISHED_DECIMALS, publishedResults, rankResults } from "../../benchmark/published.js";
import { formatPeriod, type Period } from "../../period.js";
import type { InputRow } from "./observations.js";
import { selectSlice } from "./slice.js";

export type { BenchmarkHistory } from "../../benchmark/history.js";

export function historyOf(
  rows: readonly InputRow[],
  periods: readonly Period[],
  group: string,
): BenchmarkHistory {
  const names = new Map<string, string>();
  const ranks = new Map<string, Map<string, number>>();
  const residuals = new Map<string, Map<string, number>>();
  const labels = periods.map((p) => formatPeriod(p));
  periods.forEach((period, i) => {
    const label = labels[i] as string;
    const slice = selectSlice(rows, period, group);
    const ranked = rankResults(
      publishedResults(slice.observations, () => null),
      PUBLISHED_DECIMALS,
    );
    ranks.set(label, new Map(ranked.map((r) => [r.municipality, r.rank])));
    residuals.set(label, new Map(ranked.map((r) => [r.municipality, r.residualPp])));
    for (const r of ranked) names.set(r.municipality, r.name);
  });
  const codes = [...names.keys()].sort();
  const persistence = labels.slice(1).map((to, i) => {
    const from = labels[i] as string;
    const a = residuals.get(from) as Map<string, number>;
    const b = residuals.get(to) as Map<string, number>;
    const both = codes.filter((c) => a.has(c) && b.has(c));
    return {
      from,
      to,
      spearman: spearman(
        both.map((c) => a.get(c) as number),
        both.map((c) => b.get(c) as number),
      ),
    };
  });
  return {
    periods: labels,
    units: codes.map((municipality) => ({
      municipality,
      name: names.get(municipality) as string,
      ranks: Object.fromEntries(labels.map((p) => [p, ranks.get(p)?.get(municipality) ?? null])),
    })),
    persistence,
  };
}
