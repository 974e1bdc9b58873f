import { competitionRank } from "../rank.js";
import type { ContinuityCell, ContinuityResult } from "./types.js";

/** METHOD.md H: units with fewer citizens than this in a quarter are suppressed. */
export const MIN_CITIZENS = 5;

/**
 * Rates, suppression and ranks per quarter. changes_per_100 = 100 · changes / citizens;
 * changed_share = changed citizens / citizens; ranks by changes_per_100 among the units
 * not suppressed, lower is better, ties share the best rank (src/rank.ts).
 */
export function summariseContinuity(
  cells: readonly ContinuityCell[],
  unitIds: readonly string[],
  minCitizens = MIN_CITIZENS,
): ContinuityResult[] {
  const results: ContinuityResult[] = cells.map((c) => {
    const suppressed = c.citizens < minCitizens;
    return suppressed
      ? {
          unit: c.unit,
          quarter: c.quarter,
          suppressed,
          citizens: null,
          changes: null,
          changedCitizens: null,
          changesPer100: null,
          changedShare: null,
          rank: null,
          tied: false,
        }
      : {
          unit: c.unit,
          quarter: c.quarter,
          suppressed,
          citizens: c.citizens,
          changes: c.changes,
          changedCitizens: c.changedCitizens,
          changesPer100: (100 * c.changes) / c.citizens,
          changedShare: c.changedCitizens / c.citizens,
          rank: null,
          tied: false,
        };
  });
  const quarters = [...new Set(results.map((r) => r.quarter))];
  for (const q of quarters) {
    const shown = results.filter((r) => r.quarter === q && !r.suppressed);
    const byId = new Map(shown.map((r) => [unitIds[r.unit] as string, r]));
    const ranked = competitionRank(
      shown.map((r) => ({ id: unitIds[r.unit] as string, value: r.changesPer100 as number })),
      { order: "asc" },
    );
    for (const k of ranked) {
      const r = byId.get(k.id) as ContinuityResult;
      r.rank = k.rank;
      r.tied = k.tied;
    }
  }
  return results;
}
