/**
 * The bootstrap's input from what a model-mode benchmark run already holds
 * (BenchmarkOutcome.model and .results), typed structurally so this module does not
 * depend on the run module.
 */
import { UsageError } from "../diagnostics.js";
import type { BenchmarkDesign } from "./types.js";

export interface FittedModel {
  /** Per municipality code, its design values in term order; in the order the model was fitted. */
  design: ReadonlyMap<string, readonly number[]>;
  weights: "population" | null;
  loo: boolean;
}

export interface FittedResult {
  municipality: string;
  name: string;
  actualPct: number;
}

/**
 * Rows in the model's own order (the design map's), not the results' rank order: least
 * squares on reordered rows differs in the last bits, and the bootstrap's full-data fit
 * must equal the benchmark's exactly. `population` (code → 16–66-year-olds) is needed
 * only for population weights.
 */
export function benchmarkDesign(
  model: FittedModel,
  results: readonly FittedResult[],
  population?: ReadonlyMap<string, number>,
): BenchmarkDesign {
  const byCode = new Map(results.map((r) => [r.municipality, r]));
  if (model.weights === "population" && population === undefined) {
    throw new UsageError("the bootstrap of a population-weighted model needs the populations");
  }
  const rows = [...model.design].map(([code, x]) => {
    const result = byCode.get(code);
    if (result === undefined) throw new Error(`unreachable: no result for municipality ${code}`);
    const people = population?.get(code);
    return {
      id: code,
      name: result.name,
      actual: result.actualPct,
      x,
      ...(people !== undefined ? { population: people } : {}),
    };
  });
  return { rows, weights: model.weights, loo: model.loo };
}
