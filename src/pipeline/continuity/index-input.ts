/**
 * `continuity --format index-input`: one row per municipality and quarter, the columns an
 * index profile reads (data/methods/README.md, "Continuity as index columns"). The counts
 * let the index pool a jobcentre's municipalities as a ratio of sums; the rates are there
 * for reading. Suppressed cells are left empty, so the index's `missing` rule decides.
 */
import type { ContinuityRun } from "./types.js";

export const INDEX_INPUT_COLUMNS = [
  "municipality",
  "period",
  "continuity_citizens",
  "continuity_changes",
  "continuity_changed_citizens",
  "changes_per_100",
  "changed_share",
] as const;

function cell(v: number | null): string {
  return v === null ? "" : String(v);
}

export function indexInputCsv(run: ContinuityRun): string {
  const lines: string[] = [INDEX_INPUT_COLUMNS.join(",")];
  const rows = [...run.rows].sort((a, b) =>
    a.unit === b.unit ? (a.period < b.period ? -1 : 1) : a.unit < b.unit ? -1 : 1,
  );
  for (const r of rows) {
    lines.push(
      [
        r.unit,
        r.period,
        cell(r.citizens),
        cell(r.changes),
        cell(r.changed_citizens),
        cell(r.changes_per_100),
        cell(r.changed_share),
      ].join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}
