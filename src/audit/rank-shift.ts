/**
 * The model the Sobol indices analyse (METHOD.md F): the uncertainty analysis's factors
 * (docs/uncertainty.md: the normalisation, the aggregation and each indicator's weight,
 * from the profile's `alternatives`) mapped from a point u of [0, 1)^d to the mean
 * absolute rank shift of the units against the index as configured,
 *
 *   R̄ = (1/M) Σ_u |rank(u) − rank_ref(u)|      (the OECD/JRC Handbook's output of choice).
 *
 * A discrete factor takes level floor(u · L) of its L computable levels; weight j is
 * w_j · (1 + s · (2u − 1)) with s the profile's `weight_spread`, rescaled by the
 * aggregation as every index score is. The factors must be independent for Sobol's
 * decomposition: when some normalisation × aggregation pairs cannot be computed on the
 * quarter's data (distance to the best with a negative value, a geometric mean with a
 * value below −shift), the computable pairs are not a product and become one factor,
 * `method`. The missing-data treatment is the run's own and is not varied here.
 */
import { aggregate, aggregationDomainProblem } from "../composite/aggregate.js";
import { resolveMissing } from "../composite/missing.js";
import { normalisationDomainProblem, normalise, winsorise } from "../composite/normalise.js";
import type {
  Aggregation,
  MethodProfile,
  MissingMode,
  Normalisation,
} from "../composite/profile.js";
import { RANK_DECIMALS } from "../composite/score.js";
import type { UnitIndicators } from "../composite/types.js";
import { Ranker } from "../uncertainty/ranking.js";

export interface ShiftFactor {
  /** `normalisation`, `aggregation`, `method` or `weight:<indicator id>`. */
  factor: string;
  /** Levels of a discrete factor; 0 for a continuous one (a weight). */
  levels: number;
}

export interface ExcludedCombination {
  normalisation: Normalisation;
  aggregation: Aggregation;
  reason: string;
}

export interface RankShiftModel {
  factors: ShiftFactor[];
  excluded: ExcludedCombination[];
  /** R̄ at the point u (length factors.length). */
  evaluate(u: ArrayLike<number>): number;
}

interface Combination {
  normalisation: number;
  aggregation: Aggregation;
  /** Per unit (in `order`'s numbering), normalised values in indicator order. */
  rows: number[][];
  /** This combination's sort order, kept between runs (nearly sorted next time). */
  order: Uint32Array;
}

function choices<T>(alternatives: readonly T[] | undefined, own: T): T[] {
  return alternatives !== undefined && alternatives.length > 0 ? [...alternatives] : [own];
}

/** Normalised rows of the units for one normalisation, or why it cannot be computed. */
function normalisedRows(
  raw: readonly (readonly number[])[],
  profile: MethodProfile,
  normalisation: Normalisation,
): number[][] | string {
  const limits = profile.json.winsorise;
  const columns: number[][] = [];
  for (const [j, indicator] of profile.indicators.entries()) {
    const column = raw.map((r) => r[j] as number);
    const values = limits ? winsorise(column, limits.lower, limits.upper) : column;
    const problem = normalisationDomainProblem(values, normalisation);
    if (problem !== undefined) return `${indicator.id}: ${problem}`;
    columns.push(normalise(values, indicator.better, normalisation));
  }
  return raw.map((_, i) => columns.map((c) => c[i] as number));
}

/**
 * The model on one quarter: `units` its raw values (as the index read them), `mode` the
 * run's missing-data treatment, `referenceRanks` the index's rank of each ranked unit.
 */
