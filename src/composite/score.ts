/**
 * One quarter's ranking: missing values → optional winsorising → normalise each indicator
 * across units → aggregate with weights → competition ranking (src/rank.ts).
 */
import { InputError } from "../diagnostics.js";
import { competitionRank } from "../rank.js";
import { aggregate, aggregationDomainProblem } from "./aggregate.js";
import { missingDiagnostics, resolveMissing } from "./missing.js";
import { normalisationDomainProblem, normalise, winsorise } from "./normalise.js";
import type { MethodProfile, MissingMode } from "./profile.js";
import type { PeriodScores, ScoredIndicator, ScoredUnit, UnitIndicators } from "./types.js";

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

export function scoreIndex(
  units: readonly UnitIndicators[],
  profile: MethodProfile,
  mode: MissingMode,
): PeriodScores {
  const ids = profile.indicators.map((i) => i.id);
  const period = units[0]?.period ?? "";
  const resolved = resolveMissing(units, ids, mode);
  if (resolved.errors.length > 0) throw new InputError(missingDiagnostics(resolved.errors));
  const complete = resolved.complete;
  const raw = complete.map((u) => u.values);
  const { normalisation, aggregation, winsorise: limits } = profile.json;

  const normalisedColumns = profile.indicators.map((indicator, j) => {
    const values = limits ? winsorise(column(raw, j), limits.lower, limits.upper) : column(raw, j);
    const problem = normalisationDomainProblem(values, normalisation);
    if (problem !== undefined) {
      throw new InputError([
        {
          code: DOMAIN_CODE,
          message: `${period}, ${indicator.id}: ${problem}; choose another normalisation`,
        },
      ]);
    }
    return normalise(values, indicator.better, normalisation);
  });
  const normalised = complete.map((_, i) => normalisedColumns.map((col) => col[i] as number));

  const scores = normalised.map((row, i) => {
    const problem = aggregationDomainProblem(row, aggregation);
    if (problem !== undefined) {
      const unit = (complete[i] as (typeof complete)[number]).source.unit;
      throw new InputError([{ code: DOMAIN_CODE, message: `${period}, ${unit.name}: ${problem}` }]);
    }
    return aggregate(row, profile.weights, aggregation);
  });

  const ranked = competitionRank(
    complete.map((u, i) => ({ id: u.source.unit.id, value: scores[i] as number })),
    { order: "desc", decimals: RANK_DECIMALS },
  );
  const index = new Map(complete.map((u, i) => [u.source.unit.id, i]));
  const scored: ScoredUnit[] = ranked.map((r) => {
    const i = index.get(r.id) as number;
    const unit = complete[i] as (typeof complete)[number];
    const indicators: Record<string, ScoredIndicator> = {};
    ids.forEach((id, j) => {
      indicators[id] = {
        value: unit.values[j] as number,
        normalised: (normalised[i] as number[])[j] as number,
        imputed: unit.imputed[j] === true,
      };
    });
    return { unit: unit.source.unit, score: r.value, rank: r.rank, tied: r.tied, indicators };
  });
  return { period, units: scored, dropped: resolved.dropped, imputed: resolved.imputed };
}
