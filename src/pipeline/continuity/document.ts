/**
 * A continuity run → the ReportDocument every reporter renders. Only unit-level counts
 * and rates go in: no citizen, caseworker, date or row of the log, in any format.
 */
import { basename } from "node:path";
import { MIN_CITIZENS } from "../../continuity/summarise.js";
import { currentLang, formatNumberIn, t } from "../../i18n/index.js";
import type { ReportColumn, ReportDocument, ReportRow } from "../../report/types.js";
import type { ContinuityRow, ContinuityRun } from "./types.js";

function resultJson(r: ContinuityRow): Record<string, unknown> {
  return {
    unit: r.unit,
    name: r.name,
    period: r.period,
    citizens: r.citizens,
    changes: r.changes,
    changes_per_100: r.changes_per_100,
    changed_share: r.changed_share,
    suppressed: r.suppressed,
    rank: r.rank,
  };
}

function notesFor(run: ContinuityRun): string[] {
  const notes: string[] = [];
  if (run.synthetic) notes.push(t("continuity.synthetic_note"));
  notes.push(t("continuity.note.method"), t("continuity.note.suppressed", { min: MIN_CITIZENS }));
  if (run.options.unit === "jobcentre") notes.push(t("continuity.note.pooled"));
  notes.push(
    t("continuity.note.input", {
      file: shownFile(run),
      n: currentLang() === "da" ? formatNumberIn(run.meetings, 0, "da", true) : run.meetings,
    }),
  );
  return notes;
}

function shownFile(run: ContinuityRun): string {
  return run.options.input ?? `data/demo/${basename(run.file)}`;
}

/** The table's columns in the run's language; CSV headers are the keys. */
function rankingColumns(): ReportColumn[] {
  return [
    { key: "period", header: t("continuity.col.period"), kind: "text" },
    { key: "rank", header: t("col.rank"), kind: "rank", tiedKey: "tied" },
    { key: "name", header: t("col.name"), kind: "text" },
    { key: "unit", header: t("continuity.col.unit"), kind: "text", optional: true },
    { key: "citizens", header: t("continuity.col.citizens"), kind: "integer" },
    { key: "changes", header: t("continuity.col.changes"), kind: "integer" },
    {
      key: "changes_per_100",
      header: t("continuity.col.changes_per_100"),
      kind: "number",
      digits: 1,
      better: "lower",
    },
    {
      key: "changed_share",
      header: t("continuity.col.changed_share"),
      kind: "number",
      digits: 3,
      better: "lower",
    },
    // CSV keeps `yes`; the table shows the word of the run's language.
    {
      key: "suppressed",
      header: t("continuity.col.suppressed"),
      kind: "text",
      labels: { yes: t("word.yes") },
    },
    { key: "tied", header: "tied", kind: "text", csvOnly: true },
  ];
}

function rowFor(r: ContinuityRow): ReportRow {
  return {
    period: r.period,
    rank: r.rank,
    tied: r.tied,
    name: r.name,
    unit: r.unit,
    municipalities: r.municipalities.join("|"),
    citizens: r.citizens,
    changes: r.changes,
    changes_per_100: r.changes_per_100,
    changed_share: r.changed_share,
    suppressed: r.suppressed ? "yes" : "",
  };
}

export function continuityDocument(run: ContinuityRun): ReportDocument {
  const notes = notesFor(run);
  const unitWord = t(run.options.unit === "jobcentre" ? "word.jobcentres" : "word.municipalities");
  const span =
    run.periods.length === 1
      ? t("word.period", { period: run.periods[0] ?? "" })
      : t("continuity.quarters", { from: run.periods[0] ?? "", to: run.periods.at(-1) ?? "" });
  const units = [...new Map(run.rows.map((r) => [r.unit, r.name])).entries()].sort((a, b) =>
    a[0] < b[0] ? -1 : 1,
  );
  const rankOf = new Map(run.rows.map((r) => [`${r.unit}|${r.period}`, r.rank]));
  const json: Record<string, unknown> = {
    command: "continuity",
    unit: run.options.unit,
    periods: run.periods,
    results: run.rows.map(resultJson),
    synthetic: run.synthetic,
    options: {
      unit: run.options.unit,
      ...(run.options.period !== undefined ? { period: run.options.period } : {}),
      ...(run.options.decimalMark !== undefined ? { decimalMark: run.options.decimalMark } : {}),
      ...(run.options.sheet !== undefined ? { sheet: run.options.sheet } : {}),
    },
    input: shownFile(run),
    min_citizens: MIN_CITIZENS,
    notes,
  };
  return {
    json,
    title: t("continuity.title", {
      synthetic: run.synthetic ? t("continuity.title_synthetic") : "",
    }),
    subtitle: t("continuity.subtitle", { span, n: units.length, units: unitWord }),
    synthetic: run.synthetic,
    // CSV has no notes: a column says the demo log is synthetic.
    columns: run.synthetic
      ? [
          ...rankingColumns(),
          { key: "synthetic", header: "synthetic", kind: "text", csvOnly: true },
        ]
      : rankingColumns(),
    rows: run.rows.map((r) => ({ ...rowFor(r), ...(run.synthetic ? { synthetic: "true" } : {}) })),
    sections: [],
    notes,
    ...(run.periods.length > 1
      ? {
          trend: {
            periods: run.periods,
            series: units.map(([id, name]) => ({
              id,
              name,
              ranks: run.periods.map((p) => rankOf.get(`${id}|${p}`) ?? null),
            })),
          },
        }
      : {}),
  };
}
