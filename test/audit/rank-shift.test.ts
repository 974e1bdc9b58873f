/**
 * The model the Sobol indices analyse: the mean absolute rank shift of the fh demo
 * ranking (2024K4) at seeded points u, against numpy (scripts/audit-fixture.py →
 * fixtures/audit/rank-shift.json, z-score or min-max × arithmetic or geometric mean,
 * weights w (1 + 0.5 (2u − 1))), to 1e-9; and how the factors are formed.
 */

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { rankShiftModel } from "../../src/audit/rank-shift.js";
import { parseMethodProfile } from "../../src/composite/profile.js";
import { scoreIndex } from "../../src/composite/score.js";
import { computeIndex } from "../../src/pipeline/index/run.js";
import { syntheticUnits } from "../uncertainty/helpers.js";
import { close, fixture } from "./helpers.js";

interface RankShiftCase {
  period: string;
  points: Array<{ u: number[]; rank_shift: number }>;
}

const truth = fixture<RankShiftCase>("rank-shift.json");

describe("the rank-shift model", () => {
  it("equals numpy's mean absolute rank shift at the fixture's points", async () => {
    const run = await computeIndex({ period: truth.period });
    const reference = new Map(run.scores.units.map((u) => [u.unit.id, u.rank]));
    const model = rankShiftModel(run.indicators, run.method.profile, "error", reference);
    expect(model.factors.map((f) => f.factor)).toEqual([
      "normalisation",
      "aggregation",
      ...run.method.profile.indicators.map((i) => `weight:${i.id}`),
    ]);
    expect(model.factors[0]?.levels).toBe(6);
    expect(model.excluded).toEqual([]);
    for (const point of truth.points)
      close(model.evaluate(point.u), point.rank_shift, `u = ${point.u}`);
    // At the profile's own choices and weights (u = ½ for each weight) nothing moves.
    expect(model.evaluate([0, 0, 0.5, 0.5, 0.5, 0.5, 0.5])).toBe(0);
  });

  it("makes the computable pairs one factor, 'method', when they are not a product", () => {
    // One unit far below the others: its z-score is below −4, so z-score × geometric mean
    // (shift 4) cannot be computed, while min-max × geometric can.
    const units = syntheticUnits(40, 3);
    const first = units[0] as (typeof units)[number];
    first.values = { ...first.values, activation_rate: -500 };
    const raw = JSON.parse(readFileSync("data/methods/fh.json", "utf8")) as Record<string, unknown>;
    const profile = parseMethodProfile(
      {
        ...raw,
        alternatives: {
          normalisations: [{ type: "zscore" }, { type: "minmax" }],
          aggregations: [{ type: "arithmetic" }, { type: "geometric", shift: 4 }],
          weight_spread: 0,
        },
      },
      "test.json",
    );
    const scores = scoreIndex(units, profile, "error");
    const model = rankShiftModel(
      units,
      profile,
      "error",
      new Map(scores.units.map((u) => [u.unit.id, u.rank])),
    );
    expect(model.factors).toEqual([{ factor: "method", levels: 3 }]);
    expect(model.excluded).toHaveLength(1);
    expect(model.excluded[0]).toMatchObject({
      normalisation: { type: "zscore" },
      aggregation: { type: "geometric" },
    });
  });

  it("has no factors when the profile names no alternatives", () => {
    const units = syntheticUnits(10, 4);
    const raw = JSON.parse(readFileSync("data/methods/fh.json", "utf8")) as Record<string, unknown>;
    const { alternatives: _, ...rest } = raw;
    const profile = parseMethodProfile(rest, "test.json");
    const scores = scoreIndex(units, profile, "error");
    const model = rankShiftModel(
      units,
      profile,
      "error",
      new Map(scores.units.map((u) => [u.unit.id, u.rank])),
    );
    expect(model.factors).toEqual([]);
  });
});
