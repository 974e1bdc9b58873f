/**
 * `jobindex index` as a function: options in, ReportDocument out. Normalises the options
 * (the period first, before anything is read), reads the inputs and the method profile,
 * looks up the units of each quarter in the registry, hands plain data to the pure core
 * (indicators → score → rank), lays out the document and decorates it (uncertainty,
 * groups).
 */
import { resolve } from "node:path";
import { computeIndicators } from "../../composite/indicators.js";
import type { MissingMode } from "../../composite/profile.js";
import { scoreIndex } from "../../composite/score.js";
import type {
  CountRecord,
  IndexUnit,
  PeriodScores,
  UnitIndicators,
} from "../../composite/types.js";
import { DiagnosticBag, InputError, UsageError } from "../../diagnostics.js";
import { dataPath } from "../../paths.js";
import { comparePeriods, formatPeriod, type Period, parsePeriod } from "../../period.js";
import type { ReadOptions } from "../../read/index.js";
import { loadRegistry, type Registry } from "../../registry/index.js";
import type { ReportDocument } from "../../report/types.js";
import { type FileRead, trackReads } from "../files-read.js";
import { groupingOf, groupRequest } from "../groups.js";
import { choosePeriod } from "../period.js";
import { checkStdinOnce, readInputTable } from "../read-table.js";
import { buildIndexDocument, decorateIndexDocument } from "./document.js";
import { countColumnsOf, countRecords, periodSelection } from "./input.js";
import { type LoadedMethod, loadMethod } from "./method.js";
import {
  type IndexOptions,
  type IndexRequest,
  normaliseIndexOptions,
  type UnitKind,
} from "./options.js";
import { withWeights } from "./profile.js";
import type { IndexRun } from "./types.js";

export type { IndexOptions, RecordedIndexOptions, UnitKind } from "./options.js";
export type { IndexRun } from "./types.js";

/** The units of one quarter: the registry's jobcentres then, or every municipality. */
export function unitsFor(registry: Registry, kind: UnitKind, period: string): IndexUnit[] {
  const parsed = parsePeriod(period);
  if (parsed === undefined) throw new Error(`unreachable: bad canonical period ${period}`);
  if (kind === "municipality") {
    return registry.municipalities.map((m) => ({
      id: m.code,
      name: m.name,
      municipalities: [m.code],
    }));
  }
  return registry.jobcentresFor(parsed).map((j) => ({
    id: j.id,
    name: j.name,
    municipalities: [...j.municipalities],
  }));
}

function byPeriod(records: readonly CountRecord[]): Map<string, CountRecord[]> {
  const out = new Map<string, CountRecord[]>();
  for (const r of records) out.set(r.period, [...(out.get(r.period) ?? []), r]);
  return out;
}

function chronological(periods: Iterable<string>): Period[] {
  return [...periods]
    .map((p) => parsePeriod(p))
    .filter((p): p is Period => p !== undefined)
    .sort(comparePeriods);
}

/** The count records of the selected quarters, and every quarter the inputs name. */
async function readRecords(
  files: readonly string[],
  method: LoadedMethod,
  registry: Registry,
  read: ReadOptions,
): Promise<{ records: CountRecord[]; quarters: Set<string> }> {
  const bag = new DiagnosticBag();
  const seen = new Map<string, { file: string; line: number }>();
  const records: CountRecord[] = [];
  const quarters = new Set<string>();
  checkStdinOnce(files);
  for (const file of files) {
    try {
      const table = await readInputTable(file, read);
      for (const p of table.periods ?? []) if (parsePeriod(p)?.kind === "quarter") quarters.add(p);
      records.push(...countRecords(table, method.profile, registry, bag, seen));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      for (const d of error.diagnostics) bag.add(d);
    }
  }
  bag.throwIfErrors();
  for (const r of records) quarters.add(r.period);
  return { records, quarters };
}

/** Scores several quarters, collecting the missing-data errors of all before throwing. */
function scorePeriods(
  periods: readonly string[],
  grouped: ReadonlyMap<string, CountRecord[]>,
  units: (period: string) => IndexUnit[],
  method: LoadedMethod,
  mode: MissingMode,
): { scores: PeriodScores[]; indicators: UnitIndicators[][] } {
  const bag = new DiagnosticBag();
  const scores: PeriodScores[] = [];
  const indicators: UnitIndicators[][] = [];
  for (const period of periods) {
    const values = computeIndicators(
      grouped.get(period) ?? [],
      units(period),
      method.profile.indicators,
    );
    indicators.push(values);
    try {
      scores.push(scoreIndex(values, method.profile, mode));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      for (const d of error.diagnostics) bag.add(d);
    }
  }
  bag.throwIfErrors();
  return { scores, indicators };
}

const DEMO_FOLDER = resolve(dataPath("demo"));

