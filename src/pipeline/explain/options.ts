/**
 * `explain`'s options, for the index, the benchmark or both, and their normalised form:
 * the period parsed and the uncertainty runs settled before any file is opened.
 */
import { UsageError } from "../../diagnostics.js";
import type { Period } from "../../period.js";
import { parsePeriodOption } from "../period.js";

/**
 * Draws (index) or refits (benchmark, model mode) behind explain's "how sure" sentence
 * when no `uncertainty` is given: about 0.1 s each on the shipped data, so explain runs
 * them by default; `uncertainty: 0` leaves the sentence out.
 */
export const EXPLAIN_UNCERTAINTY_RUNS = 2000;

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
  /** Draws or refits for the "how sure" sentence; absent = EXPLAIN_UNCERTAINTY_RUNS, 0 = none. */
  uncertainty?: number;
  seed?: number;
  distinguish?: "prediction" | "bootstrap";
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

export function normaliseExplainOptions(options: ExplainCommandOptions): ExplainRequest {
  const parsedPeriod = parsePeriodOption(options.period);
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
