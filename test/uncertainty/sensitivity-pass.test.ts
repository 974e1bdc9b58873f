/**
 * The index simulation's sensitivity indices are computed for all factors in one pass over
 * the ranks (`firstOrderIndices`), each exactly as `firstOrderIndex` gives it on its own.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simulateIndexRanks } from "../../src/uncertainty/index-simulation.js";
import { firstOrderIndices } from "../../src/uncertainty/sensitivity.js";
import { firstOrderIndex } from "./first-order-reference.js";
import { profileWith, syntheticUnits } from "./helpers.js";

const profile = profileWith({
  alternatives: {
    normalisations: [{ type: "zscore" }, { type: "rank" }],
    aggregations: [{ type: "arithmetic" }],
    weight_spread: 0.5,
  },
});
const units = syntheticUnits(30, 3);

describe("the simulation's sensitivity", () => {
  it("is a plain field, the same however it is read, and finds the normalisation's effect", () => {
    const a = simulateIndexRanks(units, profile, { runs: 400, seed: 7 });
    const b = simulateIndexRanks(units, profile, { runs: 400, seed: 7 });
    const viaJson = JSON.parse(JSON.stringify(a)).sensitivity;
    expect(Object.keys(a)).toContain("sensitivity");
    expect(a.sensitivity).toEqual(viaJson);
    expect({ ...b }.sensitivity).toEqual(a.sensitivity);
    expect(structuredClone(b).sensitivity).toEqual(a.sensitivity);
    expect(a.sensitivity.map((f) => f.factor)).toContain("normalisation");
    expect(a.sensitivity.find((f) => f.factor === "normalisation")?.firstOrder).toBeGreaterThan(0);
  });
});

describe("firstOrderIndices", () => {
  it("gives each grouping's firstOrderIndex, bit for bit", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 60 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
        fc.integer(),
        (units, draws, groupCounts, seed) => {
          let state = seed >>> 0;
          const next = (n: number) => {
            state = (state * 1664525 + 1013904223) >>> 0;
            return state % n;
          };
          // Rank 0 = not ranked in that draw, as the simulation writes it.
          const ranks = Uint16Array.from({ length: units * draws }, () => next(units + 1));
          const groupings = groupCounts.map((groupCount) => ({
            groups: Uint32Array.from({ length: draws }, () => next(groupCount)),
            groupCount,
          }));
          const alone = groupings.map((g) =>
            firstOrderIndex(ranks, draws, units, g.groups, g.groupCount),
          );
          expect(firstOrderIndices(ranks, draws, units, groupings)).toEqual(alone);
        },
      ),
      { numRuns: 300 },
    );
  });
});
