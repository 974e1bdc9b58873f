/**
 * The audit of one quarter's index (METHOD.md F), over the units the index ranked: the
 * raw indicators' statistics, the normalised indicators' correlations, Cronbach's alpha
 * and principal components, leave-one-indicator-out rankings, and the Sobol indices of
 * the rank shift under the uncertainty analysis's factors. Plain data in, plain data out.
 */
import type { MethodProfile, MissingMode } from "../composite/profile.js";
import type { PeriodScores, UnitIndicators } from "../composite/types.js";
import { UsageError } from "../diagnostics.js";
import { DEFAULT_RUNS } from "../uncertainty/index-simulation.js";
import { createRandom, DEFAULT_SEED, isValidSeed } from "../uncertainty/random.js";
import {
  type CorrelatedPair,
  correlationMatrix,
  cronbachAlpha,
  flaggedPairs,
} from "./correlation.js";
import { varianceShares } from "./eigen.js";
import { type LeaveOneOut, leaveOneOut } from "./leave-one-out.js";
import { type ExcludedCombination, rankShiftModel, type ShiftFactor } from "./rank-shift.js";
import { clip01, runSaltelliDesign, sobolBootstrap, sobolEstimates } from "./sobol.js";
import { describe, type IndicatorStatistics } from "./statistics.js";

/** Bootstrap resamples of the Sobol design's rows. */
export const SOBOL_RESAMPLES = 1000;
/** Level of the Sobol indices' bootstrap intervals. */
export const SOBOL_LEVEL = 0.95;
/** Base sample N of the Saltelli design; the model runs N (d + 2) times. */
export const MAX_SOBOL_RUNS = 100_000;

export interface IndicatorAudit extends IndicatorStatistics {
  id: string;
  /** Imputed values left out of the statistics (they are not measurements). */
  imputed: number;
}

export interface FactorSobol extends ShiftFactor {
  firstOrder: number;
  totalOrder: number;
  firstOrderLow: number;
  firstOrderHigh: number;
  totalOrderLow: number;
  totalOrderHigh: number;
}

export interface SobolAudit {
  /** Base sample N; the model ran N (d + 2) times. */
  runs: number;
  seed: number;
  resamples: number;
  level: number;
  /** Variance of the rank shift over the design (0: nothing moves, every index 0). */
  outputVariance: number;
  /** Mean of the rank shift over A and B. */
  meanRankShift: number;
  factors: FactorSobol[];
  excluded: ExcludedCombination[];
}

export interface IndexAudit {
  period: string;
  ids: string[];
  units: number;
  indicators: IndicatorAudit[];
  correlation: (number | null)[][];
  pairs: CorrelatedPair[];
  cronbachAlpha: number | null;
  varianceShares: number[];
  leaveOneOut: LeaveOneOut[];
  /** Absent when Sobol was not asked for (runs 0). */
  sobol?: SobolAudit;
}

export interface AuditOptions {
  /** Base sample N of the Sobol design (default DEFAULT_RUNS); 0 leaves Sobol out. */
  runs?: number;
  seed?: number;
  resamples?: number;
  level?: number;
}

function checkOptions(runs: number, seed: number, resamples: number, level: number): void {
  if (!Number.isInteger(runs) || runs < 0 || runs > MAX_SOBOL_RUNS) {
    throw new UsageError(
      `--uncertainty expects a whole number of Sobol runs 0 … ${MAX_SOBOL_RUNS}, got ${runs}`,
    );
  }
  if (!isValidSeed(seed)) {
    throw new UsageError(`--seed expects an integer 0 … 4294967295, got ${seed}`);
  }
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new UsageError(`bootstrap resamples must be a whole number ≥ 1, got ${resamples}`);
  }
  if (!(level > 0 && level < 1)) {
    throw new UsageError(`the interval level must be between 0 and 1, got ${level}`);
  }
}

