/**
 * The faster paths of the sensitivity code against their plain definitions: centred ranks
 * taken a block of draws at a time (many blocks here, with and without unranked units),
 * and equal-count bins found by binary search in a sorted copy when the values are
 * distinct (ties and signed zeros take the comparator sort).
 */
import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/uncertainty/random.js";
import { binByQuantile, firstOrderIndices } from "../../src/uncertainty/sensitivity.js";
import { firstOrderIndex } from "./first-order-reference.js";

/** The bins as defined: order by value, ties by draw index; p-th of n → ⌊p · bins / n⌋. */
function binsByDefinition(values: Float64Array, bins: number): number[] {
  const order = [...values.keys()].sort(
    (a, b) => (values[a] as number) - (values[b] as number) || a - b,
  );
  const groups = new Array<number>(values.length).fill(0);
  order.forEach((d, p) => {
    groups[d] = Math.floor((p * bins) / values.length);
  });
  return groups;
}

describe("firstOrderIndices over many blocks of draws", () => {
  for (const unranked of [false, true]) {
    it(`equals firstOrderIndex bit for bit (${unranked ? "some" : "no"} unranked units)`, () => {
      const random = createRandom(11);
      const units = 7;
      const draws = 30_000; // about three blocks of 65,536 / 7 draws
      const ranks = new Uint16Array(units * draws);
      for (let i = 0; i < ranks.length; i++) {
        ranks[i] = unranked && random.uniform() < 0.05 ? 0 : 1 + random.below(units);
      }
      const groupings = [2, 5, 20].map((groupCount) => ({
        groups: Uint32Array.from({ length: draws }, () => random.below(groupCount)),
        groupCount,
      }));
      const alone = groupings.map((g) =>
        firstOrderIndex(ranks, draws, units, g.groups, g.groupCount),
      );
      expect(firstOrderIndices(ranks, draws, units, groupings)).toEqual(alone);
      expect(alone.every((s) => s > 0 && s < 1)).toBe(true);
    });
  }
});

describe("binByQuantile", () => {
  it("bins distinct values as the definition does", () => {
    const random = createRandom(5);
    for (const n of [2, 3, 10, 97, 2000]) {
      const values = Float64Array.from({ length: n }, () => random.uniform());
      expect(Array.from(binByQuantile(values, 7).groups)).toEqual(binsByDefinition(values, 7));
    }
  });

  it("breaks ties by draw index, signed zeros included", () => {
    const values = Float64Array.from([0.3, 0.1, 0.3, 0, -0, 0.1, 0.3, 0.2]);
    expect(Array.from(binByQuantile(values, 4).groups)).toEqual(binsByDefinition(values, 4));
    const random = createRandom(9);
    const coarse = Float64Array.from({ length: 500 }, () => random.below(20) / 20);
    expect(Array.from(binByQuantile(coarse, 9).groups)).toEqual(binsByDefinition(coarse, 9));
  });
});
