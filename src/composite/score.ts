/**
 * One quarter's ranking: missing values → optional outlier treatment or winsorising →
 * normalise each indicator across units → weights (fixed, or computed: PCA, benefit of the
 * doubt) → aggregate (or Copeland's pairwise comparison) → competition ranking (src/rank.ts).
 */
import { InputError } from "../diagnostics.js";
import { competitionRank, type Ranked } from "../rank.js";
import { aggregate, aggregationDomainProblem } from "./aggregate.js";
import { bodScores, type LpSolve } from "./bod.js";
import { copelandScores } from "./copeland.js";
import { type ImputationContext, missingDiagnostics, resolveMissing } from "./missing.js";
import { normalisationDomainProblem, normalise, winsorise } from "./normalise.js";
import { pcaWeights } from "./pca.js";
import type { MethodProfile, MissingMode } from "./profile.js";
import { type TreatmentKind, treatIndicator } from "./treat.js";
import type {
  IndexUnit,
  IndicatorTreatment,
  PeriodScores,
  RankedQuarter,
  ScoredIndicator,
  ScoredUnit,
  UnitIndicators,
} from "./types.js";

/** What some methods need besides the quarter's values. */
export interface ScoreContext extends ImputationContext {
  /** The linear-programme solver for benefit-of-the-doubt weights. */
  lp?: LpSolve;
}

export const DOMAIN_CODE = "E_METHOD_DOMAIN";

/**
 * Scores equal to this many decimals share a rank: sums of the same terms in another
 * order can differ in the last bit, and that must not break a tie of equal points.
 */
export const RANK_DECIMALS = 10;

/** Per-indicator columns of a matrix stored by unit. */
function column(rows: readonly number[][], j: number): number[] {
  return rows.map((r) => r[j] as number);
}

function domainError(message: string): InputError {
  return new InputError([{ code: DOMAIN_CODE, message }]);
}

/** A quarter's ranking. */
export function scoreIndex(
  units: readonly UnitIndicators[],
  profile: MethodProfile,
  mode: MissingMode,
  context: ScoreContext = {},
): PeriodScores {
  return scoredUnits(rankUnits(units, profile, mode, context), profile);
}

/**
 * A quarter's ranking as a history keeps it (`RankedQuarter`): each unit's rank, shared
 * place and score, the units in `scoreIndex`'s order, computed as `scoreIndex` computes
 * them (and refused as it refuses), without its per-unit indicator records. `units` gives
 * the unit objects to hold (one for equal units across quarters); by default their own.
 */
export function rankIndex(
  units: readonly UnitIndicators[],
  profile: MethodProfile,
  mode: MissingMode,
  context: ScoreContext = {},
  unitOf: (unit: IndexUnit) => IndexUnit = (u) => u,
): RankedQuarter {
  const { period, complete, ranked, index } = rankUnits(units, profile, mode, context);
  const n = ranked.length;
  const out: RankedQuarter = {
    period,
    units: ranked.map((r) => unitOf((complete[index.get(r.id) as number] as Complete).source.unit)),
    rank: new Int32Array(n),
    tied: new Uint8Array(n),
    score: new Float64Array(n),
  };
  ranked.forEach((r, i) => {
    out.rank[i] = r.rank;
    out.tied[i] = r.tied ? 1 : 0;
    out.score[i] = r.value;
  });
  return out;
}

type Complete = ReturnType<typeof resolveMissing>["complete"][number];

/** Everything `scoreIndex` computes before it lays out each unit. */
interface Ranking {
  ids: string[];
  period: string;
  resolved: ReturnType<typeof resolveMissing>;
  complete: readonly Complete[];
  normalised: number[][];
  treatments: IndicatorTreatment[];
  treatedColumns: Array<{ values: number[]; marks: Array<TreatmentKind | null> }>;
  weights: number[];
  unitWeights: number[][] | undefined;
  ranked: Ranked[];
  /** A unit's place in `complete`, by id. */
  index: Map<string, number>;
}

