/**
 * Showing uncertainty everywhere, from one place: the per-unit JSON fields, the table
 * column (`3 (1–7)`), the ReportDocument `intervals` for the HTML chart, notes, a
 * sensitivity table and the `explain` sentences; `withUncertainty` puts them on a built
 * document. Pure functions of the analysis results. Imported on demand, only by runs
 * with an uncertainty analysis.
 */

import { currentLang, formatNumberIn, t } from "../../i18n/index.js";
import { formatRank } from "../../rank.js";
import type { ReportColumn, ReportDocument, ReportRow, ReportSection } from "../../report/types.js";
import { TOP } from "../../uncertainty/summary.js";
import type {
  BenchmarkUncertainty,
  BenchmarkUnitUncertainty,
  FactorSensitivity,
  IndexUncertainty,
  IndexUnitUncertainty,
  MethodScenario,
  RankInterval,
  ResidualInterval,
  WeightModel,
} from "../../uncertainty/types.js";
import { withNotes } from "./notes.js";

export type Uncertainty = IndexUncertainty | BenchmarkUncertainty;
type UnitUncertainty = IndexUnitUncertainty | BenchmarkUnitUncertainty;

// ---------------------------------------------------------------- numbers in words

/** 10000 → "10,000" ("10.000" in Danish; independent of the machine's locale). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, currentLang() === "da" ? "." : ",");
}

/** A percentage with at most one decimal, in the run's language: 97.5 → "97.5" / "97,5". */
function percentText(percent: number): string {
  const text = String(Number(percent.toFixed(1)));
  return currentLang() === "da" ? text.replace(".", ",") : text;
}

/** 0.9 → "90 %", 0.975 → "97.5 %". */
export function formatLevel(level: number): string {
  return `${percentText(level * 100)} %`;
}

/**
 * A share of the draws in words for "in … of them": "all", "none", "99.8 %", and never a
 * rounded "100.0 %" for something that did not always happen.
 */
export function formatShare(p: number): string {
  if (p >= 1) return t("uncertainty.all");
  if (p <= 0) return t("uncertainty.none");
  const percent = p * 100;
  if (percent >= 99.95) return t("uncertainty.more_than", { value: percentText(99.9) });
  if (percent < 0.05) return t("uncertainty.less_than", { value: percentText(0.1) });
  return `${percentText(percent)} %`;
}

/** "ranks between 1 and 4", or "is at rank 3" when the interval is a single place. */
function rankRange(interval: RankInterval): string {
  return interval.low === interval.high
    ? t("uncertainty.at_rank", { rank: interval.low })
    : t("uncertainty.between", { low: interval.low, high: interval.high });
}

// ---------------------------------------------------------------- JSON

export interface RankIntervalJson {
  low: number;
  median: number;
  high: number;
}

export interface IndexUnitJson {
  rank_interval: RankIntervalJson;
  p_top10: number;
  /** Only when the unit was not ranked in every draw (dropped for missing data in some). */
  runs_ranked?: number;
}

export interface BenchmarkUnitJson {
  rank_interval: RankIntervalJson;
  p_top10: number;
  distinguishable: boolean;
  residual_interval: ResidualInterval;
  prediction_interval: ResidualInterval;
}

function intervalJson(interval: RankInterval): RankIntervalJson {
  return { low: interval.low, median: interval.median, high: interval.high };
}

export function indexUnitJson(unit: IndexUnitUncertainty, runs: number): IndexUnitJson {
  return {
    rank_interval: intervalJson(unit.rankInterval),
    p_top10: unit.pTop10,
    ...(unit.ranked < runs ? { runs_ranked: unit.ranked } : {}),
  };
}

export function benchmarkUnitJson(unit: BenchmarkUnitUncertainty): BenchmarkUnitJson {
  return {
    rank_interval: intervalJson(unit.rankInterval),
    p_top10: unit.pTop10,
    distinguishable: unit.distinguishable,
    residual_interval: { low: unit.residualInterval.low, high: unit.residualInterval.high },
    prediction_interval: { low: unit.predictionInterval.low, high: unit.predictionInterval.high },
  };
}

/** Per-unit JSON fields of either analysis, by unit id (jobcentre id or municipality code). */
export function unitJsonFields(
  uncertainty: Uncertainty,
): Map<string, IndexUnitJson | BenchmarkUnitJson> {
  if (uncertainty.kind === "monte-carlo") {
    return new Map(uncertainty.units.map((u) => [u.id, indexUnitJson(u, uncertainty.runs)]));
  }
  return new Map(uncertainty.units.map((u) => [u.id, benchmarkUnitJson(u)]));
}

/**
 * The JSON `results` with each unit's uncertainty fields added after its own; `idKey` is
 * the results' id field (`id` for the index, `municipality` for the benchmark).
 */
