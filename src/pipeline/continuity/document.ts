/**
 * A continuity run → the ReportDocument every reporter renders. Only unit-level counts
 * and rates go in: no citizen, caseworker, date or row of the log, in any format.
 */
import { basename } from "node:path";
import { MIN_CITIZENS } from "../../continuity/summarise.js";
import type { ReportColumn, ReportDocument, ReportRow } from "../../report/types.js";
import type { ContinuityRow, ContinuityRun } from "./types.js";

const SYNTHETIC_NOTE =
  "SYNTHETIC demo data (data/demo/README.md): a generated meeting log for trying the tool, not real results for any jobcentre.";

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
  if (run.synthetic) notes.push(SYNTHETIC_NOTE);
  notes.push(
    "Method (METHOD.md H): each citizen's meetings ordered by date (ties by input order); a change is a meeting with another caseworker than the citizen's previous meeting. changes_per_100 = 100 · changes / citizens; changed_share = citizens with a change / citizens; rank by changes_per_100 within the quarter, lower is better, ties share the best rank.",
    `Units with fewer than ${MIN_CITIZENS} citizens in a quarter are suppressed (no counts shown, not ranked).`,
  );
  if (run.options.unit === "jobcentre") {
    notes.push(
      "Jobcentres pooled by the registry for each quarter (data/registry/jobcentres.csv): Esbjerg-Fanø, Frederikshavn-Læsø, Tårnby-Dragør, Vallensbæk-Ishøj until 2021.",
    );
  }
  notes.push(`Input: ${shownFile(run)}, ${run.meetings} meetings.`);
  return notes;
}

function shownFile(run: ContinuityRun): string {
  return run.options.input ?? `data/demo/${basename(run.file)}`;
}

const RANKING_COLUMNS: ReportColumn[] = [
  { key: "period", header: "Period", kind: "text" },
  { key: "rank", header: "Rank", kind: "rank", tiedKey: "tied" },
  { key: "name", header: "Name", kind: "text" },
  { key: "unit", header: "Unit", kind: "text", optional: true },
  { key: "citizens", header: "Citizens", kind: "integer" },
  { key: "changes", header: "Changes", kind: "integer" },
  {
    key: "changes_per_100",
    header: "Changes/100",
    kind: "number",
    digits: 1,
    better: "lower",
  },
  {
    key: "changed_share",
    header: "Changed share",
    kind: "number",
    digits: 3,
    better: "lower",
  },
  { key: "suppressed", header: "Suppressed", kind: "text" },
  { key: "tied", header: "tied", kind: "text", csvOnly: true },
];

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
  const unitWord = run.options.unit === "jobcentre" ? "jobcentres" : "municipalities";
  const span =
    run.periods.length === 1
      ? `Period ${run.periods[0]}`
      : `Quarters ${run.periods[0]}–${run.periods.at(-1)}`;
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
    title: `Caseworker continuity${run.synthetic ? " (synthetic demo data)" : ""}`,
    subtitle: `${span} · ${units.length} ${unitWord} · lower is better`,
    synthetic: run.synthetic,
    // CSV has no notes: a column says the demo log is synthetic.
    columns: run.synthetic
      ? [...RANKING_COLUMNS, { key: "synthetic", header: "synthetic", kind: "text", csvOnly: true }]
      : RANKING_COLUMNS,
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
