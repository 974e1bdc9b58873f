/**
 * An index run → the ReportDocument every reporter renders. `json` is CLI.md's index
 * document plus what makes it reproducible and honest: the options, the method (name,
 * hash, full profile), whether the data are synthetic, every imputed or dropped value.
 */

import { type HistoryView, rankHistory } from "../../composite/history.js";
import { describeCause, unitLabel } from "../../composite/missing.js";
import type { IndicatorDefinition, MethodProfile } from "../../composite/profile.js";
import type { MissingCell, ScoredUnit } from "../../composite/types.js";
import { aggregateSummary } from "../../registry/aggregates.js";
import type { ReportColumn, ReportDocument, ReportRow, ReportSection } from "../../report/types.js";
import { type GroupView, withGrouping } from "../decorate/groups.js";
import { type Grouping, membersByGroup } from "../groups.js";
import type { IndexRun } from "./types.js";

/** Display decimals of a score: points are whole numbers, z-scores need three. */
function scoreDigits(profile: MethodProfile): number {
  switch (profile.json.normalisation.type) {
    case "points":
      return profile.json.aggregation.type === "sum" ? 0 : 1;
    case "zscore":
      return 3;
    default:
      return 1;
  }
}

function valueDigits(indicator: IndicatorDefinition): number {
  return indicator.digits;
}

function missingJson(cells: readonly MissingCell[]): Array<Record<string, string>> {
  return cells.map((c) => ({
    id: c.unit.id,
    name: c.unit.name,
    period: c.period,
    indicator: c.indicator,
    cause: describeCause(c.cause),
  }));
}

function resultJson(u: ScoredUnit, profile: MethodProfile): Record<string, unknown> {
  const indicators: Record<string, unknown> = {};
  for (const { id } of profile.indicators) {
    const i = u.indicators[id];
    if (i === undefined) continue;
    indicators[id] = {
      value: i.value,
      normalised: i.normalised,
      ...(i.imputed ? { imputed: true } : {}),
    };
  }
  return {
    id: u.unit.id,
    name: u.unit.name,
    municipalities: [...u.unit.municipalities],
    score: u.score,
    rank: u.rank,
    tied: u.tied,
    indicators,
  };
}

