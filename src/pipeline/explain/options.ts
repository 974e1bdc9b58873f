/**
 * `explain`'s options, for the index, the benchmark or both, and their normalised form:
 * the period parsed and the uncertainty runs settled before any file is opened.
 */
import { UsageError } from "../../diagnostics.js";
import type { Period } from "../../period.js";
import { parsePeriodOption } from "../period.js";

/**
 * Draws (index) or refits (benchmark, model mode) behind explain's "how sure" sentence
 * when no `uncertainty` is given: none. The sentence is asked for (`uncertainty: 2000`):
 * 2,000 draws of the index cost a fresh process more than the rest of `explain` together
 * (docs/performance.md), so a plain `explain` does not pay for them.
 */
export const EXPLAIN_UNCERTAINTY_RUNS = 0;

export type ExplainKind = "index" | "benchmark";

export interface ExplainCommandOptions {
  /** A municipality or jobcentre: name, code or jobcentre id. */
  unit: string;
  /** What to explain; `auto` (default) decides from the options and the input. */
  kind?: "auto" | ExplainKind;
  inputs?: string[];
  period?: string;
  /** Index: `jobcentre` (default) or `municipality` on its own. */
  unitKind?: string;
  /** Index: method profile. */
  method?: string;
  /** Index: missing-data treatment. */
  missing?: string;
  /** Benchmark: benefit group. */
  group?: string;
  /** Benchmark: explain the model estimate on these covariates (as `--covariates` gives them). */
  covariates?: string;
  covariateData?: string[];
  weights?: "population";
  loo?: boolean;
  /** Draws or refits for the "how sure" sentence; absent or 0 = none (EXPLAIN_UNCERTAINTY_RUNS). */
  uncertainty?: number;
  seed?: number;
  distinguish?: "prediction" | "bootstrap";
  /** Benchmark: name the K municipalities with the most similar framework conditions. */
  peers?: number;
  /** Reading the inputs (both kinds): `--decimal-mark`, `--sheet`. */
  decimalMark?: "," | ".";
  sheet?: string;
}

export interface ExplainRequest extends ExplainCommandOptions {
  kind: "auto" | ExplainKind;
  inputs: string[];
  covariateData: string[];
  /** The period parsed (any kind: which command it fits is checked by that command). */
  parsedPeriod: Period | undefined;
  /** What the explained commands get: no uncertainty for 0 runs. */
  uncertaintyOptions: { uncertainty?: number; seed?: number };
}

/** Options that belong to one kind of ranking only, as their flags are spelt. */
const INDEX_ONLY: ReadonlyArray<[keyof ExplainCommandOptions, string]> = [
  ["unitKind", "--unit"],
  ["method", "--method"],
  ["missing", "--missing"],
];
const BENCHMARK_ONLY: ReadonlyArray<[keyof ExplainCommandOptions, string]> = [
  ["group", "--group"],
  ["covariates", "--covariates"],
  ["weights", "--wls"],
  ["loo", "--loo"],
  ["distinguish", "--distinguish"],
  ["peers", "--peers"],
];

function given(options: ExplainCommandOptions, key: keyof ExplainCommandOptions): boolean {
  const value = options[key];
  if (value === undefined || value === false) return false;
  return !(Array.isArray(value) && value.length === 0);
}

/** A flag of the other ranking kind is refused, not silently ignored. */
function checkKindFlags(options: ExplainCommandOptions): void {
  const index = INDEX_ONLY.filter(([k]) => given(options, k)).map(([, f]) => f);
  const benchmark = BENCHMARK_ONLY.filter(([k]) => given(options, k)).map(([, f]) => f);
  if (given(options, "covariateData")) benchmark.push("--covariate-data");
  const kind = options.kind ?? "auto";
  if (kind === "index" && benchmark.length > 0) {
    throw new UsageError(
      `${benchmark.join(", ")} ${benchmark.length === 1 ? "applies" : "apply"} to the benchmark, not to --kind index`,
    );
  }
  if (kind === "benchmark" && index.length > 0) {
    throw new UsageError(
      `${index.join(", ")} ${index.length === 1 ? "applies" : "apply"} to the index, not to --kind benchmark`,
    );
  }
  if (kind === "auto" && index.length > 0 && benchmark.length > 0) {
    throw new UsageError(
      `${index.join(", ")} (index) and ${benchmark.join(", ")} (benchmark) cannot be combined: explain one ranking at a time (--kind)`,
    );
  }
}

export function normaliseExplainOptions(options: ExplainCommandOptions): ExplainRequest {
  const parsedPeriod = parsePeriodOption(options.period);
  if (
    options.kind !== undefined &&
    options.kind !== "auto" &&
    options.kind !== "index" &&
    options.kind !== "benchmark"
  ) {
    throw new UsageError(`--kind expects auto, index or benchmark, got '${String(options.kind)}'`);
  }
  if (
    options.unitKind !== undefined &&
    options.unitKind !== "jobcentre" &&
    options.unitKind !== "municipality"
  ) {
    throw new UsageError(
      `--unit expects one of jobcentre, municipality, got '${options.unitKind}'`,
    );
  }
  if (options.covariates !== undefined && options.covariates.trim() === "") {
    throw new UsageError(
      "--covariates is empty: give model terms (e.g. default), or leave --covariates out",
    );
  }
  checkKindFlags(options);
  const runs = options.uncertainty ?? EXPLAIN_UNCERTAINTY_RUNS;
  let uncertaintyOptions: ExplainRequest["uncertaintyOptions"];
  if (runs === 0) {
    if (options.seed !== undefined) throw new UsageError("--seed applies with --uncertainty");
    uncertaintyOptions = {};
  } else {
    uncertaintyOptions = {
      uncertainty: runs,
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
    };
  }
  return {
    ...options,
    kind: options.kind ?? "auto",
    inputs: [...(options.inputs ?? [])],
    covariateData: [...(options.covariateData ?? [])],
    parsedPeriod,
    uncertaintyOptions,
  };
}