export function decorateJsonResults<T extends Record<string, unknown>>(
  results: readonly T[],
  idKey: string,
  uncertainty: Uncertainty,
): Array<T & Partial<IndexUnitJson & BenchmarkUnitJson>> {
  const fields = unitJsonFields(uncertainty);
  return results.map((r) => ({ ...r, ...(fields.get(String(r[idKey])) ?? {}) }));
}

/** JSON form of the weight model: an infinite concentration is fixed weights. */
function weightModelJson(model: WeightModel): WeightModel {
  return model.kind === "dirichlet" && !Number.isFinite(model.concentration)
    ? { kind: "fixed" }
    : model;
}

function scenarioJson(s: MethodScenario): Record<string, unknown> {
  return { normalisation: s.normalisation, aggregation: s.aggregation, missing: s.missing };
}

/** The top-level `uncertainty` block of a JSON document: what was varied and how. */
export function uncertaintyJson(uncertainty: Uncertainty): Record<string, unknown> {
  if (uncertainty.kind === "bootstrap") {
    return {
      method: "bootstrap",
      runs: uncertainty.runs,
      seed: uncertainty.seed,
      level: uncertainty.level,
      criterion: uncertainty.criterion,
      redrawn: uncertainty.redrawn,
    };
  }
  return {
    method: "monte-carlo",
    runs: uncertainty.runs,
    seed: uncertainty.seed,
    level: uncertainty.level,
    weights: weightModelJson(uncertainty.weights),
    scenarios: uncertainty.scenarios.map(scenarioJson),
    excluded: uncertainty.excluded.map((e) => ({ ...scenarioJson(e), reason: e.reason })),
    sensitivity: uncertainty.sensitivity.map((s) => ({
      factor: s.factor,
      kind: s.kind,
      levels: s.levels,
      first_order: s.firstOrder,
    })),
  };
}

// ---------------------------------------------------------------- tables

/** `3 (1–7)`, `12= (8–15)`: the rank and, in brackets, where it lies in `level` of the draws. */
export function formatRankInterval(rank: number, tied: boolean, interval: RankInterval): string {
  return `${formatRank(rank, tied)} (${interval.low}–${interval.high})`;
}

/**
 * Columns to put beside (or instead of) the rank column. Row keys: `rank_interval` (text
 * `3 (1–7)`), `p_top10`, and for the benchmark `distinguishable` ("yes"/"no").
 */
export function uncertaintyColumns(uncertainty: Uncertainty): ReportColumn[] {
  const columns: ReportColumn[] = [
    {
      key: "rank_interval",
      header: `${t("col.rank")} (${formatLevel(uncertainty.level).replace(" ", "")})`,
      kind: "text",
      tableOnly: true,
    },
    // CSV: the interval as three plain numbers.
    { key: "rank_low", header: "rank_low", kind: "rank", csvOnly: true },
    { key: "rank_median", header: "rank_median", kind: "rank", csvOnly: true },
    { key: "rank_high", header: "rank_high", kind: "rank", csvOnly: true },
    {
      key: "p_top10",
      header: t("col.p_top10"),
      kind: "number",
      digits: 3,
      better: "higher",
      optional: true,
    },
  ];
  if (uncertainty.kind === "bootstrap") {
    columns.push({
      key: "distinguishable",
      header: t("col.distinguishable"),
      kind: "text",
      optional: true,
    });
  }
  return columns;
}

/** Row values for `uncertaintyColumns`, by unit id. */
export function uncertaintyRowValues(uncertainty: Uncertainty): Map<string, ReportRow> {
  const out = new Map<string, ReportRow>();
  for (const u of uncertainty.units as readonly UnitUncertainty[]) {
    const row: ReportRow = {
      rank_interval: formatRankInterval(u.rank, u.tied, u.rankInterval),
      rank_low: u.rankInterval.low,
      rank_median: u.rankInterval.median,
      rank_high: u.rankInterval.high,
      p_top10: u.pTop10,
    };
    if ("distinguishable" in u) row.distinguishable = t(u.distinguishable ? "word.yes" : "word.no");
    out.set(u.id, row);
  }
  return out;
}

/** The document's rows with the uncertainty values added; `idKey` holds the unit id. */
export function decorateRows(
  rows: readonly ReportRow[],
  idKey: string,
  uncertainty: Uncertainty,
): ReportRow[] {
  const values = uncertaintyRowValues(uncertainty);
  return rows.map((r) => ({ ...r, ...(values.get(String(r[idKey])) ?? {}) }));
}

/**
 * `columns` with the uncertainty columns inserted right after the column `afterKey`
 * (usually `rank`), or at the end when there is no such column.
 */
