/**
 * `index --uncertainty N`: how much the ranking depends on the method's assumptions.
 * Each Monte Carlo draw picks a normalisation, an aggregation and a missing-data treatment
 * (uniformly among the combinations that can be computed on this quarter's data) and a set
 * of weights around the profile's, scores every unit and ranks them. Per unit this gives a
 * median rank, a rank interval and P(top 10); for the ranking as a whole a first-order
 * sensitivity index per assumption (sensitivity.ts).
 *
 * Speed: the normalised indicator matrices do not depend on the weights, so they are
 * computed once per combination; a draw is then k multiply-adds per unit and one sort of
 * an index array, on preallocated typed arrays.
 */
import { aggregationDomainProblem } from "../composite/aggregate.js";
import { resolveMissing } from "../composite/missing.js";
import { normalisationDomainProblem, normalise, winsorise } from "../composite/normalise.js";
import type {
  Aggregation,
  MethodProfile,
  MissingMode,
  Normalisation,
} from "../composite/profile.js";
import { RANK_DECIMALS, scoreIndex } from "../composite/score.js";
import type { UnitIndicators } from "../composite/types.js";
import { UsageError } from "../diagnostics.js";
import { createRandom, DEFAULT_SEED, isValidSeed, type Random } from "./random.js";
import { Ranker } from "./ranking.js";
import { binByQuantile, binCount, firstOrderIndices, type Grouping } from "./sensitivity.js";
import { DEFAULT_LEVEL, rankHistograms, rankInterval, topShare } from "./summary.js";
import type {
  ExcludedScenario,
  FactorSensitivity,
  IndexUncertainty,
  IndexUnitUncertainty,
  MethodScenario,
  WeightModel,
} from "./types.js";
import { checkWeightModel, drawWeights, profileWeightModel, weightsVary } from "./weights.js";

export const DEFAULT_RUNS = 10_000;
/** Ranks are kept for every draw (2 bytes per unit): 100,000 draws of 98 units is 20 MB. */
export const MAX_RUNS = 100_000;

export interface IndexUncertaintyOptions {
  /** Monte Carlo draws (default 10,000). */
  runs?: number;
  /** PRNG seed, an integer 0 … 2³² − 1 (default DEFAULT_SEED). */
  seed?: number;
  /** Interval level (default 0.9: the 5th to the 95th percentile). */
  level?: number;
  /** The point ranking's missing-data mode (default: the profile's). */
  missing?: MissingMode;
  /** Missing-data treatments to draw from (default: just `missing`). */
  missingModes?: readonly MissingMode[];
  /** Default: the profile's `alternatives.normalisations`, else its own normalisation. */
  normalisations?: readonly Normalisation[];
  /** Default: the profile's `alternatives.aggregations`, else its own aggregation. */
  aggregations?: readonly Aggregation[];
  /** Default: the profile's `alternatives.weight_spread` (uniform ±), else fixed. */
  weights?: WeightModel;
}

const ARITHMETIC = 0;
const SUM = 1;
const GEOMETRIC = 2;

/** One computable combination, ready for the draw loop. */
interface CompiledScenario {
  normalisationLevel: number;
  aggregationLevel: number;
  missingLevel: number;
  aggregation: typeof ARITHMETIC | typeof SUM | typeof GEOMETRIC;
  shift: number;
  /** Unit-major (k per unit, every input unit); ln(v + shift) for the geometric mean. */
  values: Float64Array;
  /** The units ranked under this combination (all but those dropped for missing data). */
  order: Uint32Array;
}

interface Draws {
  /** ranks[d · units + u], 0 = not ranked in draw d. */
  ranks: Uint16Array;
  /** Index into the compiled scenarios, per draw. */
  scenarioOf: Uint32Array;
  /** Each draw's weights as shares of their sum, draw-major. */
  weightShares: Float64Array;
}

function choicesOrDefault<T>(
  given: readonly T[] | undefined,
  alternatives: readonly T[] | undefined,
  own: T,
): T[] {
  if (given !== undefined && given.length > 0) return [...given];
  if (alternatives !== undefined && alternatives.length > 0) return [...alternatives];
  return [own];
}

