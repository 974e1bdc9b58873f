/**
 * `jobindex index` as a function: options in, ReportDocument out. Reads the inputs and the
 * method profile, looks up the units of each quarter in the registry, then hands plain data
 * to the pure core (indicators → score → rank) and to the document builder.
 */
import { resolve } from "node:path";
import { DiagnosticBag, InputError, UsageError } from "../../diagnostics.js";
import { dataPath } from "../../paths.js";
import { comparePeriods, formatPeriod, parsePeriod } from "../../period.js";
import { type PeriodSelection, readTable } from "../../read/index.js";
import { loadRegistry, type Registry } from "../../registry/index.js";
import type { ReportDocument } from "../../report/types.js";
import type { IndexUncertainty } from "../../uncertainty/types.js";
import { type Grouping, groupingOf, groupRequest } from "../groups.js";

/** The uncertainty presentation helpers; a type only, the module is imported on demand. */
export type UncertaintyPresenter = typeof import("../decorate/uncertainty.js");

import { computeIndicators } from "../../composite/indicators.js";
import { MISSING_MODES, type MissingMode, withWeights } from "../../composite/profile.js";
import { scoreIndex } from "../../composite/score.js";
import type {
  CountRecord,
  IndexUnit,
  PeriodScores,
  UnitIndicators,
} from "../../composite/types.js";
import { buildIndexDocument } from "./document.js";
import { countRecords, periodSelection } from "./input.js";
import { DEFAULT_METHOD, type LoadedMethod, loadMethod } from "./method.js";