export function insertUncertaintyColumns(
  columns: readonly ReportColumn[],
  afterKey: string,
  uncertainty: Uncertainty,
): ReportColumn[] {
  const at = columns.findIndex((c) => c.key === afterKey);
  const extra = uncertaintyColumns(uncertainty);
  if (at < 0) return [...columns, ...extra];
  return [...columns.slice(0, at + 1), ...extra, ...columns.slice(at + 1)];
}

/** ReportDocument `intervals` for the HTML rank-interval chart. */
export function reportIntervals(
  uncertainty: Uncertainty,
): NonNullable<ReportDocument["intervals"]> {
  return (uncertainty.units as readonly UnitUncertainty[]).map((u) => ({
    id: u.id,
    name: u.name,
    rank: u.rank,
    low: u.rankInterval.low,
    median: u.rankInterval.median,
    high: u.rankInterval.high,
  }));
}

// ---------------------------------------------------------------- sensitivity

/** "the choice of normalisation", "the weight of Activation volume". */
export function describeFactor(
  factor: string,
  labels: ReadonlyMap<string, string> = new Map(),
): string {
  if (factor === "normalisation" || factor === "aggregation" || factor === "missing") {
    return t(`uncertainty.factor.${factor}`);
  }
  const id = factor.startsWith("weight:") ? factor.slice("weight:".length) : factor;
  return t("uncertainty.factor.weight", { label: labels.get(id) ?? id });
}

/** The factors that varied, largest index first. */
function variedFactors(uncertainty: IndexUncertainty): FactorSensitivity[] {
  return uncertainty.sensitivity.filter((s) => s.levels > 1);
}

/** A table of the first-order indices (only the assumptions that varied). */
export function sensitivitySection(
  uncertainty: IndexUncertainty,
  labels: ReadonlyMap<string, string> = new Map(),
): ReportSection {
  return {
    title: t("uncertainty.sensitivity_title"),
    columns: [
      { key: "factor", header: t("uncertainty.col.assumption"), kind: "text" },
      { key: "levels", header: t("uncertainty.col.values"), kind: "integer" },
      {
        key: "first_order",
        header: t("uncertainty.col.share"),
        kind: "number",
        digits: 3,
      },
    ],
    rows: variedFactors(uncertainty).map((s) => ({
      factor: describeFactor(s.factor, labels),
      levels: s.levels,
      first_order: s.firstOrder,
    })),
  };
}

function describeWeights(model: WeightModel): string {
  switch (model.kind) {
    case "fixed":
      return t("uncertainty.weights.fixed");
    case "uniform":
      return t("uncertainty.weights.uniform", { spread: percentText(model.spread * 100) });
    case "dirichlet":
      return Number.isFinite(model.concentration)
        ? t("uncertainty.weights.dirichlet", { concentration: plain(model.concentration) })
        : t("uncertainty.weights.fixed");
  }
}

function describeScenario(s: MethodScenario): string {
  const n =
    s.normalisation.type === "points" ? `points (${s.normalisation.bins})` : s.normalisation.type;
  const a =
    s.aggregation.type === "geometric"
      ? `geometric (shift ${s.aggregation.shift})`
      : s.aggregation.type;
  return `${n} × ${a} × ${t("uncertainty.scenario_missing", { missing: s.missing })}`;
}

function distinct(values: readonly string[]): string {
  return [...new Set(values)].join(", ");
}

/** One sentence each: what was varied, what could not be computed, what matters most. */
export function uncertaintyNotes(
  uncertainty: Uncertainty,
  labels: ReadonlyMap<string, string> = new Map(),
): string[] {
  const level = formatLevel(uncertainty.level);
  if (uncertainty.kind === "bootstrap") {
    const criterion = t(`uncertainty.criterion.${uncertainty.criterion}`, { level });
    return [
      t("uncertainty.note.bootstrap", {
        runs: formatCount(uncertainty.runs),
        seed: uncertainty.seed,
        level,
      }),
      t("uncertainty.note.distinguishable", { criterion }),
    ];
  }
  const notes = [
    t("uncertainty.note.monte_carlo", {
      runs: formatCount(uncertainty.runs),
      seed: uncertainty.seed,
      normalisations: distinct(uncertainty.scenarios.map((s) => s.normalisation.type)),
      aggregations: distinct(uncertainty.scenarios.map((s) => s.aggregation.type)),
      missing: distinct(uncertainty.scenarios.map((s) => s.missing)),
      weights: describeWeights(uncertainty.weights),
      level,
    }),
  ];
  if (uncertainty.excluded.length > 0) {
    notes.push(
      t("uncertainty.note.excluded", {
        list: uncertainty.excluded.map((e) => `${describeScenario(e)} (${e.reason})`).join("; "),
      }),
    );
  }
  const [first, second] = variedFactors(uncertainty);
  if (first !== undefined) {
    const then =
      second !== undefined
        ? t("uncertainty.note.then", {
            factor: describeFactor(second.factor, labels),
            value: formatNumberIn(second.firstOrder, 2),
          })
        : "";
    notes.push(
      t("uncertainty.note.most", {
        factor: describeFactor(first.factor, labels),
        share: formatShare(first.firstOrder),
        value: formatNumberIn(first.firstOrder, 2),
        then,
      }),
    );
  }
  return notes;
}

