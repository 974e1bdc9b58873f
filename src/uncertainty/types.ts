/** Plain data the uncertainty analyses return; camelCase here, snake_case in JSON (src/pipeline/decorate/uncertainty.ts). */
import type { Aggregation, MissingMode, Normalisation } from "../composite/profile.js";

/** A unit's median rank and the ranks between which it lies in `level` of the draws. */
export interface RankInterval {
  low: number;
  median: number;
  high: number;
}

/**
 * How the index weights vary between draws.
 * - `fixed`: always the profile's weights.
 * - `uniform`: each weight times (1 + spread · U(−1, 1)), the meaning of the profile's
 *   `alternatives.weight_spread` ("± this fraction of itself, then renormalised").
 * - `dirichlet`: Dirichlet(concentration · w) around the profile's weights w: mean w,
 *   Var(wᵢ) = wᵢ(1 − wᵢ)/(concentration + 1); larger concentration = less spread.
 */
export type WeightModel =
  | { kind: "fixed" }
  | { kind: "uniform"; spread: number }
  | { kind: "dirichlet"; concentration: number };

/** One combination of discrete choices that is run (or excluded) in the index simulation. */
export interface MethodScenario {
  normalisation: Normalisation;
  aggregation: Aggregation;
  missing: MissingMode;
}

export interface ExcludedScenario extends MethodScenario {
  /** Why this combination cannot be computed on this quarter's data. */
  reason: string;
}

/** First-order sensitivity of the ranks to one assumption. */
export interface FactorSensitivity {
  /** `normalisation`, `aggregation`, `missing` or `weight:<indicator id>`. */
  factor: string;
  kind: "discrete" | "continuous";
  /** Distinct values (discrete) or bins (continuous) used; 1 = the factor did not vary. */
  levels: number;
  /** Var(E[rank | factor]) / Var(rank), pooled over units, 0 … 1. */
  firstOrder: number;
}

export interface IndexUnitUncertainty {
  id: string;
  name: string;
  /** The point ranking's rank (the method exactly as configured). */
  rank: number;
  tied: boolean;
  rankInterval: RankInterval;
  /** Share of the draws (in which the unit was ranked) with rank ≤ 10. */
  pTop10: number;
  /** Draws in which the unit was ranked (fewer than `runs` only when `drop` is among the missing modes). */
  ranked: number;
}

export interface IndexUncertainty {
  kind: "monte-carlo";
  period: string;
  runs: number;
  seed: number;
  level: number;
  weights: WeightModel;
  /** The discrete combinations drawn from, uniformly. */
  scenarios: MethodScenario[];
  excluded: ExcludedScenario[];
  /** In point-rank order (ties by id), the units of the point ranking. */
  units: IndexUnitUncertainty[];
  /** Largest first. */
  sensitivity: FactorSensitivity[];
}

/** One municipality of a model-mode benchmark, as the bootstrap needs it. */
export interface BenchmarkDesignRow {
  /** Municipality code. */
  id: string;
  name: string;
  /** Actual share, pct. */
  actual: number;
  /** Design values without the intercept, one per term (after any log). */
  x: readonly number[];
  /** Population aged 16–66; needed for population weights. */
  population?: number;
}

/** What the benchmark's model fitted: its rows and the choices that change the fit. */
export interface BenchmarkDesign {
  rows: readonly BenchmarkDesignRow[];
  /** As ModelChoices.weights: population weights (WLS) or none. */
  weights: "population" | null;
  /** As ModelChoices.loo: leave-one-out expected values in the point fit. */
  loo: boolean;
}

/** When is a residual "distinguishable from zero"? */
export type DistinguishCriterion = "prediction" | "bootstrap";

export interface ResidualInterval {
  low: number;
  high: number;
}

export interface BenchmarkUnitUncertainty {
  id: string;
  name: string;
  /** Rank of the full-data fit, ascending residual (1 = most below expectation). */
  rank: number;
  tied: boolean;
  /** Residual of the full-data fit, pct. points. */
  residual: number;
  rankInterval: RankInterval;
  pTop10: number;
  /** Percentile interval of the residual over the bootstrap refits. */
  residualInterval: ResidualInterval;
  /**
   * The benchmark's prediction interval for the actual share, moved to the residual scale
   * (actual − interval): it covers 0 exactly when the actual share lies within it.
   */
  predictionInterval: ResidualInterval;
  /** The `criterion` interval excludes 0. */
  distinguishable: boolean;
}

export interface BenchmarkUncertainty {
  kind: "bootstrap";
  runs: number;
  seed: number;
  level: number;
  criterion: DistinguishCriterion;
  /** Resamples redrawn because their design was rank deficient (e.g. a dummy constant in the resample). */
  redrawn: number;
  /** In point-rank order (ties by id). */
  units: BenchmarkUnitUncertainty[];
}
