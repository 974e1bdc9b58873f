/** The benchmark's CLI.md JSON: snake_case, full precision, plus the `options` it ran with. */
import { relative } from "node:path";
import type { BenchmarkResult, Contradiction } from "../../benchmark/types.js";
import { dataPath } from "../../paths.js";
import type { BenchmarkOutcome, ModelDetails } from "./outcome.js";

export function documentJson(outcome: BenchmarkOutcome): Record<string, unknown> {
  const json: Record<string, unknown> = {
    command: "benchmark",
    mode: outcome.mode,
    period: outcome.period,
    group: outcome.group,
    results: outcome.results.map(resultJson),
  };
  if (outcome.model) json.model = modelJson(outcome.model);
  if (outcome.mode === "published")
    json.contradictions = outcome.contradictions.map(contradictionJson);
  if (outcome.mode === "model") json.population_source = outcome.population;
  if (outcome.options.costPerFte !== null) json.cost_per_fte = outcome.options.costPerFte;
  json.coverage = outcome.coverage;
  json.warnings = outcome.warnings;
  json.options = outcome.options;
  return json;
}

function resultJson(r: BenchmarkResult): Record<string, unknown> {
  return {
    municipality: r.municipality,
    name: r.name,
    region: r.region,
    actual_pct: r.actualPct,
    expected_pct: r.expectedPct,
    residual_pp: r.residualPp,
    residual_persons: r.residualPersons,
    rank: r.rank,
    tied: r.tied,
    ...(r.publishedRank !== undefined ? { published_rank: r.publishedRank } : {}),
    ...(r.expectedStarPct !== undefined ? { expected_star_pct: r.expectedStarPct } : {}),
    ...(r.costDkk !== undefined ? { cost_dkk: r.costDkk } : {}),
    ...(r.interval
      ? {
          interval: {
            lower: r.interval.lower,
            upper: r.interval.upper,
            position: r.interval.position,
          },
        }
      : {}),
  };
}

function modelJson(model: ModelDetails): Record<string, unknown> {
  const s = model.summary;
  return {
    n: s.n,
    k: s.k,
    r2: s.r2,
    adj_r2: s.adjR2,
    sigma: s.sigma,
    df: s.df,
    coefficients: s.coefficients.map((c) => ({
      term: c.term,
      estimate: c.estimate,
      std_error: c.stdError,
      t: c.t,
      p: c.p,
    })),
    weights: model.weights,
    loo: model.loo,
    interval_level: model.interval,
    covariates: model.covariates.map((c, j) => ({
      term: c.term,
      source: displayPath(c.source),
      years: c.years,
      fallback: c.fallback,
      mean: s.termMeans[j],
    })),
  };
}

function contradictionJson(c: Contradiction): Record<string, unknown> {
  const side = (x: Contradiction["better"]) => ({
    municipality: x.municipality,
    name: x.name,
    residual_pp: x.residualPp,
    published_rank: x.publishedRank,
  });
  return { better: side(c.better), worse: side(c.worse) };
}

/** Shipped files as `data/…` (the same on every machine, so golden files compare); others as given. */
export function displayPath(file: string): string {
  if (file === "input") return file;
  const rel = relative(dataPath(), file);
  return rel.startsWith("..") || rel.startsWith("/") ? file : `data/${rel.split("\\").join("/")}`;
}
