/**
 * Model mode: the observations and their joined covariates → the model's rows, fitted by
 * least squares (src/benchmark/model.ts, imported on demand: ml-matrix and stdlib load only
 * in model mode), with the input errors a fit can reveal.
 */
import type { CovariateSpec } from "../../benchmark/covariates.js";
import type { ModelOutcome, ModelRow } from "../../benchmark/model.js";
import type { Observation } from "../../benchmark/types.js";
import { DiagnosticBag, InputError, UsageError } from "../../diagnostics.js";
import type { JoinedCovariates } from "./covariates.js";
import type { BenchmarkOptions } from "./options.js";

/** One model row per observation, the design values in term order. */
export function modelRows(
  observations: readonly Observation[],
  joined: JoinedCovariates,
  regionOf: (code: string) => string | null,
): ModelRow[] {
  return observations.map((o, i) => ({
    municipality: o.municipality,
    name: o.name,
    region: regionOf(o.municipality),
    actualPct: o.actualPct,
    x: joined.design.map((column) => column[i] as number),
    ...(o.population !== undefined ? { population: o.population } : {}),
    ...(o.expectedStarPct !== undefined ? { expectedStarPct: o.expectedStarPct } : {}),
    ...(o.publishedRank !== undefined ? { publishedRank: o.publishedRank } : {}),
  }));
}

/** Fits the model, refusing what cannot be fitted with an input error that says why. */
export async function estimate(
  rows: readonly ModelRow[],
  observations: readonly Observation[],
  terms: readonly CovariateSpec[],
  opts: BenchmarkOptions,
): Promise<ModelOutcome> {
  if (opts.weights === "population") requirePopulation(observations);
  if (rows.length <= terms.length + 1) {
    throw new UsageError(
      `the model needs more municipalities (${rows.length}) than coefficients (${terms.length + 1})`,
    );
  }
  const { estimateModel } = await import("../../benchmark/model.js");
  const { RankDeficientError } = await import("../../benchmark/ols.js");
  try {
    return estimateModel(rows, {
      terms: terms.map((t) => t.term),
      weights: opts.weights,
      loo: opts.loo,
      interval: opts.interval,
    });
  } catch (error) {
    if (error instanceof RankDeficientError) throw collinearError(terms, error.column, rows.length);
    throw error;
  }
}

function requirePopulation(observations: readonly Observation[]): void {
  const bag = new DiagnosticBag();
  for (const o of observations) {
    if (o.population === undefined) {
      bag.add({
        code: "E_NO_POPULATION",
        message: `--wls population: ${o.name} has no population_16_66`,
        file: o.file,
        line: o.line,
      });
    }
  }
  bag.throwIfErrors();
}

function collinearError(terms: readonly CovariateSpec[], column: number, n: number): InputError {
  const term = column === 0 ? "the intercept" : (terms[column - 1]?.term ?? "?");
  return new InputError([
    {
      code: "E_COLLINEAR",
      message: `the covariates are collinear or constant at ${term} (n = ${n}, k = ${terms.length + 1}); drop one`,
    },
  ]);
}
