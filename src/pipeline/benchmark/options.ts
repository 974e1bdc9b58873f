/**
 * The benchmark's options: one plain, JSON-serialisable object. The JSON output records it
 * (`options`), and `runBenchmark(json.options)` re-runs the same benchmark (`check`).
 */
import { UsageError } from "../../diagnostics.js";
import type { Period } from "../../period.js";
import { parsePeriodOption } from "../period.js";
import { readOptionsOf } from "../read-options.js";

export const DEFAULT_GROUP = "Ydelsesgrupper i alt";

/** Published mode's funnel draws: 100,000 × 98 ranks are 20 MB. */
export const MAX_FUNNEL_RUNS = 100_000;

export interface BenchmarkOptions {
  command: "benchmark";
  /** Input files as given; [] = the shipped Y30R21 extract. */
  inputs: string[];
  /** Period as given or resolved (`2021QMAT04`); null = the latest in the input. */
  period: string | null;
  /** Benefit group (Y30R21 `Ydelsesgrupper`). */
  group: string;
  /** Model terms as given (`income`, `log(population_density)`, or `default`); [] = published mode. */
  covariates: string[];
  /** Covariate files or folders as given; [] = the shipped data/dst. */
  covariateData: string[];
  weights: "population" | null;
  loo: boolean;
  /** Prediction interval level in (0, 1), or null. */
  interval: number | null;
  /** Yearly cost of one full-time person on public support, DKK; null = no fiscal translation. */
  costPerFte: number | null;
  /** Exit 1 when a published rank contradicts the reproduced order. */
  verify: boolean;
  /*
   * The options below are recorded only when given, so the outputs (and golden files) of
   * runs without them stay as they were.
   */
  /** Rank intervals: bootstrap refits (model mode) or funnel draws (published mode); docs/uncertainty.md. */
  uncertainty?: number;
  /** Seed of the refits; recorded whenever `uncertainty` is, so `check` redraws the same. */
  seed?: number;
  /** Which interval decides `distinguishable` (default prediction). */
  distinguish?: "prediction" | "bootstrap";
  /** `region`: rank within the regions too, with totals per region. */
  by?: "region";
  /** A region or named group's id: only its municipalities, national ranks kept, with totals. */
  only?: string;
  /** `--peers K`: the K municipalities with the most similar framework conditions. */
  peers?: number;
  /** `--history`: rank every period of the input up to the chosen one (published mode). */
  history?: boolean;
  /** `--decimal-mark`: the inputs' and covariate files' decimal mark; absent = decided per file. */
  decimalMark?: "," | ".";
  /** `--sheet`: the sheet of .xlsx inputs and covariate files; absent = the first. */
  sheet?: string;
}

/** The options checked and filled, with the period parsed: nothing read yet. */
export interface BenchmarkRequest {
  options: BenchmarkOptions;
  /** The period asked for; undefined = the latest in the input. */
  period: Period | undefined;
}

/**
 * Fills defaults and refuses malformed values and combinations that do not need the
 * input to be refused: the period first, so a mistyped `--period` is refused at once.
 */
export function normaliseBenchmarkOptions(
  raw: Partial<BenchmarkOptions> | Record<string, unknown>,
): BenchmarkRequest {
  const period = parsePeriodOption((raw as Record<string, unknown>).period);
  const options = normaliseOptions(raw);
  if (options.uncertainty === undefined && (options.seed !== undefined || options.distinguish)) {
    throw new UsageError("--seed and --distinguish apply with --uncertainty");
  }
  if (options.covariates.length === 0) {
    if (options.weights !== null || options.loo || options.interval !== null) {
      throw new UsageError(
        "--wls, --loo and --interval apply to model mode: give --covariates too",
      );
    }
    if (options.distinguish !== undefined) {
      throw new UsageError(
        "--distinguish applies to model mode's bootstrap: give --covariates too (published mode's rank intervals come from funnel draws)",
      );
    }
  } else if (options.history) {
    throw new UsageError(
      "--history ranks the published list of each period: leave out --covariates",
    );
  }
  const runs = options.uncertainty;
  if (
    options.covariates.length === 0 &&
    runs !== undefined &&
    !(Number.isInteger(runs) && runs >= 1 && runs <= MAX_FUNNEL_RUNS)
  ) {
    throw new UsageError(
      `--uncertainty expects a whole number of funnel draws 1 … ${MAX_FUNNEL_RUNS}, got ${runs}`,
    );
  }
  if (options.peers !== undefined && !(Number.isInteger(options.peers) && options.peers >= 1)) {
    throw new UsageError(`--peers expects a whole number ≥ 1, got ${options.peers}`);
  }
  return { options, period };
}

