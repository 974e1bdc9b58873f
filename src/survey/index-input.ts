/**
 * Survey results as an index input (`survey --format index-input`): one row per
 * municipality and quarter with, per area, the answers and the satisfied answers. Counts,
 * not shares, so the index pools a jobcentre's municipalities by summing them before it
 * takes the ratio (data/methods/quality.json), exactly as the survey itself pools. Pure.
 */
import type { SurveyOptions, SurveyResponse } from "./types.js";

export interface SurveyCountRow {
  municipality: string;
  /** The round as given (the pipeline maps it to the index's quarter). */
  round: string;
  /** `<area>_answers` and `<area>_satisfied` for every area. */
  counts: Record<string, number>;
}

export function surveyCounts(
  responses: readonly SurveyResponse[],
  areas: readonly string[],
  options: Pick<SurveyOptions, "satisfiedFrom">,
): SurveyCountRow[] {
  const rows = new Map<string, SurveyCountRow>();
  for (const r of responses) {
    const key = `${r.round}\u0000${r.municipality}`;
    let row = rows.get(key);
    if (row === undefined) {
      const counts: Record<string, number> = {};
      for (const a of areas) {
        counts[`${a}_answers`] = 0;
        counts[`${a}_satisfied`] = 0;
      }
      row = { municipality: r.municipality, round: r.round, counts };
      rows.set(key, row);
    }
    for (const a of r.answers) {
      row.counts[`${a.area}_answers`] = (row.counts[`${a.area}_answers`] ?? 0) + 1;
      if (a.score >= options.satisfiedFrom) {
        row.counts[`${a.area}_satisfied`] = (row.counts[`${a.area}_satisfied`] ?? 0) + 1;
      }
    }
  }
  return [...rows.values()].sort((a, b) =>
    a.round < b.round ? -1 : a.round > b.round ? 1 : a.municipality.localeCompare(b.municipality),
  );
}