export const UNIT_KINDS = ["jobcentre", "municipality"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** What `runIndex` accepts: the CLI's flags, or the `options` a JSON result recorded. */
export interface IndexOptions {
  command?: string;
  /** Input files; empty or absent = the profile's shipped default input. */
  inputs?: string[];
  /** A quarter; absent = the latest in the input. */
  period?: string;
  unit?: string;
  /** Shipped profile name or a path to a profile JSON file. */
  method?: string;
  /** Absent = the profile's own default (`error` for fh). */
  missing?: string;
  history?: boolean;
  /** Override of the profile's weights, by indicator id; must sum to 1. */
  weights?: Record<string, number>;
  /** Monte Carlo draws of the method for rank intervals (docs/uncertainty.md); absent = none. */
  uncertainty?: number;
  /** Seed of those draws; absent = the uncertainty module's DEFAULT_SEED. */
  seed?: number;
  /** `region`: rank within the regions too, and total each region. */
  by?: string;
  /** A region or named group: only its units (national ranks kept), and their totals. */
  only?: string;
}

/** The options as recorded in every JSON output: enough for `runIndex` to reproduce it. */
export interface RecordedIndexOptions {
  command: "index";
  inputs: string[];
  period: string;
  unit: UnitKind;
  method: string;
  missing: MissingMode;
  history: boolean;
  weights?: Record<string, number>;
  /** Present only with uncertainty; the seed is always recorded then, so `check` redraws the same. */
  uncertainty?: number;
  seed?: number;
  by?: "region";
  /** The group's id (`trekant`, `DK-83`), whatever name it was asked by. */
  only?: string;
}

/** Everything a run computed, for the document builder and `explain`. */
export interface IndexRun {
  options: RecordedIndexOptions;
  method: LoadedMethod;
  /** The files read (absolute paths resolved for the default input). */
  files: string[];
  synthetic: boolean;
  /** All quarters in the input, chronological. */
  periods: string[];
  /** The selected quarter's ranking. */
  scores: PeriodScores;
  /** The selected quarter's raw values for every unit (before missing-data handling). */
  indicators: UnitIndicators[];
  /** The selected quarter's count records (for national figures). */
  records: CountRecord[];
  /** Every quarter up to the selected one when `history`; else just the selected one. */
  history: PeriodScores[];
  /** How many units the registry has in the selected quarter (jobcentres or municipalities). */
  unitsInRegistry: number;
  /**
   * Rank intervals of the selected quarter, when `uncertainty` was asked for, with the
   * module that presents them (loaded only then; the document and explain use it).
   */
  uncertainty?: { result: IndexUncertainty; present: UncertaintyPresenter };
  /** `--by region` or `--only NAME` on the selected quarter's ranking. */
  grouping?: Grouping;
}

function unitKind(text: string | undefined): UnitKind {
  const kind = text ?? "jobcentre";
  if ((UNIT_KINDS as readonly string[]).includes(kind)) return kind as UnitKind;
  throw new UsageError(`--unit expects one of ${UNIT_KINDS.join(", ")}, got '${kind}'`);
}

function missingMode(text: string | undefined, fallback: MissingMode): MissingMode {
  if (text === undefined) return fallback;
  if ((MISSING_MODES as readonly string[]).includes(text)) return text as MissingMode;
  throw new UsageError(`--missing expects one of ${MISSING_MODES.join(", ")}, got '${text}'`);
}

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

function selectPeriod(requested: string | undefined, available: readonly string[]): string {
  const latest = available.at(-1);
  if (latest === undefined) throw new UsageError("the input has no rows to rank");
  if (requested === undefined) return latest;
  const parsed = parsePeriod(requested);
  if (parsed === undefined || parsed.kind !== "quarter") {
    throw new UsageError(`--period expects a quarter such as 2019K4 or 2019Q4, got '${requested}'`);
  }
  const canonical = formatPeriod(parsed);
  if (!available.includes(canonical)) {
    throw new UsageError(
      `period ${canonical} is not in the input, which has ${available[0]}–${latest} (${available.length} quarters)`,
    );
  }
  return canonical;
}

function byPeriod(records: readonly CountRecord[]): Map<string, CountRecord[]> {
  const out = new Map<string, CountRecord[]>();
  for (const r of records) out.set(r.period, [...(out.get(r.period) ?? []), r]);
  return out;
}

function chronological(periods: Iterable<string>): string[] {
  return [...periods].sort((a, b) => {
    const pa = parsePeriod(a);
    const pb = parsePeriod(b);
    return pa && pb ? comparePeriods(pa, pb) : a < b ? -1 : 1;
  });
}

/** The count records of the selected quarters, and every quarter the inputs name. */
async function readRecords(
  files: readonly string[],
  method: LoadedMethod,
  registry: Registry,
  select: PeriodSelection | undefined,
): Promise<{ records: CountRecord[]; quarters: Set<string> }> {
  const bag = new DiagnosticBag();
  const seen = new Map<string, { file: string; line: number }>();
  const records: CountRecord[] = [];
  const quarters = new Set<string>();
  for (const file of files) {
    try {
      const table = await readTable(file, select === undefined ? {} : { select });
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
  const unit = unitKind(options.unit);
  const methodRef = options.method ?? DEFAULT_METHOD;
  let method = loadMethod(methodRef);
  if (options.weights !== undefined) {
    method = { ...method, profile: withWeights(method.profile, options.weights, "--weights") };
  }
  const mode = missingMode(options.missing, method.profile.json.missing);
  const inputs = [...(options.inputs ?? [])];
  const files = inputs.length > 0 ? inputs : [dataPath(method.profile.json.input.default)];
  // Synthetic: the profile's shipped default input says so, or a file from data/demo is given.
  const synthetic =
    inputs.length === 0
      ? method.profile.json.input.synthetic
      : files.some((f) => resolve(f).startsWith(DEMO_FOLDER));
  const registry = loadRegistry();
  const request = groupRequest(registry, options.by, options.only);
  if ((request.by !== undefined || request.only !== undefined) && options.history === true) {
    throw new UsageError("--by and --only do not combine with --history");
  }
  const select = periodSelection(options.period, options.history === true);
  const { records, quarters } = await readRecords(files, method, registry, select);
  const grouped = byPeriod(records);
  const periods = chronological(quarters);
  const period = selectPeriod(options.period, periods);
  const wanted =
    options.history === true ? periods.slice(0, periods.indexOf(period) + 1) : [period];
  const { scores, indicators } = scorePeriods(
    wanted,
    grouped,
    (p) => unitsFor(registry, unit, p),
    method,
    mode,
  );
  const selected = scores.at(-1) as PeriodScores;
  const values = indicators.at(-1) ?? [];
  const uncertainty = await simulate(options, values, method, mode);
  const grouping = groupingOf(
    registry,
    request,
    selected.units.map((u) => ({ ...u.unit, rank: u.rank })),
  );
  return {
    options: {
      command: "index",
      inputs,
      period,
      unit,
      method: methodRef,
      missing: mode,
      history: options.history === true,
      ...(options.weights !== undefined ? { weights: { ...options.weights } } : {}),
      ...(uncertainty !== undefined
        ? { uncertainty: uncertainty.result.runs, seed: uncertainty.result.seed }
        : {}),
      ...(request.by !== undefined ? { by: request.by } : {}),
      ...(request.only !== undefined ? { only: request.only.id } : {}),
    },
    method,
    files,
    synthetic,
    periods,
    scores: selected,
    indicators: values,
    records: grouped.get(period) ?? [],
    history: scores,
    unitsInRegistry: unitsFor(registry, unit, period).length,
    ...(uncertainty !== undefined ? { uncertainty } : {}),
    ...(grouping !== undefined ? { grouping } : {}),
  };
}

/**
 * The Monte Carlo over the method's assumptions, when asked for. The module is imported
 * here, on demand, so a plain `index` run does not load it (start-up time).
 */
async function simulate(
  options: IndexOptions,
  values: UnitIndicators[],
  method: LoadedMethod,
  mode: MissingMode,
): Promise<IndexRun["uncertainty"]> {
  if (options.uncertainty === undefined) {
    if (options.seed !== undefined) throw new UsageError("--seed applies with --uncertainty");
    return undefined;
  }
  const U = await import("../../uncertainty/index.js");
  const result = U.simulateIndexRanks(values, method.profile, {
    runs: options.uncertainty,
    seed: options.seed ?? U.DEFAULT_SEED,
    missing: mode,
  });
  return { result, present: U };
}

/** The `index` command: 0 always (a ranking has no pass/fail), bad input throws. */
export async function runIndex(
  options: IndexOptions,
): Promise<{ document: ReportDocument; exitCode: 0 | 1 }> {
  const run = await computeIndex(options);
  return { document: buildIndexDocument(run), exitCode: 0 };
}
