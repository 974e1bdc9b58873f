/**
 * `jobindex index` as a function: options in, ReportDocument out. Normalises the options
 * (the period first, before anything is read), reads the inputs and the method profile,
 * looks up the units of each quarter in the registry, hands plain data to the pure core
 * (indicators → score → rank), lays out the document and decorates it (uncertainty,
 * groups).
 */
import { resolve } from "node:path";
import { computeIndicators } from "../../composite/indicators.js";
import type { MethodProfile, MissingMode } from "../../composite/profile.js";
import { rankIndex, type ScoreContext, scoreIndex } from "../../composite/score.js";
import type {
  CountRecord,
  IndexUnit,
  PeriodScores,
  RankedQuarter,
  UnitIndicators,
} from "../../composite/types.js";
import { DiagnosticBag, InputError, UsageError } from "../../diagnostics.js";
import { dataPath } from "../../paths.js";
import {
  comparePeriods,
  formatPeriod,
  type Period,
  parsePeriod,
  previousPeriod,
} from "../../period.js";
import type { ReadOptions } from "../../read/index.js";
import { loadRegistry, type Registry } from "../../registry/index.js";
import type { ReportDocument } from "../../report/types.js";
import { type FileRead, trackReads } from "../files-read.js";
import { groupingOf, groupRequest, regionOfUnit } from "../groups.js";
import { choosePeriod } from "../period.js";
import { checkStdinOnce, readInputTable } from "../read-table.js";
import { buildIndexDocument, decorateIndexDocument } from "./document.js";
import { countColumnsOf, countRecords, periodSelection, seenRows } from "./input.js";
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
): Promise<{ records: CountRecord[]; quarters: Set<string>; skipped: string[] }> {
  const bag = new DiagnosticBag();
  const seen = seenRows();
  const records: CountRecord[] = [];
  const skipped: string[] = [];
  const quarters = new Set<string>();
  for (const file of files) {
    try {
      const table = await readInputTable(file, read);
      for (const p of table.periods ?? []) if (parsePeriod(p)?.kind === "quarter") quarters.add(p);
      records.push(...countRecords(table, method.profile, registry, bag, seen, skipped));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      for (const d of error.diagnostics) bag.add(d);
    }
  }
  bag.throwIfErrors();
  for (const r of records) quarters.add(r.period);
  return { records, quarters, skipped };
}

/** A quarter's records by its canonical text; a quarter scored is let go (`delete`). */
export type RecordsByQuarter = Pick<Map<string, CountRecord[]>, "get" | "delete">;

/**
 * `readRecords`, grouped by quarter. The flat list is let go here, so a quarter's records
 * can be let go once it is scored (`scorePeriods`). A run of `several` quarters holds them
 * as numbers instead (`readHeld`, held-records.ts), which reports the inputs' problems as
 * `readRecords` does (test/pipeline/held-records.test.ts compares the two).
 */
export async function readGrouped(
  files: readonly string[],
  method: LoadedMethod,
  registry: Registry,
  read: ReadOptions,
  several: boolean,
): Promise<{ grouped: RecordsByQuarter; quarters: Set<string>; skipped: string[] }> {
  checkStdinOnce(files);
  if (several) {
    const { readHeld } = await import("./held-records.js");
    const held = await readHeld(files, method, registry, read);
    return { ...held, grouped: held.records };
  }
  const { records, quarters, skipped } = await readRecords(files, method, registry, read);
  return { grouped: byPeriod(records), quarters, skipped };
}

/** The quarter before `period`, as the previous-quarter imputation reads it. */
function previousValues(
  period: string,
  grouped: RecordsByQuarter,
  units: (period: string) => IndexUnit[],
  method: LoadedMethod,
): ScoreContext["previous"] {
  const before = formatPeriod(previousPeriod(parsePeriod(period) as Period));
  const records = grouped.get(before);
  if (records === undefined) return undefined;
  const values = computeIndicators(records, units(before), method.profile.indicators);
  return { period: before, values: new Map(values.map((u) => [u.unit.id, u.values])) };
}

/**
 * One object for equal units: each quarter's `unitsFor` makes its own, and a history of
 * 800 quarters would hold 800 copies of every unit.
 */
function unitInterner(): (unit: IndexUnit) => IndexUnit {
  const held = new Map<string, IndexUnit>();
  return (unit) => {
    const key = `${unit.id}\u0000${unit.name}\u0000${unit.municipalities.join(" ")}`;
    const known = held.get(key);
    if (known !== undefined) return known;
    held.set(key, unit);
    return unit;
  };
}

/**
 * Scores several quarters, collecting the missing-data errors of all before throwing. Of
 * every quarter but the last only what the history shows is kept (`RankedQuarter`: rank,
 * shared place and score of each unit); the last, the selected one, is kept whole.
 */