function rankUnits(
  units: readonly UnitIndicators[],
  profile: MethodProfile,
  mode: MissingMode,
  context: ScoreContext,
): Ranking {
  const ids = profile.indicators.map((i) => i.id);
  const period = units[0]?.period ?? "";
  const resolved = resolveMissing(units, ids, mode, context);
  if (resolved.errors.length > 0) throw new InputError(missingDiagnostics(resolved.errors));
  const complete = resolved.complete;
  const raw = complete.map((u) => u.values);
  const { normalisation, aggregation, winsorise: limits, treatment, weighting } = profile.json;

  const treatments: IndicatorTreatment[] = [];
  const treatedColumns: Array<{ values: number[]; marks: Array<TreatmentKind | null> }> = [];
  const normalisedColumns = profile.indicators.map((indicator, j) => {
    let values = limits ? winsorise(column(raw, j), limits.lower, limits.upper) : column(raw, j);
    if (treatment !== undefined) {
      const treated = treatIndicator(values, {
        winsoriseMax: treatment.winsorise_max,
        skewness: treatment.skewness,
        kurtosis: treatment.kurtosis,
      });
      const { values: after, marks, ...summary } = treated;
      treatments.push({ indicator: indicator.id, ...summary });
      treatedColumns.push({ values: after, marks });
      values = after;
    }
    const problem = normalisationDomainProblem(values, normalisation);
    if (problem !== undefined) {
      throw new InputError([
        {
          code: DOMAIN_CODE,
          message: `${period}, ${indicator.id}: ${problem}; choose another normalisation`,
        },
      ]);
    }
    return normalise(values, indicator.better, normalisation, indicator.id);
  });
  const normalised = complete.map((_, i) => normalisedColumns.map((col) => col[i] as number));

  let weights = profile.weights;
  if (weighting?.type === "pca") {
    const computed = pcaWeights(normalisedColumns);
    if (typeof computed === "string") throw domainError(`${period}: ${computed}`);
    weights = computed;
  }
  let unitWeights: number[][] | undefined;
  let scores: number[];
  if (weighting?.type === "benefit_of_the_doubt") {
    if (context.lp === undefined) {
      throw new Error("benefit_of_the_doubt needs a linear-programme solver (ScoreContext.lp)");
    }
    const bod = bodScores(normalised, weighting.lower, weighting.upper, context.lp);
    if (typeof bod === "string") throw domainError(`${period}: ${bod}`);
    scores = bod.scores;
    unitWeights = bod.shares;
  } else if (aggregation.type === "copeland") {
    scores = copelandScores(normalised, weights);
  } else {
    scores = normalised.map((row, i) => {
      const problem = aggregationDomainProblem(row, aggregation);
      if (problem !== undefined) {
        const unit = (complete[i] as (typeof complete)[number]).source.unit;
        throw domainError(`${period}, ${unit.name}: ${problem}`);
      }
      return aggregate(row, weights, aggregation);
    });
  }

  const ranked = competitionRank(
    complete.map((u, i) => ({ id: u.source.unit.id, value: scores[i] as number })),
    { order: "desc", decimals: RANK_DECIMALS },
  );
  const index = new Map(complete.map((u, i) => [u.source.unit.id, i]));
  return {
    ids,
    period,
    resolved,
    complete,
    normalised,
    treatments,
    treatedColumns,
    weights,
    unitWeights,
    ranked,
    index,
  };
}

/** The ranking laid out: each unit with its indicators, in rank order. */
function scoredUnits(ranking: Ranking, profile: MethodProfile): PeriodScores {
  const { ids, period, resolved, complete, normalised, treatments, treatedColumns } = ranking;
  const { weights, unitWeights, ranked, index } = ranking;
  const { treatment, weighting } = profile.json;
  const scored: ScoredUnit[] = ranked.map((r) => {
    const i = index.get(r.id) as number;
    const unit = complete[i] as (typeof complete)[number];
    const indicators: Record<string, ScoredIndicator> = {};
    ids.forEach((id, j) => {
      const mark = treatedColumns[j]?.marks[i] ?? null;
      indicators[id] = {
        value: unit.values[j] as number,
        normalised: (normalised[i] as number[])[j] as number,
        imputed: unit.imputed[j] === true,
        ...(mark !== null
          ? { treated: mark, treatedValue: treatedColumns[j]?.values[i] as number }
          : {}),
      };
    });
    const own = unitWeights?.[i];
    return {
      unit: unit.source.unit,
      score: r.value,
      rank: r.rank,
      tied: r.tied,
      indicators,
      ...(own !== undefined ? { weights: own } : {}),
    };
  });
  return {
    period,
    units: scored,
    dropped: resolved.dropped,
    imputed: resolved.imputed,
    ...(treatment !== undefined ? { treatment: treatments } : {}),
    ...(weighting?.type === "pca" ? { weights } : {}),
  };
}
