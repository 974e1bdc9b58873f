/**
 * An index run → the ReportDocument every reporter renders. `json` is CLI.md's index
 * document plus what makes it reproducible and honest: the options, the method (name,
 * hash, full profile), whether the data are synthetic, every imputed or dropped value.
 */

import { type HistoryView, historyPoint, rankHistory } from "../../composite/history.js";
import { describeCause, unitLabel } from "../../composite/missing.js";
import type { IndicatorDefinition, MethodProfile } from "../../composite/profile.js";
import type { IndicatorTreatment, MissingCell, ScoredUnit } from "../../composite/types.js";
import { formatNumberIn, has, t } from "../../i18n/index.js";
import { aggregateSummary } from "../../registry/aggregates.js";
import type {
  RankCells,
  ReportColumn,
  ReportDocument,
  ReportRow,
  ReportSection,
} from "../../report/types.js";
import { type GroupView, withGrouping } from "../decorate/groups.js";
import { type Grouping, membersByGroup } from "../groups.js";
import type { IndexRun } from "./types.js";

/** Display decimals of a score: points are whole numbers, z-scores need three. */
function scoreDigits(profile: MethodProfile): number {
  if (profile.json.aggregation.type === "copeland") return 0;
  if (profile.json.weighting?.type === "benefit_of_the_doubt") return 3;
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
      ...(i.treated !== undefined ? { treated: i.treated, treated_value: i.treatedValue } : {}),
    };
  }
  const weights = u.weights;
  return {
    id: u.unit.id,
    name: u.unit.name,
    municipalities: [...u.unit.municipalities],
    score: u.score,
    rank: u.rank,
    tied: u.tied,
    indicators,
    ...(weights !== undefined
      ? { weights: Object.fromEntries(profile.indicators.map((d, k) => [d.id, weights[k]])) }
      : {}),
  };
}

/** The group and previous-quarter imputations say what stood in (impute-mean as before). */
function imputedJson(cells: readonly MissingCell[]): Array<Record<string, unknown>> {
  return cells.map((c) => ({
    ...(missingJson([c])[0] as Record<string, string>),
    ...(c.imputation !== undefined
      ? { imputation: c.imputation.method, from: c.imputation.from, value: c.imputation.value }
      : {}),
  }));
}

function treatmentJson(treatment: readonly IndicatorTreatment[]): Array<Record<string, unknown>> {
  return treatment.map((t) => ({
    indicator: t.indicator,
    method: t.method,
    winsorised: t.winsorised,
    skewness_before: finiteOrNull(t.skewnessBefore),
    kurtosis_before: finiteOrNull(t.kurtosisBefore),
    skewness_after: finiteOrNull(t.skewnessAfter),
    kurtosis_after: finiteOrNull(t.kurtosisAfter),
  }));
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * The history in the JSON document. A unit's `ranks` (one object per quarter) are made
 * when read, each time: a plain property to `JSON.stringify` and to anything reading the
 * document, while the document holds only the view's typed arrays (800 quarters of 98
 * units would be 78,400 objects), and the JSON writer makes one unit's at a time.
 */
function historyJson(view: HistoryView): Record<string, unknown> {
  const periods = view.periods.length;
  return {
    periods: view.periods,
    units: view.units.map((unit, u) => ({
      id: unit.id,
      name: unit.name,
      municipalities: [...unit.municipalities],
      get ranks() {
        return Array.from({ length: periods }, (_, p) => historyPoint(view, u, p));
      },
    })),
  };
}

/** The profile's title in the run's language: the catalogue's for a shipped profile. */
export function profileTitle(profile: MethodProfile): string {
  const key = `method.${profile.json.name}.title`;
  return has(key) ? t(key) : profile.json.title;
}

