/**
 * The funnel of a run (METHOD.md C): from its results and expected persons, in published
 * mode and in model mode where the population is known; null where a precision is missing.
 * With `--uncertainty` in published mode, the funnel draws give the rank intervals.
 */
import { type Funnel, funnel } from "../../benchmark/funnel.js";
import type { BenchmarkResult } from "../../benchmark/types.js";
import type { FunnelRankIntervals } from "../../uncertainty/funnel-draws.js";
import type { Persons } from "./outcome.js";

export function funnelOf(
  results: readonly BenchmarkResult[],
  persons: ReadonlyMap<string, Persons>,
): Funnel | null {
  const inputs = results.map((r) => ({
    municipality: r.municipality,
    actualPct: r.actualPct,
    expectedPct: r.expectedPct,
    expectedPersons: persons.get(r.municipality)?.expected ?? Number.NaN,
  }));
  const usable = inputs.every(
    (u) =>
      u.expectedPersons > 0 &&
      u.expectedPct > 0 &&
      Number.isFinite(u.actualPct) &&
      Number.isFinite(u.expectedPersons),
  );
  return usable && inputs.length > 2 ? funnel(inputs) : null;
}

/** Rank intervals from funnel draws; the module is imported only when asked for. */
export async function funnelIntervals(
  f: Funnel,
  results: readonly BenchmarkResult[],
  runs: number,
  seed: number,
): Promise<FunnelRankIntervals> {
  const { funnelRankIntervals } = await import("../../uncertainty/funnel-draws.js");
  const expected = new Map(results.map((r) => [r.municipality, r.expectedPct]));
  return funnelRankIntervals(
    f.units.map((u) => ({
      id: u.municipality,
      ratio: u.ratio,
      variance: u.variance,
      expectedPct: expected.get(u.municipality) as number,
    })),
    { runs, seed },
  );
}
