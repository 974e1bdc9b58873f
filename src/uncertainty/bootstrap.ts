/**
 * Model-mode benchmark: how sure are the ranks, given that the expected values are
 * themselves estimated? A pairs bootstrap over municipalities: draw n municipalities with
 * replacement, refit the least-squares model on them, recompute every municipality's
 * expected value and residual from the refit, and rank again. Per municipality this gives a
 * rank interval, P(top 10) and a percentile interval of its residual; beside it the model's
 * own prediction interval. Either may decide whether a residual is distinguishable from 0.
 *
 * Loaded on demand like src/benchmark/model.ts, which it uses for the full-data fit (so
 * its residuals and prediction intervals are exactly those of the benchmark output); the
 * refits use the same solver (src/benchmark/ols.ts) on one preallocated workspace.
 */
import { estimateModel, type ModelRow } from "../benchmark/model.js";
import {
  type LeastSquaresWorkspace,
  leastSquaresWorkspace,
  RankDeficientError,
  solveLeastSquares,
} from "../benchmark/ols.js";
import { UsageError } from "../diagnostics.js";
import { competitionRank } from "../rank.js";
import { createRandom, DEFAULT_SEED, isValidSeed, type Random } from "./random.js";
import { Ranker } from "./ranking.js";
import { quantilesBySelection } from "./selection.js";
import { DEFAULT_LEVEL, rankHistograms, rankInterval, topShare } from "./summary.js";
import type {
  BenchmarkDesign,
  BenchmarkUncertainty,
  BenchmarkUnitUncertainty,
  DistinguishCriterion,
  ResidualInterval,
} from "./types.js";

export const DEFAULT_BOOTSTRAP_RUNS = 2_000;
export const MAX_BOOTSTRAP_RUNS = 100_000;
/** A resample whose design is rank deficient is drawn again, at most this many times in a row. */
const MAX_REDRAWS = 1_000;

export interface BootstrapOptions {
  /** Refits (default 2,000). */
  runs?: number;
  seed?: number;
  /** Level of the rank, residual and prediction intervals (default 0.9). */
  level?: number;
  /** Which interval decides `distinguishable` (default `prediction`, as the benchmark's own). */
  criterion?: DistinguishCriterion;
}

interface Resampled {
  /** residuals[b · n + i]: municipality i's residual under refit b. */
  residuals: Float64Array;
  ranks: Uint16Array;
  redrawn: number;
}

function checkOptions(runs: number, seed: number, level: number, design: BenchmarkDesign): void {
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_BOOTSTRAP_RUNS) {
    throw new UsageError(
      `--uncertainty expects a whole number of bootstrap refits 1 … ${MAX_BOOTSTRAP_RUNS}, got ${runs}`,
    );
  }
  if (!isValidSeed(seed))
    throw new UsageError(`--seed expects an integer 0 … 4294967295, got ${seed}`);
  if (!(level > 0 && level < 1)) {
    throw new UsageError(`the interval level must be between 0 and 1, got ${level}`);
  }
  const p = (design.rows[0]?.x.length ?? 0) + 1;
  if (design.rows.length <= p) {
    throw new UsageError(
      `the bootstrap needs more municipalities (${design.rows.length}) than coefficients (${p})`,
    );
  }
  if (
    design.weights === "population" &&
    design.rows.some((r) => !(r.population !== undefined && r.population > 0))
  ) {
    throw new UsageError("population weights need a positive population for every municipality");
  }
}

/** The rows as the benchmark model takes them. */
function modelRows(design: BenchmarkDesign): ModelRow[] {
  return design.rows.map((r) => ({
    municipality: r.id,
    name: r.name,
    region: null,
    actualPct: r.actual,
    x: [...r.x],
    ...(r.population !== undefined ? { population: r.population } : {}),
  }));
}

/** √weight per row (WLS is OLS on rows scaled by √w; the weights' scale does not matter). */
function rootWeights(design: BenchmarkDesign): Float64Array {
  return Float64Array.from(design.rows, (r) =>
    design.weights === "population" ? Math.sqrt(r.population as number) : 1,
  );
}

/** Fills the workspace with the resampled rows (intercept first). */
function loadResample(
  ws: LeastSquaresWorkspace,
  design: BenchmarkDesign,
  root: Float64Array,
  picks: Uint32Array,
): void {
  const { n, p, a, y } = ws;
  for (let i = 0; i < n; i++) {
    const source = picks[i] as number;
    const row = design.rows[source] as BenchmarkDesign["rows"][number];
    const w = root[source] as number;
    a[i] = w;
    for (let c = 1; c < p; c++) a[c * n + i] = w * (row.x[c - 1] as number);
    y[i] = w * row.actual;
  }
}