/** One sentence naming the method's choices. */
export function methodSentence(profile: MethodProfile): string {
  const n = profile.json.normalisation;
  const normalisation =
    n.type === "points" ? t("method.norm.points", { bins: n.bins }) : t(`method.norm.${n.type}`);
  const winsor = profile.json.winsorise
    ? t("method.winsorised", {
        lower: profile.json.winsorise.lower,
        upper: profile.json.winsorise.upper,
      })
    : "";
  const treatment = profile.json.treatment;
  const treated = treatment
    ? t("method.treated", {
        skewness: treatment.skewness,
        kurtosis: treatment.kurtosis,
        points: treatment.winsorise_max,
      })
    : "";
  const a = profile.json.aggregation;
  const w = profile.json.weighting;
  const equal = profile.weights.every((x) => Math.abs(x - (profile.weights[0] ?? 0)) < 1e-12);
  const weights =
    w?.type === "pca"
      ? t("method.weights_pca")
      : w?.type === "benefit_of_the_doubt"
        ? t("method.weights_bod", { lower: w.lower, upper: w.upper })
        : equal
          ? t("method.equal_weights", { k: profile.weights.length })
          : t("method.weights", {
              list: profile.indicators.map((i, k) => `${i.id} ${profile.weights[k]}`).join(", "),
            });
  const shift = "shift" in a ? a.shift : 0;
  // A sum with equal weights is the plain sum of the points: no weighting to speak of.
  const aggregation =
    w?.type === "benefit_of_the_doubt"
      ? t("method.agg.arithmetic", { weights })
      : a.type === "sum" && equal && w === undefined
        ? t("method.agg.plain_sum")
        : a.type === "geometric" || a.type === "harmonic"
          ? t(`method.agg.${a.type}`, { shift, weights })
          : a.type === "generalised"
            ? t("method.agg.generalised", { power: a.power, shift, weights })
            : a.type === "copeland"
              ? t("method.agg.copeland", { weights })
              : t(a.type === "sum" ? "method.agg.sum" : "method.agg.arithmetic", { weights });
  return t("method.sentence", {
    name: profile.json.name,
    normalisation,
    winsor: `${winsor}${treated}`,
    aggregation,
  });
}

const num2 = (x: number) => formatNumberIn(x, 2);
const num3 = (x: number) => formatNumberIn(x, 3);

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
  const unitWord = t(run.options.unit === "jobcentre" ? "word.jobcentres" : "word.municipalities");
  const notes: string[] = [];
  if (run.synthetic) notes.push(t("index.note.synthetic"));
  notes.push(methodSentence(profile));
  notes.push(
    `${profileTitle(profile)}: ${profile.indicators
      .map((i) =>
        t("index.note.indicator", {
          label: indicatorLabel(i, "label"),
          unit: unitText(i.unit),
          better: t(i.better === "higher" ? "word.higher" : "word.lower"),
        }),
      )
      .join("; ")}.`,
  );
  if (run.options.unit === "jobcentre")
    notes.push(t("index.note.jobcentres", { period: s.period }));
  if (s.units.length < run.unitsInRegistry) {
    notes.push(
      t(s.dropped.length > 0 ? "index.note.ranked_dropped" : "index.note.ranked", {
        n: s.units.length,
        of: run.unitsInRegistry,
        units: unitWord,
      }),
    );
  }
  const missing = run.unitsMissing;
  if (missing.length > 0) {
    notes.push(
      t("index.note.partial", {
        present: run.unitsInRegistry - missing.length,
        of: run.unitsInRegistry,
        units: unitWord,
        missing:
          missing.length <= 20
            ? missing.join(", ")
            : t("index.note.partial_more", {
                list: missing.slice(0, 20).join(", "),
                more: missing.length - 20,
              }),
      }),
    );
  }
  for (const w of indexWarnings(run)) {
    notes.push(t("index.note.warning", { message: w.message, code: w.code }));
  }
  if (s.units.some((u) => u.tied)) notes.push(t("index.note.tied"));
  for (const c of s.imputed) {
    notes.push(
      t(
        c.imputation === undefined
          ? "index.note.imputed"
          : c.imputation.method === "group-mean"
            ? "index.note.imputed_group"
            : "index.note.imputed_previous",
        {
          unit: unitLabel(c.unit),
          indicator: c.indicator,
          cause: describeCause(c.cause),
          units: unitWord,
          from: c.imputation?.from ?? "",
        },
      ),
    );
  }
  for (const tr of s.treatment ?? []) {
    if (tr.method === "none") continue;
    const figures = {
      indicator: tr.indicator,
      n: tr.winsorised,
      skew_before: num2(tr.skewnessBefore),
      kurt_before: num2(tr.kurtosisBefore),
      skew_after: num2(tr.skewnessAfter),
      kurt_after: num2(tr.kurtosisAfter),
      points: profile.json.treatment?.winsorise_max ?? 0,
    };
    notes.push(t(tr.method === "winsorised" ? "index.note.winsorised" : "index.note.log", figures));
  }
  if (s.weights !== undefined) {
    notes.push(
      t("index.note.pca_weights", {
        period: s.period,
        list: profile.indicators.map((i, k) => `${i.id} ${num3(s.weights?.[k] ?? 0)}`).join(", "),
      }),
    );
  }
  for (const c of s.dropped) {
    notes.push(
      t("index.note.dropped", {
        unit: unitLabel(c.unit),
        indicator: c.indicator,
        cause: describeCause(c.cause),
      }),
    );
  }
  if (history !== undefined) notes.push(t("index.note.change"));
  const source = run.options.inputs.length === 0 ? ` ${profile.json.input.source}` : "";
  notes.push(
    `${t("index.note.input", { files: run.files.map((f) => shownPath(f)).join(", ") })}${source}`,
  );
  notes.push(t("index.note.profile", { file: shownMethod(run), hash: profile.hash.slice(0, 12) }));
  return notes;
}

