import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  funnel,
  funnelLimits,
  Q95,
  Q998,
  quantileType7,
  shrunkRatio,
} from "../../src/benchmark/funnel.js";

/** numpy's answers on the shipped extract: `python3 scripts/benchmark-funnel-fixture.py`. */
interface Slice {
  period: string;
  group: string;
  names: string[];
  n: number;
  phi: number;
  tau2: number;
  ratio: number[];
  z: number[];
  lower95: number[];
  upper95: number[];
  lower998: number[];
  upper998: number[];
  flag95: string[];
  flag998: string[];
  shrunk_ratio: number[];
  shrunk_rank: number[];
}
const fixture = JSON.parse(
  readFileSync(new URL("../../fixtures/benchmark/funnel-slices.json", import.meta.url), "utf8"),
) as { slices: Slice[] };

const P = "Forventet og faktisk andel fuldtidspersoner på offentlig forsørgelse: ";
const C = "Forventet og faktisk antal fuldtidspersoner på offentlig forsørgelse: ";
const rows = readFileSync(
  new URL("../../data/benchmark/y30r21-2020QMAT02-2021QMAT04.jsonl", import.meta.url),
  "utf8",
)
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as Record<string, string | number>);
const dk = (v: string | number) => Number(String(v).replace(",", "."));

function inputsOf(slice: Slice) {
  const byName = new Map(
    rows
      .filter((r) => r.Periode === slice.period && r.Ydelsesgrupper === slice.group)
      .map((r) => [r.Area as string, r]),
  );
  return slice.names.map((name) => {
    const r = byName.get(name) as Record<string, string | number>;
    return {
      municipality: name,
      actualPct: dk(r[`${P}Faktisk andel (pct.)`] as string),
      expectedPct: dk(r[`${P}Forventet andel (pct.)`] as string),
      expectedPersons: r[`${C}Forventet antal`] as number,
    };
  });
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe("funnel limits against numpy on the shipped extract", () => {
  it("covers all 4 periods × 4 benefit groups", () => {
    expect(fixture.slices).toHaveLength(16);
  });
  for (const slice of fixture.slices) {
    it(`${slice.period} ${slice.group}: φ, τ², ratio, z, limits, flags, shrinkage`, () => {
      const f = funnel(inputsOf(slice));
      expect(f.n).toBe(slice.n);
      expect(close(f.phi, slice.phi)).toBe(true);
      expect(close(f.tau2, slice.tau2)).toBe(true);
      f.units.forEach((u, i) => {
        for (const [got, want] of [
          [u.ratio, slice.ratio[i]],
          [u.z, slice.z[i]],
          [u.lower95, slice.lower95[i]],
          [u.upper95, slice.upper95[i]],
          [u.lower998, slice.lower998[i]],
          [u.upper998, slice.upper998[i]],
          [u.shrunkRatio, slice.shrunk_ratio[i]],
        ] as const) {
          expect(close(got, want as number), `${u.municipality}: ${got} vs ${want}`).toBe(true);
        }
      });
      expect(f.units.map((u) => u.flag95)).toEqual(slice.flag95);
      expect(f.units.map((u) => u.flag998)).toEqual(slice.flag998);
      expect(f.units.map((u) => u.shrunkRank)).toEqual(slice.shrunk_rank);
    });
  }
  it("2021QMAT04, all benefits: the figures of CLI.md", () => {
    const slice = fixture.slices.find(
      (s) => s.period === "2021QMAT04" && s.group === "Ydelsesgrupper i alt",
    ) as Slice;
    const f = funnel(inputsOf(slice));
    expect(f.phi).toBeCloseTo(3.53, 2);
    expect(f.tau2).toBeCloseTo(0.00079, 5);
  });
});

describe("funnel properties", () => {
  it("quantileType7 interpolates as R type 7", () => {
    expect(quantileType7([1, 2, 3, 4], 0.1)).toBeCloseTo(1.3, 12);
    expect(quantileType7([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 12);
    expect(quantileType7([5], 0.5)).toBe(5);
  });

  it("limits widen as E falls", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        fc.constantFrom(Q95, Q998),
        (a, b, tau2, q) => {
          const [small, large] = a < b ? [a, b] : [b, a];
          const wide = funnelLimits(small, tau2, q);
          const narrow = funnelLimits(large, tau2, q);
          return wide.lower <= narrow.lower && wide.upper >= narrow.upper;
        },
      ),
    );
    // and strictly, when τ² does not swamp the difference
    expect(funnelLimits(50, 0, Q95).upper).toBeGreaterThan(funnelLimits(500, 0, Q95).upper);
  });

  it("with τ² = 0 the shrunken ratio is 1 whatever the ratio; with τ² > 0 it is 1 only when the ratio is", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        fc.double({ min: 1e-6, max: 1, noNaN: true }),
        fc.double({ min: 1e-6, max: 1, noNaN: true }),
        (ratio, s2, tau2) => {
          if (shrunkRatio(ratio, s2, 0) !== 1) return false;
          const shrunk = shrunkRatio(ratio, s2, tau2);
          return (shrunk === 1) === (ratio === 1) || Math.abs(ratio - 1) < 1e-12;
        },
      ),
    );
    expect(shrunkRatio(1, 0.01, 0.002)).toBe(1);
  });

  it("the shrunken ratio lies between 1 and the ratio", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        fc.double({ min: 1e-6, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (ratio, s2, tau2) => {
          const s = shrunkRatio(ratio, s2, tau2);
          return s >= Math.min(1, ratio) - 1e-15 && s <= Math.max(1, ratio) + 1e-15;
        },
      ),
    );
  });

  it("refuses a unit without a positive expected value", () => {
    expect(() =>
      funnel([{ municipality: "101", actualPct: 1, expectedPct: 1, expectedPersons: 0 }]),
    ).toThrow(/101/);
  });
});