function checkOptions(runs: number, seed: number, level: number): void {
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS) {
    throw new UsageError(
      `--uncertainty expects a whole number of runs 1 … ${MAX_RUNS}, got ${runs}`,
    );
  }
  if (!isValidSeed(seed)) {
    throw new UsageError(`--seed expects an integer 0 … 4294967295, got ${seed}`);
  }
  if (!(level > 0 && level < 1)) {
    throw new UsageError(`the interval level must be between 0 and 1, got ${level}`);
  }
}

/** Normalised values of the complete units, unit-major over all input units, or why not. */
function normalisedMatrix(
  complete: ReturnType<typeof resolveMissing>["complete"],
  unitIndex: ReadonlyMap<string, number>,
  unitCount: number,
  profile: MethodProfile,
  normalisation: Normalisation,
): Float64Array | string {
  const k = profile.indicators.length;
  const matrix = new Float64Array(unitCount * k);
  const limits = profile.json.winsorise;
  for (let j = 0; j < k; j++) {
    const indicator = profile.indicators[j] as MethodProfile["indicators"][number];
    const raw = complete.map((u) => u.values[j] as number);
    const values = limits ? winsorise(raw, limits.lower, limits.upper) : raw;
    const problem = normalisationDomainProblem(values, normalisation);
    if (problem !== undefined) return `${indicator.id}: ${problem}`;
    const column = normalise(values, indicator.better, normalisation, indicator.id);
    complete.forEach((u, i) => {
      matrix[(unitIndex.get(u.source.unit.id) as number) * k + j] = column[i] as number;
    });
  }
  return matrix;
}

/** The aggregation's per-value transform, or why a unit's values are outside its domain. */
function aggregationValues(
  normalised: Float64Array,
  order: Uint32Array,
  k: number,
  aggregation: Aggregation,
): Float64Array | string {
  if (aggregation.type !== "geometric") return normalised;
  const out = new Float64Array(normalised.length);
  for (const u of order) {
    const row = Array.from(normalised.subarray(u * k, u * k + k));
    const problem = aggregationDomainProblem(row, aggregation);
    if (problem !== undefined) return problem;
    for (let j = 0; j < k; j++) out[u * k + j] = Math.log((row[j] as number) + aggregation.shift);
  }
  return out;
}

interface Prepared {
  compiled: CompiledScenario[];
  scenarios: MethodScenario[];
  excluded: ExcludedScenario[];
}

/** Every combination of the discrete choices, compiled or excluded with its reason. */
function prepareScenarios(
  units: readonly UnitIndicators[],
  profile: MethodProfile,
  normalisations: readonly Normalisation[],
  aggregations: readonly Aggregation[],
  missingModes: readonly MissingMode[],
): Prepared {
  const ids = profile.indicators.map((i) => i.id);
  const k = ids.length;
  const unitIndex = new Map(units.map((u, i) => [u.unit.id, i]));
  const out: Prepared = { compiled: [], scenarios: [], excluded: [] };
  missingModes.forEach((missing, missingLevel) => {
    const resolved = resolveMissing(units, ids, missing);
    const order = Uint32Array.from(
      resolved.complete,
      (u) => unitIndex.get(u.source.unit.id) as number,
    );
    normalisations.forEach((normalisation, normalisationLevel) => {
      const matrix =
        resolved.errors.length > 0
          ? `${resolved.errors.length} missing value(s) and missing mode '${missing}'`
          : normalisedMatrix(resolved.complete, unitIndex, units.length, profile, normalisation);
      aggregations.forEach((aggregation, aggregationLevel) => {
        const scenario: MethodScenario = { normalisation, aggregation, missing };
        const values =
          typeof matrix === "string" ? matrix : aggregationValues(matrix, order, k, aggregation);
        if (typeof values === "string") {
          out.excluded.push({ ...scenario, reason: values });
          return;
        }
        out.scenarios.push(scenario);
        out.compiled.push({
          normalisationLevel,
          aggregationLevel,
          missingLevel,
          aggregation:
            aggregation.type === "geometric"
              ? GEOMETRIC
              : aggregation.type === "sum"
                ? SUM
                : ARITHMETIC,
          shift: aggregation.type === "geometric" ? aggregation.shift : 0,
          values,
          order: order.slice(),
        });
      });
    });
  });
  return out;
}