/** An indicator's unit in the run's language ("weeks" → "uger"). */
export function unitText(unit: string): string {
  const key = `unit.${unit}`;
  return has(key) ? t(key) : unit;
}

/** Paths inside the package are shown from its root, so outputs do not carry home folders. */
export function shownPath(file: string): string {
  const at = file.replaceAll("\\", "/").lastIndexOf("/data/");
  return at >= 0 && !file.startsWith(".") ? file.slice(at + 1) : file;
}

function shownMethod(run: IndexRun): string {
  return run.method.shipped ? `data/methods/${run.method.ref}.json` : run.method.ref;
}

/** Row key of an indicator's display mark (`*` when imputed). */
const markKey = (id: string) => `${id}_mark`;

/** The rank as a number; the reporters add `=` for a shared place from `tied`. */
const rankColumn = (): ReportColumn => ({
  key: "rank",
  header: t("col.rank"),
  kind: "rank",
  tiedKey: "tied",
});
/** CSV keeps the plain rank number, so the shared place needs its own machine column. */
const TIED_COLUMN: ReportColumn = { key: "tied", header: "Tied", kind: "text", csvOnly: true };
/** CSV: the unit's id (jobcentre id or municipality code), the key the rows join on. */
const ID_COLUMN: ReportColumn = { key: "id", header: "id", kind: "text", csvOnly: true };

/** An indicator's label in the run's language: the catalogue's, else the profile's own. */
export function indicatorLabel(i: IndicatorDefinition, which: "label" | "short"): string {
  const key = `indicator.${i.id}.${which}`;
  return has(key) ? t(key) : i[which];
}

function indicatorColumns(profile: MethodProfile): ReportColumn[] {
  return profile.indicators.map((i) => ({
    key: i.id,
    header: indicatorLabel(i, "short"),
    csvHeader: i.id,
    kind: "number",
    digits: valueDigits(i),
    optional: true,
    markKey: markKey(i.id),
  }));
}

/** Treated values: the measured number is shown; which ones were treated is listed here. */
const TREATED_COLUMN: ReportColumn = {
  key: "treated",
  header: "Treated",
  kind: "text",
  csvOnly: true,
};

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
  const treated: string[] = [];
  for (const i of profile.indicators) {
    const v = u.indicators[i.id];
    if (v === undefined) continue;
    row[i.id] = v.value;
    const marks = `${v.imputed ? "*" : ""}${v.treated !== undefined ? "†" : ""}`;
    if (marks !== "") row[markKey(i.id)] = marks;
    if (v.imputed) imputed.push(i.id);
    if (v.treated !== undefined) treated.push(i.id);
  }
  // Space-separated indicator ids, as `municipalities`; empty when nothing was imputed.
  row.imputed = imputed.join(" ");
  if (profile.json.treatment !== undefined) row.treated = treated.join(" ");
  return row;
}

/**
 * The history's table: the latest quarter's rank, score and change in the rows, and every
 * quarter's rank and shared place (`rank_2019K4`, `tied_2019K4`) as the document's
 * `rankCells`, the view's own arrays (rows in the view's unit order).
 */