// ---------------------------------------------------------------- the document

/**
 * A built document with the uncertainty shown: each JSON result's fields and the
 * top-level `uncertainty` block, the interval columns after the rank, the HTML
 * intervals, the notes and (index) the sensitivity table. `idKey` is the unit id field of
 * the results and rows (`id`, `municipality`); `labels` name the indicators in notes.
 */
export function withUncertainty(
  doc: ReportDocument,
  uncertainty: Uncertainty,
  idKey: string,
  labels: ReadonlyMap<string, string> = new Map(),
): ReportDocument {
  const results = (doc.json.results ?? []) as Array<Record<string, unknown>>;
  const sections = [...doc.sections];
  if (uncertainty.kind === "monte-carlo") {
    const sensitivity = sensitivitySection(uncertainty, labels);
    if (sensitivity.rows.length > 0) sections.push(sensitivity);
  }
  const decorated: ReportDocument = {
    ...doc,
    json: {
      ...doc.json,
      results: decorateJsonResults(results, idKey, uncertainty),
      uncertainty: uncertaintyJson(uncertainty),
    },
    columns: insertUncertaintyColumns(doc.columns, "rank", uncertainty),
    rows: decorateRows(doc.rows, idKey, uncertainty),
    sections,
    intervals: reportIntervals(uncertainty),
  };
  return withNotes(decorated, uncertaintyNotes(uncertainty, labels));
}

// ---------------------------------------------------------------- explain

/**
 * "In 90 % of 10,000 plausible variations of the method, Billund ranks between 1 and 4;
 * it is in the top ten in 99.8 % of them." Undefined when the unit was not analysed.
 */
export function explainIndexUncertainty(
  uncertainty: IndexUncertainty,
  unitId: string,
): string | undefined {
  const unit = uncertainty.units.find((u) => u.id === unitId);
  if (unit === undefined) return undefined;
  const dropped =
    unit.ranked < uncertainty.runs
      ? t("uncertainty.explain.dropped", { n: formatCount(uncertainty.runs - unit.ranked) })
      : "";
  return t("uncertainty.explain.index", {
    level: formatLevel(uncertainty.level),
    runs: formatCount(unit.ranked),
    dropped,
    name: unit.name,
    range: rankRange(unit.rankInterval),
    top: TOP === 10 ? t("uncertainty.explain.ten") : TOP,
    share: formatShare(unit.pTop10),
  });
}

/** A number as written in the run's language, no grouping: 0.5 → "0.5" / "0,5". */
function plain(x: number): string {
  return currentLang() === "da" ? String(x).replace(".", ",") : String(x);
}

function formatPp(value: number): string {
  const text = formatNumberIn(Math.abs(value), 2);
  return `${value < 0 ? "−" : value > 0 ? "+" : ""}${text}`;
}

/**
 * The bootstrap sentence plus what the residual interval says, e.g. "… Its residual,
 * −2.10 pct. points, lies outside the 90 % prediction interval (−3.10 to −0.20): clearly
 * below expectation."
 */
export function explainBenchmarkUncertainty(
  uncertainty: BenchmarkUncertainty,
  municipality: string,
): string | undefined {
  const unit = uncertainty.units.find((u) => u.id === municipality);
  if (unit === undefined) return undefined;
  const interval =
    uncertainty.criterion === "prediction" ? unit.predictionInterval : unit.residualInterval;
  const which = t(
    uncertainty.criterion === "prediction"
      ? "uncertainty.explain.which_prediction"
      : "uncertainty.explain.which_bootstrap",
  );
  const range = t("uncertainty.explain.range", {
    low: formatPp(interval.low),
    high: formatPp(interval.high),
  });
  const verdict = !unit.distinguishable
    ? t("uncertainty.explain.covers", { range })
    : t(`uncertainty.explain.excludes_${unit.residual < 0 ? "below" : "above"}`, { range });
  return t("uncertainty.explain.benchmark", {
    level: formatLevel(uncertainty.level),
    runs: formatCount(uncertainty.runs),
    name: unit.name,
    range: rankRange(unit.rankInterval),
    share: formatShare(unit.pTop10),
    residual: formatPp(unit.residual),
    which,
    verdict,
  });
}