function resample(design: BenchmarkDesign, runs: number, random: Random): Resampled {
  const n = design.rows.length;
  const p = (design.rows[0]?.x.length ?? 0) + 1;
  const ws = leastSquaresWorkspace(n, p);
  const root = rootWeights(design);
  const picks = new Uint32Array(n);
  const residuals = new Float64Array(runs * n);
  const ranks = new Uint16Array(runs * n);
  const scores = new Float64Array(n);
  // Model residuals are ranked unrounded (src/benchmark/published.ts rankResults).
  const ranker = new Ranker(scores, "asc", undefined);
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  let redrawn = 0;
  for (let b = 0; b < runs; b++) {
    let tries = 0;
    for (;;) {
      for (let i = 0; i < n; i++) picks[i] = random.below(n);
      loadResample(ws, design, root, picks);
      if (solveLeastSquares(ws)) break;
      redrawn++;
      if (++tries >= MAX_REDRAWS) {
        throw new UsageError(
          "the bootstrap cannot refit the model: almost every resample of the municipalities leaves a covariate without variation",
        );
      }
    }
    for (let i = 0; i < n; i++) {
      const row = design.rows[i] as BenchmarkDesign["rows"][number];
      let expected = ws.beta[0] as number;
      for (let c = 1; c < p; c++) expected += (ws.beta[c] as number) * (row.x[c - 1] as number);
      const residual = row.actual - expected;
      residuals[b * n + i] = residual;
      scores[i] = residual;
    }
    ranker.rank(order, n, ranks, b * n);
  }
  return { residuals, ranks, redrawn };
}

/** Equal-tailed percentile interval of municipality i's bootstrap residuals. */
function residualInterval(
  residuals: Float64Array,
  runs: number,
  n: number,
  i: number,
  level: number,
): ResidualInterval {
  const values = new Float64Array(runs);
  for (let b = 0; b < runs; b++) values[b] = residuals[b * n + i] as number;
  const tail = (1 - level) / 2;
  // By selection, not a sort of every unit's draws: the same numbers (selection.ts).
  const [low, high] = quantilesBySelection(values, [tail, 1 - tail]) as [number, number];
  return { low, high };
}

const excludesZero = (interval: ResidualInterval): boolean => interval.low > 0 || interval.high < 0;

/**
 * Bootstrap rank intervals of a model-mode benchmark. `design` holds the model's rows (the
 * same actual shares, design values and weights the benchmark fitted); the full-data fit
 * is src/benchmark/model.ts's, so `rank` and `residual` equal the benchmark output's.
 */
export function bootstrapBenchmarkRanks(
  design: BenchmarkDesign,
  options: BootstrapOptions = {},
): BenchmarkUncertainty {
  const runs = options.runs ?? DEFAULT_BOOTSTRAP_RUNS;
  const seed = options.seed ?? DEFAULT_SEED;
  const level = options.level ?? DEFAULT_LEVEL;
  const criterion = options.criterion ?? "prediction";
  checkOptions(runs, seed, level, design);
  const n = design.rows.length;
  let fitted: ReturnType<typeof estimateModel>;
  try {
    fitted = estimateModel(modelRows(design), {
      terms: (design.rows[0]?.x ?? []).map((_, j) => `x${j + 1}`),
      weights: design.weights,
      loo: design.loo,
      interval: level,
    });
  } catch (error) {
    if (error instanceof RankDeficientError) {
      throw new UsageError("the model's covariates are collinear: it cannot be bootstrapped");
    }
    throw error;
  }
  const point = competitionRank(
    fitted.results.map((r) => ({ id: r.municipality, value: r.residualPp })),
    { order: "asc" },
  );
  const drawn = resample(design, runs, createRandom(seed));
  const width = n + 1;
  const histograms = rankHistograms(drawn.ranks, runs, n);
  const rowIndex = new Map(design.rows.map((r, i) => [r.id, i]));
  const units = point.map((ranked): BenchmarkUnitUncertainty => {
    const i = rowIndex.get(ranked.id) as number;
    const result = fitted.results[i] as (typeof fitted.results)[number];
    const interval = result.interval as NonNullable<typeof result.interval>;
    const prediction = {
      low: result.actualPct - interval.upper,
      high: result.actualPct - interval.lower,
    };
    const bootstrap = residualInterval(drawn.residuals, runs, n, i, level);
    return {
      id: ranked.id,
      name: result.name,
      rank: ranked.rank,
      tied: ranked.tied,
      residual: result.residualPp,
      rankInterval: rankInterval(histograms, i * width, width, runs, level),
      pTop10: topShare(histograms, i * width, width, runs),
      residualInterval: bootstrap,
      predictionInterval: prediction,
      distinguishable: excludesZero(criterion === "prediction" ? prediction : bootstrap),
    };
  });
  return { kind: "bootstrap", runs, seed, level, criterion, redrawn: drawn.redrawn, units };
}