function historyJson(view: HistoryView): Record<string, unknown> {
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

/** One sentence naming the method's choices. */
export function methodSentence(profile: MethodProfile): string {
  const n = profile.json.normalisation;
  const normalisation: Record<typeof n.type, string> = {
    zscore: "z-scores (sample sd, direction applied)",
    minmax: "min–max 0–100 (direction applied)",
    rank: "ranks (1 = worst)",
    percentile: "percentile ranks 0–100",
    distance_to_best: "distance to the best unit (best = 100)",
    points: `1–${n.type === "points" ? n.bins : 10} points by decile`,
  };
  const a = profile.json.aggregation;
  const aggregation =
    a.type === "geometric"
      ? `weighted geometric mean (shift ${a.shift})`
      : a.type === "sum"
        ? "weighted sum"
        : "weighted arithmetic mean";
  const equal = profile.weights.every((w) => Math.abs(w - (profile.weights[0] ?? 0)) < 1e-12);
  const weights = equal
    ? `equal weights 1/${profile.weights.length}`
    : `weights ${profile.indicators.map((i, k) => `${i.id} ${profile.weights[k]}`).join(", ")}`;
  const winsor = profile.json.winsorise
    ? `, values winsorised to their ${profile.json.winsorise.lower}–${profile.json.winsorise.upper} quantiles`
    : "";
  return `Method ${profile.json.name}: ${normalisation[n.type]}${winsor}, ${aggregation} with ${weights}; rank by score, highest first.`;
}

/** One warning counting the total and region rows the input held (CLI.md), or none. */
function indexWarnings(run: IndexRun): Array<{ code: string; message: string }> {
  const skipped = run.skippedAggregates;
  if (skipped.length === 0) return [];
  return [
    {
      code: "W_SKIPPED_AGGREGATE_ROWS",
      message: `skipped ${skipped.length} row(s) for totals or regions, not municipalities: ${aggregateSummary(skipped)}`,
    },
  ];
}

function notesFor(run: IndexRun, history: HistoryView | undefined): string[] {
  const { profile } = run.method;
  const s = run.scores;
  const unitWord = run.options.unit === "jobcentre" ? "jobcentres" : "municipalities";
  const notes: string[] = [];
  if (run.synthetic) {
    notes.push(
      "SYNTHETIC demo data (data/demo/README.md): generated figures for trying the tool, not real results for any jobcentre.",
    );
  }
  notes.push(methodSentence(profile));
  notes.push(
    `${profile.json.title}: ${profile.json.indicators.map((i) => `${i.label} (${i.unit}, ${i.better} is better)`).join("; ")}.`,
  );
  if (run.options.unit === "jobcentre") {
    notes.push(
      `Jobcentres as mapped on the last day of ${s.period} (data/registry/jobcentres.csv); counts are summed over a jobcentre's municipalities before any ratio is taken.`,
    );
  }
  if (s.units.length < run.unitsInRegistry) {
    notes.push(
      `Ranked ${s.units.length} of ${run.unitsInRegistry} ${unitWord}: the others are not in the input${s.dropped.length > 0 ? " or were dropped" : ""}.`,
    );
  }
  const missing = run.unitsMissing;
  if (missing.length > 0) {
    notes.push(
      `Partial input: ${run.unitsInRegistry - missing.length} of the quarter's ${run.unitsInRegistry} ${unitWord} are present; ranks are among these only. Missing: ${missing.length <= 20 ? missing.join(", ") : `${missing.slice(0, 20).join(", ")} and ${missing.length - 20} more`}.`,
    );
  }
  for (const w of indexWarnings(run)) notes.push(`Warning: ${w.message} [${w.code}].`);
  if (s.units.some((u) => u.tied))
    notes.push("= marks a shared place (competition ranking: 1, 2, 2, 4).");
  for (const c of s.imputed) {
    notes.push(
      `Imputed (marked *): ${unitLabel(c.unit)}, ${c.indicator}: ${describeCause(c.cause)}; the quarter's mean of the other ${unitWord} stands in.`,
    );
  }
  for (const c of s.dropped) {
    notes.push(
      `Left out (--missing drop): ${unitLabel(c.unit)}, ${c.indicator}: ${describeCause(c.cause)}.`,
    );
  }
  if (history !== undefined) {
    notes.push(
      "Change: places gained (▲) or lost (▼) since the quarter before; – where the unit was not ranked then.",
    );
  }
  const source = run.options.inputs.length === 0 ? ` ${profile.json.input.source}` : "";
  notes.push(`Input: ${run.files.map((f) => shownPath(f)).join(", ")}.${source}`);
  notes.push(`Method profile ${shownMethod(run)} (sha256 ${profile.hash.slice(0, 12)}).`);
  return notes;
}

/** Paths inside the package are shown from its root, so outputs do not carry home folders. */
function shownPath(file: string): string {
  const at = file.replaceAll("\\", "/").lastIndexOf("/data/");
  return at >= 0 && !file.startsWith(".") ? file.slice(at + 1) : file;
}

function shownMethod(run: IndexRun): string {
  return run.method.shipped ? `data/methods/${run.method.ref}.json` : run.method.ref;
}

/** Row key of an indicator's display mark (`*` when imputed). */
const markKey = (id: string) => `${id}_mark`;

/** The rank as a number; the reporters add `=` for a shared place from `tied`. */
const RANK_COLUMN: ReportColumn = { key: "rank", header: "Rank", kind: "rank", tiedKey: "tied" };
/** CSV keeps the plain rank number, so the shared place needs its own machine column. */
const TIED_COLUMN: ReportColumn = { key: "tied", header: "Tied", kind: "text", csvOnly: true };

function indicatorColumns(profile: MethodProfile): ReportColumn[] {
  return profile.indicators.map((i) => ({
    key: i.id,
    header: i.short,
    csvHeader: i.id,
    kind: "number",
    digits: valueDigits(i),
    optional: true,
    markKey: markKey(i.id),
  }));
}

/** Imputed values stay numbers (CSV gets the number); which ones are imputed is listed here. */
const IMPUTED_COLUMN: ReportColumn = {
  key: "imputed",
  header: "Imputed",
  kind: "text",
  csvOnly: true,
};

function rowFor(u: ScoredUnit, profile: MethodProfile): ReportRow {
  const row: ReportRow = {
    rank: u.rank,
    tied: u.tied,
    id: u.unit.id,
    name: u.unit.name,
    // Space-separated member codes: the chart and map read it (src/report/svg/items.ts).
    municipalities: u.unit.municipalities.join(" "),
    score: u.score,
  };
  const imputed: string[] = [];
  for (const i of profile.indicators) {
    const v = u.indicators[i.id];
    if (v === undefined) continue;
    row[i.id] = v.value;
    if (v.imputed) {
      row[markKey(i.id)] = "*";
      imputed.push(i.id);
    }
  }
  // Space-separated indicator ids, as `municipalities`; empty when nothing was imputed.
  row.imputed = imputed.join(" ");
  return row;
}

function historyTable(
  view: HistoryView,
  scoreColumn: ReportColumn,
): { columns: ReportColumn[]; rows: ReportRow[] } {
  const newestFirst = [...view.periods].reverse();
  const columns: ReportColumn[] = [
    RANK_COLUMN,
    TIED_COLUMN,
    { key: "name", header: "Name", kind: "text" },
    scoreColumn,
    { key: "change", header: "Change", kind: "change" },
    // Newest first, so the oldest quarters are the ones dropped when the terminal is narrow.
    ...newestFirst.map(
      (p): ReportColumn => ({
        key: `rank_${p}`,
        header: p,
        kind: "rank",
        tiedKey: `tied_${p}`,
        optional: true,
      }),
    ),
    // CSV: each quarter's shared places, beside the plain rank numbers.
    ...newestFirst.map(
      (p): ReportColumn => ({ key: `tied_${p}`, header: p, kind: "text", csvOnly: true }),
    ),
  ];
  const rows = view.units.map((u) => {
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
  return { columns, rows };
}

export function buildIndexDocument(run: IndexRun): ReportDocument {
  const { profile } = run.method;
  const s = run.scores;
  const history = run.options.history ? rankHistory(run.history) : undefined;
  const unitWord = run.options.unit === "jobcentre" ? "jobcentres" : "municipalities";
  const scoreColumn: ReportColumn = {
    key: "score",
    header: "Score",
    kind: "number",
    digits: scoreDigits(profile),
  };
  const defaultColumns: ReportColumn[] = [
    RANK_COLUMN,
    TIED_COLUMN,
    {
      key: "name",
      header: run.options.unit === "jobcentre" ? "Jobcentre" : "Municipality",
      kind: "text",
    },
    scoreColumn,
    ...indicatorColumns(profile),
    IMPUTED_COLUMN,
  ];
  const table = history ? historyTable(history, scoreColumn) : undefined;
  const sections: ReportSection[] = [];
  const notes = notesFor(run, history);
  const columns = table?.columns ?? defaultColumns;
  const rows = table?.rows ?? s.units.map((u) => rowFor(u, profile));
  const results = s.units.map((u) => resultJson(u, profile));

  const json: Record<string, unknown> = {
    command: "index",
    period: s.period,
    unit: run.options.unit,
    results,
    method: {
      name: profile.json.name,
      title: profile.json.title,
      ref: run.options.method,
      hash: profile.hash,
      profile: profile.json,
    },
    synthetic: run.synthetic,
    options: run.options,
    inputs: run.options.inputs.length > 0 ? run.options.inputs : run.files.map(shownPath),
    units_ranked: s.units.length,
    coverage: {
      present: run.unitsInRegistry - run.unitsMissing.length,
      expected: run.unitsInRegistry,
      missing: run.unitsMissing,
    },
    warnings: indexWarnings(run),
    imputed: missingJson(s.imputed),
    dropped: missingJson(s.dropped),
    ...(history ? { history: historyJson(history) } : {}),
    notes,
  };

  return {
    json,
    title: `${profile.json.title}${run.synthetic ? " (synthetic demo data)" : ""}${run.unitsMissing.length > 0 ? ` (${run.unitsInRegistry - run.unitsMissing.length} of ${run.unitsInRegistry} ${unitWord})` : ""}`,
    subtitle: `Period ${s.period} · ${s.units.length} ${unitWord} · method ${profile.json.name}${history ? ` · history ${history.periods[0]}–${s.period}` : ""}`,
    synthetic: run.synthetic,
    columns,
    rows,
    sections,
    notes,
    chart: {
      valueKey: "score",
      valueLabel: "Score",
      labelKey: "name",
      municipalitiesKey: "municipalities",
      better: "higher",
    },
  };
}

/**
 * The decorations of a run, on its document: the uncertainty analysis (its module is
 * imported only then) and the group view.
 */
export async function decorateIndexDocument(
  doc: ReportDocument,
  run: IndexRun,
): Promise<ReportDocument> {
  let decorated = doc;
  if (run.uncertainty !== undefined) {
    const { withUncertainty } = await import("../decorate/uncertainty.js");
    const labels = new Map(run.method.profile.indicators.map((i) => [i.id, i.label]));
    decorated = withUncertainty(decorated, run.uncertainty, "id", labels);
  }
  if (run.grouping !== undefined) {
    const grouping = run.grouping;
    decorated = withGrouping(decorated, grouping, {
      idKey: "id",
      view: (shown) => groupView(run, grouping, shown),
    });
  }
  return decorated;
}

/** `--by region`: units and mean score per region; `--only`: the group's. */
function groupView(run: IndexRun, grouping: Grouping, shown: ReadonlySet<string>): GroupView {
  const { profile } = run.method;
  const s = run.scores;
  const unitWord = run.options.unit === "jobcentre" ? "jobcentres" : "municipalities";
  const scores = new Map(s.units.map((u) => [u.unit.id, u.score]));
  const totals = membersByGroup(grouping, [...shown], (id) => id).map((g) => ({
    id: g.id,
    name: g.name,
    count: g.members.length,
    mean_score: mean(g.members.map((id) => scores.get(id) ?? Number.NaN)),
  }));
  const columns: ReportColumn[] = [
    { key: "name", header: grouping.kind === "by" ? "Region" : "Group", kind: "text" },
    {
      key: "count",
      header: unitWord === "jobcentres" ? "Jobcentres" : "Municipalities",
      kind: "integer",
    },
    { key: "mean_score", header: "Mean score", kind: "number", digits: scoreDigits(profile) },
  ];
  if (grouping.kind === "by") {
    return {
      json: { regions: totals },
      section: { title: "Regions: units and mean score", columns, rows: totals },
      note: "Region rank: the place within the region, by the national ranking (shared national places are shared within the region too); a jobcentre belongs to the region of its lead municipality.",
      subtitle: "ranked within the regions",
    };
  }
  const group = grouping.group;
  const row = totals[0] ?? { id: group.id, name: group.name, count: 0, mean_score: null };
  return {
    json: {
      unit_group: {
        id: group.id,
        name: group.name,
        kind: group.kind,
        totals: { count: row.count, mean_score: row.mean_score },
      },
    },
    section: { title: `Totals: ${group.name}`, columns, rows: [row] },
    note: `Only ${group.name} (${group.kind === "region" ? "region" : "group"} ${group.id}): ranks are national, of all ${s.units.length} ${unitWord}; group rank is the place among these.`,
    subtitle: `only ${group.name}`,
  };
}

/** Mean of the finite values; null when there are none. */
function mean(values: readonly number[]): number | null {
  const finite = values.filter((v) => Number.isFinite(v));
  return finite.length === 0 ? null : finite.reduce((a, b) => a + b, 0) / finite.length;
}