function sobolAudit(
  units: readonly UnitIndicators[],
  scores: PeriodScores,
  profile: MethodProfile,
  missing: MissingMode,
  runs: number,
  seed: number,
  resamples: number,
  level: number,
): SobolAudit {
  const reference = new Map(scores.units.map((u) => [u.unit.id, u.rank]));
  const model = rankShiftModel(units, profile, missing, reference);
  const d = model.factors.length;
  const random = createRandom(seed);
  const empty = {
    runs,
    seed,
    resamples,
    level,
    outputVariance: 0,
    meanRankShift: 0,
    factors: [],
    excluded: model.excluded,
  };
  if (d === 0) return empty;
  const design = runSaltelliDesign(model.evaluate, d, runs, random);
  const estimates = sobolEstimates(design);
  const intervals = sobolBootstrap(design, resamples, level, random);
  let mean = 0;
  for (let r = 0; r < runs; r++) mean += (design.yA[r] as number) + (design.yB[r] as number);
  mean /= 2 * runs;
  let ss = 0;
  for (let r = 0; r < runs; r++) {
    ss += ((design.yA[r] as number) - mean) ** 2 + ((design.yB[r] as number) - mean) ** 2;
  }
  return {
    ...empty,
    outputVariance: ss / (2 * runs),
    meanRankShift: mean,
    factors: model.factors.map((f, i) => {
      const e = estimates[i] as (typeof estimates)[number];
      const first = intervals.firstOrder[i] as { low: number; high: number };
      const total = intervals.totalOrder[i] as { low: number; high: number };
      return {
        ...f,
        firstOrder: clip01(e.firstOrder),
        totalOrder: clip01(e.totalOrder),
        firstOrderLow: clip01(first.low),
        firstOrderHigh: clip01(first.high),
        totalOrderLow: clip01(total.low),
        totalOrderHigh: clip01(total.high),
      };
    }),
  };
}

/**
 * Audits one quarter. `units` are its raw values (IndexRun.indicators), `scores` the
 * index's ranking of them (IndexRun.scores) under `profile` and `missing`.
 */
export function auditIndex(
  units: readonly UnitIndicators[],
  scores: PeriodScores,
  profile: MethodProfile,
  missing: MissingMode,
  options: AuditOptions = {},
): IndexAudit {
  const runs = options.runs ?? DEFAULT_RUNS;
  const seed = options.seed ?? DEFAULT_SEED;
  const resamples = options.resamples ?? SOBOL_RESAMPLES;
  const level = options.level ?? SOBOL_LEVEL;
  checkOptions(runs, seed, resamples, level);
  const ids = profile.indicators.map((i) => i.id);
  const ranked = scores.units;
  const indicators = ids.map((id): IndicatorAudit => {
    const cells = ranked.map((u) => u.indicators[id] as { value: number; imputed: boolean });
    const measured = cells.filter((c) => !c.imputed).map((c) => c.value);
    return { id, ...describe(measured), imputed: cells.length - measured.length };
  });
  const columns = ids.map((id) =>
    ranked.map((u) => (u.indicators[id] as { normalised: number }).normalised),
  );
  const correlation = correlationMatrix(columns);
  const audit: IndexAudit = {
    period: scores.period,
    ids,
    units: ranked.length,
    indicators,
    correlation,
    pairs: flaggedPairs(ids, correlation),
    cronbachAlpha: cronbachAlpha(columns),
    varianceShares: varianceShares(correlation),
    leaveOneOut: leaveOneOut(
      ids,
      {
        unitIds: ranked.map((u) => u.unit.id),
        rows: ranked.map((_, i) => columns.map((column) => column[i] as number)),
        ranks: ranked.map((u) => u.rank),
      },
      profile.weights,
      profile.json.aggregation,
    ),
  };
  if (runs === 0) return audit;
  return {
    ...audit,
    sobol: sobolAudit(units, scores, profile, missing, runs, seed, resamples, level),
  };
}