/** Computes an index run without building its document (shared with `explain`). */
export async function computeIndex(options: IndexOptions): Promise<IndexRun> {
  return computeRequest(normaliseIndexOptions(options));
}

async function computeRequest(request: IndexRequest): Promise<IndexRun> {
  let method = loadMethod(request.method);
  if (request.weights !== undefined) {
    method = { ...method, profile: withWeights(method.profile, request.weights, "--weights") };
  }
  const mode = request.missing ?? method.profile.json.missing;
  const inputs = request.inputs;
  const files = inputs.length > 0 ? inputs : [dataPath(method.profile.json.input.default)];
  // Synthetic: the profile's shipped default input says so, or a file from data/demo is given.
  const synthetic =
    inputs.length === 0
      ? method.profile.json.input.synthetic
      : files.some((f) => resolve(f).startsWith(DEMO_FOLDER));
  const registry = loadRegistry();
  const groups = groupRequest(registry, request.by, request.only);
  if ((groups.by !== undefined || groups.only !== undefined) && request.history) {
    throw new UsageError("--by and --only do not combine with --history");
  }
  const select = periodSelection(request.period, request.history);
  const read = {
    ...(select === undefined ? {} : { select }),
    ...(request.decimalMark !== undefined ? { decimalMark: request.decimalMark } : {}),
    ...(request.sheet !== undefined ? { sheet: request.sheet } : {}),
    countColumns: countColumnsOf(method.profile),
  };
  const { records, quarters } = await readRecords(files, method, registry, read);
  const grouped = byPeriod(records);
  const available = chronological(quarters);
  if (available.length === 0) throw new UsageError("the input has no rows to rank");
  const period = formatPeriod(choosePeriod(request.period, available) as Period);
  const periods = available.map((p) => formatPeriod(p));
  const wanted = request.history ? periods.slice(0, periods.indexOf(period) + 1) : [period];
  const { scores, indicators } = scorePeriods(
    wanted,
    grouped,
    (p) => unitsFor(registry, request.unit, p),
    method,
    mode,
  );
  const selected = scores.at(-1) as PeriodScores;
  const values = indicators.at(-1) ?? [];
  const uncertainty = await simulate(request, values, method, mode);
  const grouping = groupingOf(
    registry,
    groups,
    selected.units.map((u) => ({ ...u.unit, rank: u.rank })),
  );
  return {
    options: {
      command: "index",
      inputs,
      period,
      unit: request.unit,
      method: request.method,
      missing: mode,
      history: request.history,
      ...(request.weights !== undefined ? { weights: { ...request.weights } } : {}),
      ...(uncertainty !== undefined
        ? { uncertainty: uncertainty.runs, seed: uncertainty.seed }
        : {}),
      ...(groups.by !== undefined ? { by: groups.by } : {}),
      ...(groups.only !== undefined ? { only: groups.only.id } : {}),
      ...(request.decimalMark !== undefined ? { decimalMark: request.decimalMark } : {}),
      ...(request.sheet !== undefined ? { sheet: request.sheet } : {}),
    },
    method,
    files,
    synthetic,
    periods,
    scores: selected,
    indicators: values,
    records: grouped.get(period) ?? [],
    history: scores,
    unitsInRegistry: unitsFor(registry, request.unit, period).length,
    unitsMissing: missingUnits(unitsFor(registry, request.unit, period), selected),
    ...(uncertainty !== undefined ? { uncertainty } : {}),
    ...(grouping !== undefined ? { grouping } : {}),
  };
}

/** The registry's units that the quarter's input lacks: neither ranked nor dropped. */
function missingUnits(units: readonly IndexUnit[], scores: PeriodScores): string[] {
  const seen = new Set([
    ...scores.units.map((u) => u.unit.id),
    ...scores.dropped.map((c) => c.unit.id),
  ]);
  return units
    .map((u) => u.id)
    .filter((id) => !seen.has(id))
    .sort();
}

/**
 * The Monte Carlo over the method's assumptions, when asked for. The module is imported
 * here, on demand, so a plain `index` run does not load it (start-up time).
 */
async function simulate(
  request: IndexRequest,
  values: UnitIndicators[],
  method: LoadedMethod,
  mode: MissingMode,
): Promise<IndexRun["uncertainty"]> {
  if (request.uncertainty === undefined) return undefined;
  const U = await import("../../uncertainty/index.js");
  return U.simulateIndexRanks(values, method.profile, {
    runs: request.uncertainty,
    seed: request.seed ?? U.DEFAULT_SEED,
    missing: mode,
  });
}

/** The `index` command: 0 always (a ranking has no pass/fail), bad input throws. */
export async function runIndex(
  options: IndexOptions,
): Promise<{ document: ReportDocument; exitCode: 0 | 1; filesRead: FileRead[] }> {
  return trackReads(async () => {
    const run = await computeIndex(options);
    return {
      document: await decorateIndexDocument(buildIndexDocument(run), run),
      exitCode: 0 as const,
    };
  });
}
