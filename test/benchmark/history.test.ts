import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { averageRanks, spearman } from "../../src/benchmark/history.js";

/** numpy's answers: `python3 scripts/benchmark-funnel-fixture.py` on the shipped extract. */
const fixture = JSON.parse(
  readFileSync(new URL("../../fixtures/benchmark/funnel-history.json", import.meta.url), "utf8"),
) as {
  groups: {
    group: string;
    periods: string[];
    persistence: { from: string; to: string; spearman: number }[];
  }[];
};
const P =
  "Forventet og faktisk andel fuldtidspersoner på offentlig forsørgelse: Forskel mellem forventet og faktisk andel (pct. point)";
const rows = readFileSync(
  new URL("../../data/benchmark/y30r21-2020QMAT02-2021QMAT04.jsonl", import.meta.url),
  "utf8",
)
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as Record<string, string | number>);

function residuals(period: string, group: string): Map<string, number> {
  return new Map(
    rows
      .filter((r) => r.Periode === period && r.Ydelsesgrupper === group)
      .map((r) => [r.Area as string, Number(String(r[P]).replace(",", "."))]),
  );
}

describe("Spearman persistence against numpy", () => {
  for (const g of fixture.groups) {
    for (const p of g.persistence) {
      it(`${g.group} ${p.from} → ${p.to}`, () => {
        const a = residuals(p.from, g.group);
        const b = residuals(p.to, g.group);
        const names = [...a.keys()].sort();
        const rho = spearman(
          names.map((n) => a.get(n) as number),
          names.map((n) => b.get(n) as number),
        );
        expect(Math.abs(rho - p.spearman)).toBeLessThan(1e-9);
      });
    }
  }
  it("ties share the mean rank", () => {
    expect(averageRanks([3, 1, 3, 2])).toEqual([3.5, 1, 3.5, 2]);
    expect(spearman([1, 2, 3], [10, 30, 20])).toBeCloseTo(0.5, 12);
  });
});
