import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/uncertainty/random.js";
import { binByQuantile, binCount, firstOrderIndices } from "../../src/uncertainty/sensitivity.js";

/** The production code's index of one grouping. */
function firstOrderIndex(
  ranks: Uint16Array,
  draws: number,
  units: number,
  groups: Uint32Array,
  groupCount: number,
): number {
  return firstOrderIndices(ranks, draws, units, [{ groups, groupCount }])[0] as number;
}

describe("first-order sensitivity index", () => {
  it("splits the variance of an additive rank exactly between two balanced factors", () => {
    // rank = 1 + a + b, a ∈ {0, 1}, b ∈ {0, 2}, every combination equally often:
    // Var(a) = 1/4, Var(b) = 1, so S_a = 0.2 and S_b = 0.8.
    const a = [0, 1, 0, 1];
    const b = [0, 0, 2, 2];
    const draws = 400;
    const ranks = new Uint16Array(draws);
    const groupsA = new Uint32Array(draws);
    const groupsB = new Uint32Array(draws);
    for (let d = 0; d < draws; d++) {
      const cell = d % 4;
      groupsA[d] = a[cell] as number;
      groupsB[d] = (b[cell] as number) / 2;
      ranks[d] = 1 + (a[cell] as number) + (b[cell] as number);
    }
    expect(firstOrderIndex(ranks, draws, 1, groupsA, 2)).toBeCloseTo(0.2, 12);
    expect(firstOrderIndex(ranks, draws, 1, groupsB, 2)).toBeCloseTo(0.8, 12);
  });

  it("is 1 for the factor that alone decides the ranks and about 0 for noise", () => {
    const random = createRandom(3);
    const draws = 4000;
    const units = 3;
    const ranks = new Uint16Array(draws * units);
    const decisive = new Uint32Array(draws);
    const noise = new Float64Array(draws);
    for (let d = 0; d < draws; d++) {
      const level = random.below(3);
      decisive[d] = level;
      noise[d] = random.uniform();
      // Three orders of three units, one per level.
      for (let u = 0; u < units; u++) ranks[d * units + u] = ((u + level) % units) + 1;
    }
    expect(firstOrderIndex(ranks, draws, units, decisive, 3)).toBeCloseTo(1, 12);
    const bins = binByQuantile(noise, binCount(draws));
    const s = firstOrderIndex(ranks, draws, units, bins.groups, bins.count);
    // Chance level is about (bins − 1)/(draws − 1) ≈ 0.005.
    expect(s).toBeLessThan(0.02);
  });

  it("makes one group of a constant factor and leaves out unranked draws", () => {
    const constant = binByQuantile(new Float64Array(10).fill(0.2), 5);
    expect(constant.count).toBe(1);
    const ranks = Uint16Array.from([1, 0, 2, 0]);
    expect(firstOrderIndex(ranks, 4, 1, Uint32Array.from([0, 1, 1, 0]), 2)).toBeCloseTo(1, 12);
    expect(firstOrderIndex(Uint16Array.from([2, 2]), 2, 1, Uint32Array.from([0, 1]), 2)).toBe(0);
  });

  it("bins by equal counts", () => {
    const values = Float64Array.from([5, 1, 4, 2, 3, 6]);
    expect(Array.from(binByQuantile(values, 3).groups)).toEqual([2, 0, 1, 0, 1, 2]);
    expect(binCount(10_000)).toBe(20);
    expect(binCount(100)).toBe(10);
    expect(binCount(1)).toBe(2);
  });
});
