import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeIndicators } from "../../src/composite/indicators.js";
import { RANK_DECIMALS, scoreIndex } from "../../src/composite/score.js";
import type { CountRecord, IndexUnit } from "../../src/composite/types.js";
import { fhProfile, profileWith } from "./helpers.js";

const fh = fhProfile();
const points = profileWith({
  name: "fh-points",
  normalisation: { type: "points", bins: 10 },
  aggregation: { type: "sum" },
});
const COLUMNS = fh.json.input.columns.map((c) => c.name);

/** Counts that satisfy the profile's constraints and have no zero denominator. */
const countsArb = fc
  .record({
    activation_fte: fc.integer({ min: 10, max: 5000 }),
    education_share: fc.double({ min: 0, max: 1, noNaN: true }),
    gross_unemployed_fte: fc.integer({ min: 10, max: 20000 }),
    unemployment_spells_ended: fc.integer({ min: 1, max: 10000 }),
    unemployment_weeks_per_spell: fc.integer({ min: 1, max: 60 }),
    sickness_spells_ended: fc.integer({ min: 1, max: 8000 }),
    sickness_weeks_per_spell: fc.integer({ min: 1, max: 40 }),
    nonwestern_labour_force: fc.integer({ min: 10, max: 30000 }),
    nonwestern_rate: fc.double({ min: 0, max: 0.4, noNaN: true }),
    danish_origin_labour_force: fc.integer({ min: 100, max: 300000 }),
    danish_rate: fc.double({ min: 0, max: 0.15, noNaN: true }),
  })
  .map(
    (c): Record<string, number> => ({
      activation_fte: c.activation_fte,
      activation_education_fte: Math.floor(c.activation_fte * c.education_share),
      gross_unemployed_fte: c.gross_unemployed_fte,
      unemployment_spells_ended: c.unemployment_spells_ended,
      unemployment_spell_weeks: c.unemployment_spells_ended * c.unemployment_weeks_per_spell,
      sickness_spells_ended: c.sickness_spells_ended,
      sickness_spell_weeks: c.sickness_spells_ended * c.sickness_weeks_per_spell,
      nonwestern_unemployed: Math.floor(c.nonwestern_labour_force * c.nonwestern_rate),
      nonwestern_labour_force: c.nonwestern_labour_force,
      danish_origin_unemployed: Math.floor(c.danish_origin_labour_force * c.danish_rate),
      danish_origin_labour_force: c.danish_origin_labour_force,
    }),
  );

const CODES = ["101", "147", "151", "153", "155", "157", "159", "161", "163", "165", "167", "169"];
/** 101 and 147 share a unit (as a two-municipality jobcentre would); the rest stand alone. */
function units(n: number): IndexUnit[] {
  const codes = CODES.slice(0, n);
  const out: IndexUnit[] = codes
    .filter((c) => c !== "101" && c !== "147")
    .map((c) => ({ id: c, name: `M${c}`, municipalities: [c] }));
  return [{ id: "101-147", name: "Pair", municipalities: ["101", "147"] }, ...out];
}

const datasetArb = fc
  .integer({ min: 4, max: CODES.length })
  .chain((n) => fc.tuple(fc.constant(n), fc.array(countsArb, { minLength: n, maxLength: n })));

function records([n, counts]: [number, Record<string, number>[]]): CountRecord[] {
  return CODES.slice(0, n).map((code, i) => ({
    municipality: code,
    period: "2023K1",
    counts: Object.fromEntries(COLUMNS.map((c) => [c, counts[i]?.[c] ?? 0])),
    source: { file: "generated", line: i + 2 },
  }));
}

const scoreOf = (rs: CountRecord[], n: number, profile = fh) =>
  scoreIndex(computeIndicators(rs, units(n), profile.indicators), profile, "impute-mean");

describe("properties", () => {
  it("a permutation of the input rows gives identical output", () => {
    fc.assert(
      fc.property(datasetArb, fc.integer({ min: 0, max: 1e9 }), (data, seed) => {
        const rs = records(data);
        const shuffled = [...rs]
          .map((r, i) => ({ r, k: (Math.imul(i + 1, 2654435761) ^ seed) >>> 0 }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.r);
        for (const profile of [fh, points]) {
          const a = scoreOf(rs, data[0], profile);
          const b = scoreOf(shuffled, data[0], profile);
          expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("ranks form a valid competition ranking of the scores", () => {
    fc.assert(
      fc.property(datasetArb, (data) => {
        for (const profile of [fh, points]) {
          const scored = scoreOf(records(data), data[0], profile).units;
          const key = (s: number) => Number(s.toFixed(RANK_DECIMALS));
          for (const u of scored) {
            const better = scored.filter((v) => key(v.score) > key(u.score)).length;
            expect(u.rank).toBe(better + 1);
            const same = scored.filter((v) => key(v.score) === key(u.score)).length;
            expect(u.tied).toBe(same > 1);
          }
          // Listed best first, ranks never decrease.
          scored.forEach((u, i) => {
            if (i > 0) expect(u.rank).toBeGreaterThanOrEqual((scored[i - 1] as typeof u).rank);
          });
          expect(scored[0]?.rank).toBe(1);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("z-scores of each indicator have mean 0 and sample sd 1 (unless constant)", () => {
    fc.assert(
      fc.property(datasetArb, (data) => {
        const scored = scoreOf(records(data), data[0]).units;
        for (const ind of fh.indicators) {
          const z = scored.map((u) => u.indicators[ind.id]?.normalised ?? Number.NaN);
          const mean = z.reduce((a, b) => a + b, 0) / z.length;
          const ss = z.reduce((a, b) => a + (b - mean) ** 2, 0) / (z.length - 1);
          expect(Math.abs(mean)).toBeLessThan(1e-9);
          if (z.some((v) => v !== 0)) expect(ss).toBeCloseTo(1, 9);
        }
      }),
      { numRuns: 100 },
    );
  });
});
