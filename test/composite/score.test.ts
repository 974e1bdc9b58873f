import { describe, expect, it } from "vitest";
import { computeIndicators } from "../../src/composite/indicators.js";
import { scoreIndex } from "../../src/composite/score.js";
import type { IndexUnit } from "../../src/composite/types.js";
import {
  closeTo,
  fhProfile,
  fixtureRecords,
  JOBCENTRES,
  MUNICIPALITY_UNITS,
  memberKey,
  truth,
} from "./helpers.js";

const profile = fhProfile();
const records = fixtureRecords();
const expected = truth();

function unitsFor(kind: "jobcentre" | "municipality", period: string): IndexUnit[] {
  return kind === "jobcentre" ? (JOBCENTRES[period] as IndexUnit[]) : MUNICIPALITY_UNITS;
}

describe("default fh scoring against numpy (fixtures/index/fh-small.truth.json)", () => {
  for (const kind of ["jobcentre", "municipality"] as const) {
    for (const period of ["2021K4", "2022K1"]) {
      it(`${kind} ${period}: every indicator value, z-score, score and rank to relative 1e-12`, () => {
        const units = computeIndicators(
          records.get(period) ?? [],
          unitsFor(kind, period),
          profile.indicators,
        );
        const scored = scoreIndex(units, profile, "error");
        const want = expected[kind][period] ?? [];
        expect(scored.units.length).toBe(want.length);
        const byMembers = new Map(scored.units.map((u) => [memberKey(u.unit.municipalities), u]));
        let compared = 0;
        for (const w of want) {
          const got = byMembers.get(memberKey(w.municipalities));
          expect(got, w.id).toBeDefined();
          if (!got) continue;
          expect(got.rank).toBe(w.rank);
          expect(closeTo(got.score, w.score), `${w.id} score ${got.score} vs ${w.score}`).toBe(
            true,
          );
          for (const [id, v] of Object.entries(w.indicators)) {
            const g = got.indicators[id];
            expect(g, `${w.id} ${id}`).toBeDefined();
            expect(closeTo(g?.value ?? Number.NaN, v.value), `${w.id} ${id} value`).toBe(true);
            expect(closeTo(g?.normalised ?? Number.NaN, v.normalised), `${w.id} ${id} z`).toBe(
              true,
            );
            compared += 2;
          }
        }
        expect(compared).toBe(want.length * 10);
      });
    }
  }

  it("sums counts before taking ratios (Esbjerg-Fanø is not the mean of its members)", () => {
    const units = computeIndicators(
      records.get("2021K4") ?? [],
      JOBCENTRES["2021K4"] ?? [],
      profile.indicators,
    );
    const ef = units.find((u) => u.unit.id === "561-563");
    // 100 · (190.2 + 3.1) / (820.5 + 9.5)
    expect(ef?.values.upskilling_share).toBeCloseTo((100 * 193.3) / 830, 12);
  });
});
