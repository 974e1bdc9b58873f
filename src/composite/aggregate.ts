/**
 * Aggregation turns a unit's normalised indicator values into one score.
 *
 * - arithmetic: Σ wᵢ·vᵢ / Σ wᵢ (METHOD.md A default; weights sum to 1).
 * - geometric: exp(Σ wᵢ·ln(vᵢ + s) / Σ wᵢ) − s. The shift s moves every value above 0
 *   (a geometric mean is undefined otherwise); subtracting it again keeps the score on the
 *   normalised scale. It penalises a weak indicator more than the arithmetic mean does.
 * - sum: k · Σ wᵢ·vᵢ / Σ wᵢ with k indicators: with equal weights the plain sum, e.g. the
 *   total of 1–10 points.
 * - harmonic: Σ wᵢ / Σ (wᵢ / (vᵢ + s)) − s; less compensatory still than the geometric.
 * - generalised (power p ≠ 0): (Σ wᵢ·(vᵢ + s)ᵖ / Σ wᵢ)^(1/p) − s; p = 1 is the arithmetic,
 *   p = −1 the harmonic mean, p → 0 the geometric. Harmonic ≤ geometric ≤ arithmetic.
 * - copeland: not a function of one unit's values (copeland.ts); scored in score.ts.
 */
import type { Aggregation } from "./profile.js";

function weightTotal(weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  return total;
}

export function aggregate(
  normalised: readonly number[],
  weights: readonly number[],
  aggregation: Aggregation,
): number {
  const total = weightTotal(weights);
  let acc = 0;
  switch (aggregation.type) {
    case "arithmetic":
      for (let i = 0; i < normalised.length; i++) acc += (weights[i] ?? 0) * (normalised[i] ?? 0);
      return acc / total;
    case "sum": {
      // k·wᵢ/Σw first: with equal weights each factor is exactly 1, so whole points add up
      // to a whole number and equal totals tie exactly.
      const k = normalised.length;
      for (let i = 0; i < k; i++) acc += ((k * (weights[i] ?? 0)) / total) * (normalised[i] ?? 0);
      return acc;
    }
    case "geometric":
      for (let i = 0; i < normalised.length; i++) {
        acc += (weights[i] ?? 0) * Math.log((normalised[i] ?? 0) + aggregation.shift);
      }
      return Math.exp(acc / total) - aggregation.shift;
    case "harmonic":
      for (let i = 0; i < normalised.length; i++) {
        acc += (weights[i] ?? 0) / ((normalised[i] ?? 0) + aggregation.shift);
      }
      return total / acc - aggregation.shift;
    case "generalised": {
      const p = aggregation.power;
      for (let i = 0; i < normalised.length; i++) {
        acc += (weights[i] ?? 0) * ((normalised[i] ?? 0) + aggregation.shift) ** p;
      }
      return (acc / total) ** (1 / p) - aggregation.shift;
    }
    case "copeland":
      throw new Error("unreachable: Copeland scores compare units (copelandScores)");
  }
}

/**
 * Each indicator's share of the score. For arithmetic and sum the terms add up to the
 * score; for geometric they add up to ln(score + shift), so `combine` says how to read them.
 */
export function contributions(
  normalised: readonly number[],
  weights: readonly number[],
  aggregation: Aggregation,
): { terms: number[]; combine: "sum" | "log" | "none" } {
  const total = weightTotal(weights);
  const k = aggregation.type === "sum" ? normalised.length : 1;
  if (aggregation.type === "geometric") {
    return {
      terms: normalised.map(
        (v, i) => ((weights[i] ?? 0) * Math.log(v + aggregation.shift)) / total,
      ),
      combine: "log",
    };
  }
  const terms = normalised.map((v, i) => ((k * (weights[i] ?? 0)) / total) * v);
  // Harmonic, generalised and Copeland scores are not sums: the weighted values are shown
  // as each indicator's weight in the score, without claiming that they add up to it.
  const additive = aggregation.type === "arithmetic" || aggregation.type === "sum";
  return { terms, combine: additive ? "sum" : "none" };
}

/** Why the aggregation cannot be applied to these values, or undefined. */
export function aggregationDomainProblem(
  normalised: readonly number[],
  aggregation: Aggregation,
): string | undefined {
  if (
    (aggregation.type === "geometric" ||
      aggregation.type === "harmonic" ||
      aggregation.type === "generalised") &&
    normalised.some((v) => !(v + aggregation.shift > 0))
  ) {
    return `${aggregation.type} aggregation needs every normalised value + shift (${aggregation.shift}) > 0; raise aggregation.shift`;
  }
  return undefined;
}
