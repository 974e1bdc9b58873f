/**
 * Model mode (METHOD.md B2): the expected share estimated from framework conditions by
 * least squares, with optional population weights, leave-one-out expectations and
 * prediction intervals. Loaded on demand: it pulls in stdlib's t distribution.
 */
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { mean } from "simple-statistics";
import { fitOls, type OlsCoefficient, type OlsFit } from "./ols.js";
import type { UnrankedResult } from "./published.js";
import type { IntervalPosition } from "./types.js";

export interface ModelRow {
  municipality: string;
  name: string;
  region: string | null;
  actualPct: number;
  population?: number;
  expectedStarPct?: number;
  publishedRank?: number;
  /** One design value per term (already log-transformed where asked). */
  x: number[];
}

export interface ModelChoices {
  terms: readonly string[];
  /** Population weights (WLS), normalised to mean 1 so `sigma` stays in pct. points. */
  weights: "population" | null;
  /** Each municipality's expectation estimated without itself. */
  loo: boolean;
  /** Prediction interval level, e.g. 0.9; null for none. */
  interval: number | null;
}

export interface ModelCoefficient extends OlsCoefficient {
  term: string;
}

export interface ModelSummary {
  n: number;
  k: number;
  r2: number;
  adjR2: number;
  sigma: number;
  df: number;
  coefficients: ModelCoefficient[];
  /** Mean of each term over the municipalities (weighted under WLS): the "national mean". */
  termMeans: number[];
}

export interface ModelOutcome {
  results: UnrankedResult[];
  summary: ModelSummary;
}

export const INTERCEPT = "(Intercept)";

export function estimateModel(rows: readonly ModelRow[], choices: ModelChoices): ModelOutcome {
  const weights = choices.weights === "population" ? populationWeights(rows) : undefined;
  const fit = fitOls({
    covariates: rows.map((r) => r.x),
    outcome: rows.map((r) => r.actualPct),
    ...(weights ? { weights } : {}),
  });
  const w = weights ?? rows.map(() => 1);
  const quantile = intervalQuantile(fit, choices);
  const results = rows.map((row, i): UnrankedResult => {
    const e = fit.residuals[i] as number;
    const h = fit.leverage[i] as number;
    const wi = w[i] as number;
    const expectedPct = choices.loo ? row.actualPct - e / (1 - h) : (fit.fitted[i] as number);
    const residualPp = row.actualPct - expectedPct;
    const result: UnrankedResult = {
      municipality: row.municipality,
      name: row.name,
      region: row.region,
      actualPct: row.actualPct,
      expectedPct,
      residualPp,
      residualPersons: row.population === undefined ? null : (residualPp / 100) * row.population,
      ...(row.publishedRank !== undefined ? { publishedRank: row.publishedRank } : {}),
      ...(row.expectedStarPct !== undefined ? { expectedStarPct: row.expectedStarPct } : {}),
    };
    if (quantile !== undefined) {
      const half = quantile * predictionError(fit, e, h, wi, choices.loo);
      const lower = expectedPct - half;
      const upper = expectedPct + half;
      result.interval = { lower, upper, position: positionOf(row.actualPct, lower, upper) };
    }
    return result;
  });
  return { results, summary: summarise(fit, rows, w, choices.terms) };
}

/** Population weights scaled to mean 1; every municipality needs a population. */
function populationWeights(rows: readonly ModelRow[]): number[] {
  const pops = rows.map((r) => r.population ?? Number.NaN);
  const average = mean(pops);
  return pops.map((p) => p / average);
}

/**
 * Standard error of a new observation at row i. In-sample: σ·√((1 + hᵢ)/wᵢ). Leave-one-out:
 * the deleted residual variance σ₍ᵢ₎² and σ₍ᵢ₎·√(1/(wᵢ(1 − hᵢ))) (the studentised deleted
 * residual's scale), so a municipality cannot widen its own interval.
 */
function predictionError(fit: OlsFit, e: number, h: number, w: number, loo: boolean): number {
  if (!loo) return fit.sigma * Math.sqrt((1 + h) / w);
  const deletedVariance = (fit.df * fit.sigma ** 2 - (w * e * e) / (1 - h)) / (fit.df - 1);
  return Math.sqrt(deletedVariance / (w * (1 - h)));
}

function intervalQuantile(fit: OlsFit, choices: ModelChoices): number | undefined {
  if (choices.interval === null) return undefined;
  const df = choices.loo ? fit.df - 1 : fit.df;
  return tQuantile((1 + choices.interval) / 2, df);
}

function positionOf(actual: number, lower: number, upper: number): IntervalPosition {
  if (actual < lower) return "below";
  if (actual > upper) return "above";
  return "within";
}

function summarise(
  fit: OlsFit,
  rows: readonly ModelRow[],
  weights: readonly number[],
  terms: readonly string[],
): ModelSummary {
  const total = weights.reduce((s, w) => s + w, 0);
  const termMeans = terms.map(
    (_, j) => rows.reduce((s, r, i) => s + (weights[i] as number) * (r.x[j] as number), 0) / total,
  );
  return {
    n: fit.n,
    k: fit.k,
    r2: fit.r2,
    adjR2: fit.adjR2,
    sigma: fit.sigma,
    df: fit.df,
    coefficients: fit.coefficients.map((c, j) => ({
      term: j === 0 ? INTERCEPT : (terms[j - 1] as string),
      ...c,
    })),
    termMeans,
  };
}