/**
 * The draw loop. Scores are computed exactly as src/composite/aggregate.ts does (same
 * operations in the same order), so a draw with the profile's own choices and weights
 * reproduces the point scores bit for bit, and ranks share places as src/rank.ts does.
 */
function runDraws(
  compiled: readonly CompiledScenario[],
  unitCount: number,
  baseWeights: readonly number[],
  model: WeightModel,
  runs: number,
  random: Random,
): Draws {
  const k = baseWeights.length;
  const ranks = new Uint16Array(runs * unitCount);
  const scenarioOf = new Uint32Array(runs);
  const weightShares = new Float64Array(runs * k);
  const weights = new Float64Array(k);
  const scores = new Float64Array(unitCount);
  const ranker = new Ranker(scores, "desc", RANK_DECIMALS);
  for (let d = 0; d < runs; d++) {
    const s = random.below(compiled.length);
    const scenario = compiled[s] as CompiledScenario;
    scenarioOf[d] = s;
    drawWeights(random, model, baseWeights, weights);
    let total = 0;
    for (let j = 0; j < k; j++) total += weights[j] as number;
    for (let j = 0; j < k; j++) weightShares[d * k + j] = (weights[j] as number) / total;
    const { values, order, aggregation, shift } = scenario;
    for (let p = 0; p < order.length; p++) {
      const u = order[p] as number;
      let acc = 0;
      for (let j = 0; j < k; j++) acc += (weights[j] as number) * (values[u * k + j] as number);
      scores[u] =
        aggregation === ARITHMETIC
          ? acc / total
          : aggregation === SUM
            ? (k * acc) / total
            : Math.exp(acc / total) - shift;
    }
    ranker.rank(order, order.length, ranks, d * unitCount);
  }
  return { ranks, scenarioOf, weightShares };
}

/** A discrete factor's grouping of the draws (by the level each draw's scenario took). */
function discreteGrouping(
  draws: Draws,
  levelOf: (scenario: CompiledScenario) => number,
  compiled: readonly CompiledScenario[],
): Grouping & { levels: number } {
  const runs = draws.scenarioOf.length;
  const groups = new Uint32Array(runs);
  const levels = new Set<number>();
  for (let d = 0; d < runs; d++) {
    const level = levelOf(compiled[draws.scenarioOf[d] as number] as CompiledScenario);
    groups[d] = level;
    levels.add(level);
  }
  return { groups, groupCount: Math.max(...levels) + 1, levels: levels.size };
}

/** A weight's grouping of the draws: equal-count bins of its share. */
function weightGrouping(j: number, k: number, draws: Draws): Grouping & { levels: number } {
  const runs = draws.scenarioOf.length;
  const share = new Float64Array(runs);
  for (let d = 0; d < runs; d++) share[d] = draws.weightShares[d * k + j] as number;
  const { groups, count } = binByQuantile(share, binCount(runs));
  return { groups, groupCount: count, levels: count };
}

/**
 * First-order index of every assumption, largest first (ties in declaration order). The
 * factors that vary are computed in one pass over the ranks (`firstOrderIndices`).
 */