export function rankShiftModel(
  units: readonly UnitIndicators[],
  profile: MethodProfile,
  mode: MissingMode,
  referenceRanks: ReadonlyMap<string, number>,
): RankShiftModel {
  const ids = profile.indicators.map((i) => i.id);
  const complete = resolveMissing(units, ids, mode).complete.filter((u) =>
    referenceRanks.has(u.source.unit.id),
  );
  const raw = complete.map((u) => u.values);
  const reference = Float64Array.from(
    complete,
    (u) => referenceRanks.get(u.source.unit.id) as number,
  );
  const alternatives = profile.json.alternatives;
  const normalisations = choices(alternatives?.normalisations, profile.json.normalisation);
  const aggregations = choices(alternatives?.aggregations, profile.json.aggregation);

  const combinations: Combination[] = [];
  const excluded: ExcludedCombination[] = [];
  normalisations.forEach((normalisation, level) => {
    const rows = normalisedRows(raw, profile, normalisation);
    for (const aggregation of aggregations) {
      const problem =
        typeof rows === "string"
          ? rows
          : rows.map((r) => aggregationDomainProblem(r, aggregation)).find((p) => p !== undefined);
      if (problem !== undefined || typeof rows === "string") {
        excluded.push({ normalisation, aggregation, reason: problem ?? "" });
        continue;
      }
      const order = Uint32Array.from(rows, (_, i) => i);
      combinations.push({ normalisation: level, aggregation, rows, order });
    }
  });
  if (combinations.length === 0) {
    return { factors: [], excluded, evaluate: () => 0 };
  }
  const normalisationLevels = [...new Set(combinations.map((c) => c.normalisation))];
  const aggregationLevels = [...new Set(combinations.map((c) => c.aggregation))];
  const product = combinations.length === normalisationLevels.length * aggregationLevels.length;

  // Each discrete factor: its name and the combination a level picks.
  type Discrete = { factor: string; levels: number };
  const discrete: Discrete[] = [];
  if (product) {
    if (normalisationLevels.length > 1) {
      discrete.push({ factor: "normalisation", levels: normalisationLevels.length });
    }
    if (aggregationLevels.length > 1) {
      discrete.push({ factor: "aggregation", levels: aggregationLevels.length });
    }
  } else {
    discrete.push({ factor: "method", levels: combinations.length });
  }
  const spread = alternatives?.weight_spread ?? 0;
  const weightFactors = spread > 0 ? ids.map((id) => ({ factor: `weight:${id}`, levels: 0 })) : [];
  const factors: ShiftFactor[] = [...discrete, ...weightFactors];

  const byLevels = new Map(
    combinations.map((c) => [
      `${normalisationLevels.indexOf(c.normalisation)}/${aggregationLevels.indexOf(c.aggregation)}`,
      c,
    ]),
  );
  const pick = (u: ArrayLike<number>): Combination => {
    if (!product) return combinations[level(u[0] as number, combinations.length)] as Combination;
    let p = 0;
    let nLevel = 0;
    let aLevel = 0;
    if (normalisationLevels.length > 1)
      nLevel = level(u[p++] as number, normalisationLevels.length);
    if (aggregationLevels.length > 1) aLevel = level(u[p++] as number, aggregationLevels.length);
    return byLevels.get(`${nLevel}/${aLevel}`) as Combination;
  };

  const count = complete.length;
  const k = ids.length;
  const base = profile.weights;
  const weights = new Array<number>(k);
  const scores = new Float64Array(count);
  const ranks = new Uint16Array(count);
  const ranker = new Ranker(scores, "desc", RANK_DECIMALS);
  const evaluate = (u: ArrayLike<number>): number => {
    const combination = pick(u);
    for (let j = 0; j < k; j++) {
      const w = base[j] as number;
      weights[j] = spread > 0 ? w * (1 + spread * (2 * (u[discrete.length + j] as number) - 1)) : w;
    }
    for (let i = 0; i < count; i++) {
      scores[i] = aggregate(combination.rows[i] as number[], weights, combination.aggregation);
    }
    ranker.rank(combination.order, count, ranks);
    let shift = 0;
    for (let i = 0; i < count; i++)
      shift += Math.abs((ranks[i] as number) - (reference[i] as number));
    return count > 0 ? shift / count : 0;
  };
  return { factors, excluded, evaluate };
}

/** Level floor(u · L) of L, u in [0, 1). */
function level(u: number, levels: number): number {
  return Math.min(levels - 1, Math.floor(u * levels));
}
