/**
 * Showing uncertainty everywhere, from one place: the per-unit JSON fields, the table
 * column (`3 (1–7)`), the ReportDocument `intervals` for the HTML chart, notes, a
 * sensitivity table and the `explain` sentences; `withUncertainty` puts them on a built
 * document. Pure functions of the analysis results. Imported on demand, only by runs
 * with an uncertainty analysis.
 */

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

/** 10000 → "10,000" (fixed English grouping, independent of the machine's locale). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** 0.9 → "90 %", 0.975 → "97.5 %". */
export function formatLevel(level: number): string {
  return `${Number((level * 100).toFixed(1))} %`;
}

/**
 * A share of the draws in words for "in … of them": "all", "none", "99.8 %", and never a
 * rounded "100.0 %" for something that did not always happen.
 */
export function formatShare(p: number): string {
  if (p >= 1) return "all";
  if (p <= 0) return "none";
  const percent = p * 100;
  if (percent >= 99.95) return "more than 99.9 %";
  if (percent < 0.05) return "less than 0.1 %";
  return `${Number(percent.toFixed(1))} %`;
}

/** "ranks between 1 and 4", or "is at rank 3" when the interval is a single place. */
function rankRange(interval: RankInterval): string {
  return interval.low === interval.high
    ? `is at rank ${interval.low}`
    : `ranks between ${interval.low} and ${interval.high}`;
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
      header: `Rank (${formatLevel(uncertainty.level).replace(" ", "")})`,
      kind: "text",
    },
    {
      key: "p_top10",
      header: "P(top 10)",
      kind: "number",
      digits: 3,
      better: "higher",
      optional: true,
    },
  ];
  if (uncertainty.kind === "bootstrap") {
    columns.push({ key: "distinguishable", header: "≠ expected", kind: "text", optional: true });
  }
  return columns;
}

/** Row values for `uncertaintyColumns`, by unit id. */
export function uncertaintyRowValues(uncertainty: Uncertainty): Map<string, ReportRow> {
  const out = new Map<string, ReportRow>();
  for (const u of uncertainty.units as readonly UnitUncertainty[]) {
    const row: ReportRow = {
      rank_interval: formatRankInterval(u.rank, u.tied, u.rankInterval),
      p_top10: u.pTop10,
    };
    if ("distinguishable" in u) row.distinguishable = u.distinguishable ? "yes" : "no";
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
  if (factor === "normalisation") return "the choice of normalisation";
  if (factor === "aggregation") return "the choice of aggregation";
  if (factor === "missing") return "the missing-data treatment";
  const id = factor.startsWith("weight:") ? factor.slice("weight:".length) : factor;
  return `the weight of ${labels.get(id) ?? id}`;
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
    title: "What moves the ranks: first-order sensitivity",
    columns: [
      { key: "factor", header: "Assumption", kind: "text" },
      { key: "levels", header: "Values", kind: "integer" },
      { key: "first_order", header: "Share of rank variance", kind: "number", digits: 3 },
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
      return "the profile's weights, fixed";
    case "uniform":
      return `each weight varied uniformly by ±${Number((model.spread * 100).toFixed(1))} % of itself`;
    case "dirichlet":
      return Number.isFinite(model.concentration)
        ? `weights drawn from a Dirichlet distribution around the profile's (concentration ${model.concentration})`
        : "the profile's weights, fixed";
  }
}

function describeScenario(s: MethodScenario): string {
  const n =
    s.normalisation.type === "points" ? `points (${s.normalisation.bins})` : s.normalisation.type;
  const a =
    s.aggregation.type === "geometric"
      ? `geometric (shift ${s.aggregation.shift})`
      : s.aggregation.type;
  return `${n} × ${a} × missing ${s.missing}`;
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
    const criterion =
      uncertainty.criterion === "prediction"
        ? `its actual share lies outside the ${level} prediction interval`
        : `the ${level} bootstrap interval of its residual excludes 0`;
    return [
      `Rank intervals: ${formatCount(uncertainty.runs)} bootstrap refits of the model on municipalities drawn with replacement (seed ${uncertainty.seed}); each municipality's rank lies within its interval in at least ${level} of them.`,
      `A municipality counts as distinguishable from its expected value when ${criterion}.`,
    ];
  }
  const notes = [
    `Rank intervals: ${formatCount(uncertainty.runs)} Monte Carlo variations of the method (seed ${uncertainty.seed}): normalisation among ${distinct(uncertainty.scenarios.map((s) => s.normalisation.type))}; aggregation among ${distinct(uncertainty.scenarios.map((s) => s.aggregation.type))}; missing data ${distinct(uncertainty.scenarios.map((s) => s.missing))}; ${describeWeights(uncertainty.weights)}. Each unit's rank lies within its interval in at least ${level} of them.`,
  ];
  if (uncertainty.excluded.length > 0) {
    notes.push(
      `Not computable on this quarter's data, so left out: ${uncertainty.excluded
        .map((e) => `${describeScenario(e)} (${e.reason})`)
        .join("; ")}.`,
    );
  }
  const [first, second] = variedFactors(uncertainty);
  if (first !== undefined) {
    const then =
      second !== undefined
        ? `, then ${describeFactor(second.factor, labels)} (${second.firstOrder.toFixed(2)})`
        : "";
    notes.push(
      `Of the assumptions varied, ${describeFactor(first.factor, labels)} moves the ranks most: alone it explains ${formatShare(first.firstOrder)} of the rank variance (first-order index ${first.firstOrder.toFixed(2)})${then}.`,
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
  const variations = `${formatCount(unit.ranked)} plausible variations of the method`;
  const dropped =
    unit.ranked < uncertainty.runs
      ? ` (it was dropped for missing data in ${formatCount(uncertainty.runs - unit.ranked)} more)`
      : "";
  return `In ${formatLevel(uncertainty.level)} of ${variations}${dropped}, ${unit.name} ${rankRange(unit.rankInterval)}; it is in the top ${TOP === 10 ? "ten" : TOP} in ${formatShare(unit.pTop10)} of them.`;
}

function formatPp(value: number): string {
  const text = Math.abs(value).toFixed(2);
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
  const level = formatLevel(uncertainty.level);
  const ranks = `In ${level} of ${formatCount(uncertainty.runs)} refits of the model on resampled municipalities, ${unit.name} ${rankRange(unit.rankInterval)}; it is in the top ten in ${formatShare(unit.pTop10)} of them.`;
  const interval =
    uncertainty.criterion === "prediction" ? unit.predictionInterval : unit.residualInterval;
  const which =
    uncertainty.criterion === "prediction" ? "prediction interval" : "bootstrap interval";
  const range = `${formatPp(interval.low)} to ${formatPp(interval.high)}`;
  const verdict = !unit.distinguishable
    ? `covers 0 (${range}): it cannot be told apart from its expected value`
    : `excludes 0 (${range}): clearly ${unit.residual < 0 ? "below" : "above"} expectation`;
  return `${ranks} Its residual, ${formatPp(unit.residual)} pct. points, has a ${level} ${which} that ${verdict}.`;
}