/** Fills defaults and refuses malformed values (options may come from a golden JSON file). */
export function normaliseOptions(
  raw: Partial<BenchmarkOptions> | Record<string, unknown>,
): BenchmarkOptions {
  const r = raw as Record<string, unknown>;
  const interval = optionalNumber(r.interval, "interval");
  if (interval !== null && !(interval > 0 && interval < 1)) {
    throw new UsageError(`--interval expects a level between 0 and 1 (e.g. 0.9), got ${interval}`);
  }
  const costPerFte = optionalNumber(r.costPerFte, "costPerFte");
  if (costPerFte !== null && !(costPerFte > 0)) {
    throw new UsageError(
      `--cost-per-fte expects a positive yearly cost in DKK (e.g. 400000), got ${costPerFte}`,
    );
  }
  const covariates = stringList(r.covariates, "covariates");
  if (covariates.some((c) => c.trim() === "")) {
    throw new UsageError(
      "--covariates is empty: give model terms (e.g. default, or income,log(population_density)), or leave --covariates out for published mode",
    );
  }
  if (r.weights !== undefined && r.weights !== null && r.weights !== "population") {
    throw new UsageError(`--wls accepts only 'population', got ${JSON.stringify(r.weights)}`);
  }
  return {
    command: "benchmark",
    inputs: stringList(r.inputs, "inputs"),
    period: optionalString(r.period, "period"),
    group: optionalString(r.group, "group") ?? DEFAULT_GROUP,
    covariates,
    covariateData: stringList(r.covariateData, "covariateData"),
    weights: r.weights === "population" ? "population" : null,
    loo: r.loo === true,
    interval,
    costPerFte,
    verify: r.verify === true,
    ...optionalField("uncertainty", optionalNumber(r.uncertainty, "uncertainty")),
    ...optionalField("seed", optionalNumber(r.seed, "seed")),
    ...optionalField("distinguish", distinguish(r.distinguish)),
    ...optionalField("by", by(r.by)),
    ...optionalField("only", optionalString(r.only, "only")),
    ...optionalField("peers", optionalNumber(r.peers, "peers")),
    ...optionalField("history", r.history === true ? true : null),
    ...readOptionsOf(r),
  };
}

/** `{ [key]: value }`, or `{}` for null: absent options stay absent. */
function optionalField<K extends string, V>(key: K, value: V | null): Partial<Record<K, V>> {
  return value === null ? {} : ({ [key]: value } as Partial<Record<K, V>>);
}

function distinguish(value: unknown): "prediction" | "bootstrap" | null {
  if (value === undefined || value === null) return null;
  if (value === "prediction" || value === "bootstrap") return value;
  throw new UsageError(
    `--distinguish expects prediction or bootstrap, got ${JSON.stringify(value)}`,
  );
}

function by(value: unknown): "region" | null {
  if (value === undefined || value === null) return null;
  if (value === "region") return value;
  throw new UsageError(`--by expects region, got ${JSON.stringify(value)}`);
}

function stringList(value: unknown, name: string): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return [...value];
  throw new UsageError(`options.${name} must be a list of strings`);
}

function optionalString(value: unknown, name: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  throw new UsageError(`options.${name} must be a string`);
}

function optionalNumber(value: unknown, name: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw new UsageError(`options.${name} must be a number`);
}
