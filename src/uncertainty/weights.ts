/** Drawing the index weights of one Monte Carlo draw around the profile's weights. */

import type { MethodProfile } from "../composite/profile.js";
import { UsageError } from "../diagnostics.js";
import type { Random } from "./random.js";
import type { WeightModel } from "./types.js";

/**
 * The profile's own statement of how far its weights may move (`alternatives.weight_spread`,
 * uniform ± that fraction), or fixed weights when it says nothing.
 */
export function profileWeightModel(profile: MethodProfile): WeightModel {
  const spread = profile.json.alternatives?.weight_spread ?? 0;
  return spread > 0 ? { kind: "uniform", spread } : { kind: "fixed" };
}

export function checkWeightModel(model: WeightModel): void {
  if (model.kind === "uniform" && !(model.spread >= 0 && model.spread <= 1)) {
    throw new UsageError(`weight spread must be between 0 and 1, got ${model.spread}`);
  }
  if (model.kind === "dirichlet" && !(model.concentration > 0)) {
    throw new UsageError(
      `Dirichlet concentration must be > 0 (Infinity = fixed weights), got ${model.concentration}`,
    );
  }
}

/**
 * Writes one draw's weights into `out`. They are not renormalised: the aggregation divides
 * by their sum anyway (src/composite/aggregate.ts), and leaving them as drawn keeps the
 * `fixed` and zero-spread draws bit-identical to the point ranking's weights.
 */
export function drawWeights(
  random: Random,
  model: WeightModel,
  base: readonly number[],
  out: Float64Array,
): void {
  switch (model.kind) {
    case "fixed":
      for (let j = 0; j < base.length; j++) out[j] = base[j] as number;
      return;
    case "uniform":
      for (let j = 0; j < base.length; j++) {
        out[j] = (base[j] as number) * (1 + model.spread * (2 * random.uniform() - 1));
      }
      return;
    case "dirichlet":
      if (model.concentration === Number.POSITIVE_INFINITY) {
        for (let j = 0; j < base.length; j++) out[j] = base[j] as number;
        return;
      }
      random.dirichlet(base, model.concentration, out);
      return;
  }
}

/** Does this model ever move a weight? */
export function weightsVary(model: WeightModel): boolean {
  if (model.kind === "uniform") return model.spread > 0;
  if (model.kind === "dirichlet") return model.concentration !== Number.POSITIVE_INFINITY;
  return false;
}