function sensitivities(
  draws: Draws,
  unitCount: number,
  compiled: readonly CompiledScenario[],
  profile: MethodProfile,
  model: WeightModel,
): FactorSensitivity[] {
  const k = profile.indicators.length;
  const runs = draws.scenarioOf.length;
  const factors: Array<{
    factor: string;
    kind: FactorSensitivity["kind"];
    grouping?: Grouping & { levels: number };
  }> = [
    {
      factor: "normalisation",
      kind: "discrete",
      grouping: discreteGrouping(draws, (s) => s.normalisationLevel, compiled),
    },
    {
      factor: "aggregation",
      kind: "discrete",
      grouping: discreteGrouping(draws, (s) => s.aggregationLevel, compiled),
    },
    {
      factor: "missing",
      kind: "discrete",
      grouping: discreteGrouping(draws, (s) => s.missingLevel, compiled),
    },
    ...profile.indicators.map((indicator, j) => ({
      factor: `weight:${indicator.id}`,
      kind: "continuous" as const,
      ...(weightsVary(model) ? { grouping: weightGrouping(j, k, draws) } : {}),
    })),
  ];
  const varying = factors.filter((f) => (f.grouping?.levels ?? 1) > 1);
  const indices = firstOrderIndices(
    draws.ranks,
    runs,
    unitCount,
    varying.map((f) => f.grouping as Grouping),
  );
  const index = new Map(varying.map((f, i) => [f, indices[i] as number]));
  return factors
    .map((f, i): { f: FactorSensitivity; i: number } => ({
      f: {
        factor: f.factor,
        kind: f.kind,
        levels: f.grouping?.levels ?? 1,
        firstOrder: index.get(f) ?? 0,
      },
      i,
    }))
    .sort((a, b) => b.f.firstOrder - a.f.firstOrder || a.i - b.i)
    .map(({ f }) => f);
}

/**
 * Monte Carlo over the method's assumptions for one quarter. `units` are that quarter's
 * raw indicator values (IndexRun.indicators), `profile` the method as run (with any
 * `--weights` applied). Throws the point ranking's InputError when the configured method
 * cannot rank this quarter, and a UsageError for bad options or when no combination of
 * the alternatives can be computed.
 */
export function simulateIndexRanks(
  units: readonly UnitIndicators[],
  profile: MethodProfile,
  options: IndexUncertaintyOptions = {},
): IndexUncertainty {
  const runs = options.runs ?? DEFAULT_RUNS;
  const seed = options.seed ?? DEFAULT_SEED;
  const level = options.level ?? DEFAULT_LEVEL;
  checkOptions(runs, seed, level);
  const model = options.weights ?? profileWeightModel(profile);
  checkWeightModel(model);
  const missing = options.missing ?? profile.json.missing;
  const alternatives = profile.json.alternatives;
  const normalisations = choicesOrDefault(
    options.normalisations,
    alternatives?.normalisations,
    profile.json.normalisation,
  );
  const aggregations = choicesOrDefault(
    options.aggregations,
    alternatives?.aggregations,
    profile.json.aggregation,
  );
  const missingModes = choicesOrDefault(options.missingModes, undefined, missing);

  const point = scoreIndex(units, profile, missing);
  const prepared = prepareScenarios(units, profile, normalisations, aggregations, missingModes);
  if (prepared.compiled.length === 0) {
    const reasons = [...new Set(prepared.excluded.map((e) => e.reason))].join("; ");
    throw new UsageError(
      `no combination of the method's alternatives can rank ${point.period}: ${reasons}`,
    );
  }
  const draws = runDraws(
    prepared.compiled,
    units.length,
    profile.weights,
    model,
    runs,
    createRandom(seed),
  );

  const width = units.length + 1;
  const histograms = rankHistograms(draws.ranks, runs, units.length);
  const unitIndex = new Map(units.map((u, i) => [u.unit.id, i]));
  const summaries = point.units.map((scored): IndexUnitUncertainty => {
    const u = unitIndex.get(scored.unit.id) as number;
    const offset = u * width;
    const ranked = runs - (histograms[offset] as number);
    return {
      id: scored.unit.id,
      name: scored.unit.name,
      rank: scored.rank,
      tied: scored.tied,
      rankInterval: rankInterval(histograms, offset, width, ranked, level),
      pTop10: topShare(histograms, offset, width, ranked),
      ranked,
    };
  });
  return {
    kind: "monte-carlo",
    period: point.period,
    runs,
    seed,
    level,
    weights: model,
    scenarios: prepared.scenarios,
    excluded: prepared.excluded,
    units: summaries,
    sensitivity: sensitivities(draws, units.length, prepared.compiled, profile, model),
  };
}