function scorePeriods(
  periods: readonly string[],
  grouped: RecordsByQuarter,
  units: (period: string) => IndexUnit[],
  method: LoadedMethod,
  mode: MissingMode,
  context: ScoreContext,
): { scores: Array<PeriodScores | RankedQuarter>; indicators: UnitIndicators[] } {
  const bag = new DiagnosticBag();
  const scores: Array<PeriodScores | RankedQuarter> = [];
  const intern = unitInterner();
  // Only the last quarter's indicator values outlive the loop (the run's `indicators`); the
  // records of a quarter scored are let go as soon as no later quarter reads them (the
  // previous-quarter imputation reads the quarter before), all but the last quarter's.
  let indicators: UnitIndicators[] = [];
  const last = periods.length - 1;
  periods.forEach((period, i) => {
    const values = computeIndicators(
      grouped.get(period) ?? [],
      units(period),
      method.profile.indicators,
    );
    if (i === last) indicators = values;
    const previous =
      mode === "impute-previous" ? previousValues(period, grouped, units, method) : undefined;
    const done = mode === "impute-previous" ? periods[i - 1] : i < last ? period : undefined;
    if (done !== undefined) grouped.delete(done);
    try {
      const given = { ...context, ...(previous !== undefined ? { previous } : {}) };
      scores.push(
        i === last
          ? scoreIndex(values, method.profile, mode, given)
          : rankIndex(values, method.profile, mode, given, intern),
      );
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      for (const d of error.diagnostics) bag.add(d);
    }
  });
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
  // The previous-quarter imputation reads the quarter before too: keep every quarter up to
  // the one asked for.
  const several = request.history || mode === "impute-previous";
  const select = periodSelection(request.period, several);
  const read = {
    ...(select === undefined ? {} : { select }),
    ...(request.decimalMark !== undefined ? { decimalMark: request.decimalMark } : {}),
    ...(request.sheet !== undefined ? { sheet: request.sheet } : {}),
    countColumns: countColumnsOf(method.profile),
  };
  const { grouped, quarters, skipped } = await readGrouped(files, method, registry, read, several);
  const available = chronological(quarters);
  if (available.length === 0) throw new UsageError("the input has no rows to rank");
  const period = formatPeriod(choosePeriod(request.period, available) as Period);
  const periods = available.map((p) => formatPeriod(p));
  const wanted = request.history ? periods.slice(0, periods.indexOf(period) + 1) : [period];
  const unitsOf = (p: string) => unitsFor(registry, request.unit, p);
  const regions = new Map<string, { id: string; name: string }>();
  for (const p of wanted) {
    for (const u of unitsOf(p)) {
      const region = regionOfUnit(registry, u);
      if (region !== undefined) regions.set(u.id, { id: region.id, name: region.name });
    }
  }
  const context: ScoreContext = {
    groupOf: (id) => regions.get(id),
    ...(method.profile.json.weighting?.type === "benefit_of_the_doubt"
      ? { lp: await (await import("./lp.js")).loadLpSolver() }
      : {}),
  };
  const { scores, indicators } = scorePeriods(wanted, grouped, unitsOf, method, mode, context);
  const selected = scores.at(-1) as PeriodScores;
  const values = indicators;
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
    skippedAggregates: skipped,
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
  const unsupported = notSimulated(method.profile, mode);
  if (unsupported !== undefined) {
    throw new UsageError(`--uncertainty does not yet support ${unsupported}`);
  }
  const U = await import("../../uncertainty/index.js");
  return U.simulateIndexRanks(values, method.profile, {
    runs: request.uncertainty,
    seed: request.seed ?? U.DEFAULT_SEED,
    missing: mode,
  });
}

/** The method choices the Monte Carlo cannot redraw faithfully (it would rank another method). */
function notSimulated(profile: MethodProfile, mode: MissingMode): string | undefined {
  const { aggregation, weighting, treatment } = profile.json;
  if (treatment !== undefined) return "outlier treatment (the profile's treatment)";
  if (weighting !== undefined) return `computed weights (weighting ${weighting.type})`;
  if (!["arithmetic", "geometric", "sum"].includes(aggregation.type)) {
    return `${aggregation.type} aggregation`;
  }
  if (mode === "impute-group-mean" || mode === "impute-previous") return `--missing ${mode}`;
  return undefined;
}

/** What `runIndex` takes besides the ranking's options: `--verify` and its `--published FILE`. */
export interface IndexVerifyOptions {
  verify?: boolean;
  publishedLists?: string;
}

/**
 * The `index` command: 0, or 1 when `--verify` finds the ranking differs from the places
 * published for the quarter (`messages` say why, for stderr); bad input throws.
 */
export async function runIndex(options: IndexOptions & IndexVerifyOptions): Promise<{
  document: ReportDocument;
  exitCode: 0 | 1;
  filesRead: FileRead[];
  messages: string[];
}> {
  return trackReads(async () => {
    const { verify, publishedLists, ...rest } = options;
    if (publishedLists !== undefined && verify !== true)
      throw new UsageError("--published is read by --verify: give --verify too", "E_USAGE");
    const run = await computeIndex(rest);
    if (verify === true && run.options.unit !== "jobcentre") {
      throw new UsageError(
        "--verify compares with LO's and FH's jobcentre lists: use --unit jobcentre",
        "E_USAGE",
      );
    }
    const document = await decorateIndexDocument(buildIndexDocument(run), run);
    // The run's warnings (W_SKIPPED_AGGREGATE_ROWS) for stderr, as benchmark gives its own.
    const warnings = (
      (document.json.warnings ?? []) as Array<{ code: string; message: string }>
    ).map((w) => `warning: ${w.message} [${w.code}]`);
    if (verify !== true) return { document, exitCode: 0 as const, messages: warnings };
    const { withIndexPublishedCheck } = await import("./published.js");
    const checked = await withIndexPublishedCheck(document, run, loadRegistry(), publishedLists);
    return {
      document: checked.document,
      exitCode: checked.failed ? (1 as const) : (0 as const),
      messages: checked.failed
        ? [
            ...warnings,
            `verify failed: the ranking differs from the published index places for ${run.scores.period} (--format json lists the differences under published_list)`,
          ]
        : warnings,
    };
  });
}