function historyTable(
  view: HistoryView,
  scoreColumn: ReportColumn,
): { columns: ReportColumn[]; rows: ReportRow[]; rankCells: RankCells } {
  const newestFirst = [...view.periods].reverse();
  const columns: ReportColumn[] = [
    rankColumn(),
    TIED_COLUMN,
    ID_COLUMN,
    { key: "name", header: t("col.name"), kind: "text" },
    scoreColumn,
    { key: "change", header: t("col.change"), kind: "change" },
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
  const latest = view.periods.length - 1;
  const rows = view.units.map((unit, u): ReportRow => {
    const last = latest >= 0 ? historyPoint(view, u, latest) : undefined;
    return {
      rank: last?.rank ?? null,
      tied: last?.tied ?? false,
      id: unit.id,
      name: unit.name,
      municipalities: unit.municipalities.join(" "),
      score: last?.score ?? null,
      change: last?.change ?? null,
    };
  });
  return { columns, rows, rankCells: { periods: view.periods, rank: view.rank, tied: view.tied } };
}

export function buildIndexDocument(run: IndexRun): ReportDocument {
  const { profile } = run.method;
  const s = run.scores;
  const history = run.options.history ? rankHistory(run.history) : undefined;
  const unitWord = run.options.unit === "jobcentre" ? "jobcentres" : "municipalities";
  const scoreColumn: ReportColumn = {
    key: "score",
    header: t("col.score"),
    kind: "number",
    digits: scoreDigits(profile),
  };
  const defaultColumns: ReportColumn[] = [
    rankColumn(),
    TIED_COLUMN,
    ID_COLUMN,
    {
      key: "name",
      header: t(run.options.unit === "jobcentre" ? "col.jobcentre" : "col.municipality"),
      kind: "text",
    },
    scoreColumn,
    ...indicatorColumns(profile),
    IMPUTED_COLUMN,
    ...(profile.json.treatment !== undefined ? [TREATED_COLUMN] : []),
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
    imputed: imputedJson(s.imputed),
    ...(s.treatment !== undefined ? { treatment: treatmentJson(s.treatment) } : {}),
    ...(s.weights !== undefined
      ? {
          weights: Object.fromEntries(profile.indicators.map((d, k) => [d.id, s.weights?.[k]])),
        }
      : {}),
    dropped: missingJson(s.dropped),
    ...(history ? { history: historyJson(history) } : {}),
    notes,
  };

  return {
    json,
    title: `${profileTitle(profile)}${run.synthetic ? ` (${t("index.synthetic_title")})` : ""}${run.unitsMissing.length > 0 ? ` (${t("index.partial_title", { present: run.unitsInRegistry - run.unitsMissing.length, expected: run.unitsInRegistry, units: t(`word.${unitWord}`) })})` : ""}`,
    subtitle: [
      t("word.period", { period: s.period }),
      `${s.units.length} ${t(`word.${unitWord}`)}`,
      t("index.method", { name: profile.json.name }),
      ...(history ? [t("index.history", { from: history.periods[0] ?? "", to: s.period })] : []),
    ].join(" · "),
    synthetic: run.synthetic,
    columns,
    rows,
    ...(table !== undefined ? { rankCells: table.rankCells, large: true } : {}),
    sections,
    notes,
    chart: {
      valueKey: "score",
      valueLabel: t("col.score"),
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
    { key: "name", header: t(grouping.kind === "by" ? "col.region" : "col.group"), kind: "text" },
    {
      key: "count",
      header: t(unitWord === "jobcentres" ? "col.jobcentres" : "col.municipalities"),
      kind: "integer",
    },
    {
      key: "mean_score",
      header: t("col.mean_score"),
      kind: "number",
      digits: scoreDigits(profile),
    },
  ];
  if (grouping.kind === "by") {
    return {
      json: { regions: totals },
      section: { title: t("index.regions_title"), columns, rows: totals },
      note: t("index.regions_note"),
      subtitle: t("word.ranked_within_regions"),
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
    section: { title: t("word.totals", { name: group.name }), columns, rows: [row] },
    note: t("index.only_note", {
      name: group.name,
      kind: t(group.kind === "region" ? "word.region" : "word.group"),
      id: group.id,
      n: s.units.length,
      units: t(`word.${unitWord}`),
    }),
    subtitle: t("word.only", { name: group.name }),
  };
}

/** Mean of the finite values; null when there are none. */
function mean(values: readonly number[]): number | null {
  const finite = values.filter((v) => Number.isFinite(v));
  return finite.length === 0 ? null : finite.reduce((a, b) => a + b, 0) / finite.length;
}
