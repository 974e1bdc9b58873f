/**
 * Every number of `continuity` against scripts/continuity-fixture.py (plain Python, its
 * own hand-written pooling): citizens, changes, rates to 1e-9, suppression and ranks,
 * by jobcentre (Esbjerg–Fanø, Vallensbæk–Ishøj before and after 2022) and by municipality.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { countContinuity } from "../../src/continuity/count.js";
import { parseIsoDate, quarterOfDate } from "../../src/continuity/quarter.js";
import { summariseContinuity } from "../../src/continuity/summarise.js";
import { computeContinuity } from "../../src/pipeline/continuity/run.js";

const dir = join(import.meta.dirname, "..", "..", "fixtures", "continuity");
const input = join(dir, "meetings.csv");

interface Expected {
  unit: string;
  period: string;
  citizens: number | null;
  changes: number | null;
  changes_per_100: number | null;
  changed_share: number | null;
  suppressed: boolean;
  rank: number | null;
}

function close(actual: number | null, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull();
  else expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9);
}

describe.each(["jobcentre", "municipality"] as const)("continuity by %s", (unit) => {
  const expected = JSON.parse(
    readFileSync(join(dir, `expected-${unit}.json`), "utf8"),
  ) as Expected[];

  it("matches the independent computation cell by cell", async () => {
    const run = await computeContinuity({ input, unit });
    const key = (r: { unit: string; period: string }) => `${r.unit}|${r.period}`;
    const actual = new Map(run.rows.map((r) => [key(r), r]));
    expect([...actual.keys()].sort()).toEqual(expected.map(key).sort());
    for (const e of expected) {
      const a = actual.get(key(e));
      expect(a, key(e)).toBeDefined();
      if (a === undefined) continue;
      expect(a.suppressed, key(e)).toBe(e.suppressed);
      expect(a.citizens, key(e)).toBe(e.citizens);
      expect(a.changes, key(e)).toBe(e.changes);
      expect(a.rank, key(e)).toBe(e.rank);
      close(a.changes_per_100, e.changes_per_100);
      close(a.changed_share, e.changed_share);
    }
  });

  it("one quarter with --period", async () => {
    const run = await computeContinuity({ input, unit, period: "2022Q1" });
    expect(new Set(run.rows.map((r) => r.period))).toEqual(new Set(["2022K1"]));
    expect(run.rows.length).toBe(expected.filter((e) => e.period === "2022K1").length);
  });
});

describe("continuity pooling", () => {
  it("pools Vallensbæk and Ishøj until 2021 and splits them from 2022; Esbjerg–Fanø always", async () => {
    const run = await computeContinuity({ input, unit: "jobcentre" });
    const units = (p: string) => run.rows.filter((r) => r.period === p).map((r) => r.unit);
    expect(units("2021K4")).toContain("187-183");
    expect(units("2021K4")).not.toContain("183");
    expect(units("2022K1")).toEqual(expect.arrayContaining(["187", "183"]));
    expect(units("2022K1")).not.toContain("187-183");
    for (const p of run.periods) expect(units(p)).toContain("561-563");
  });
});

describe("continuity core", () => {
  it("reads ISO calendar dates only", () => {
    expect(parseIsoDate("2024-02-29")).toBe(20240229);
    expect(parseIsoDate("2023-02-29")).toBeUndefined();
    expect(parseIsoDate("2022-13-01")).toBeUndefined();
    expect(parseIsoDate("31-12-2022")).toBeUndefined();
    expect(parseIsoDate("2022-04-31")).toBeUndefined();
    expect(quarterOfDate(20220331)).toBe(2022 * 4);
    expect(quarterOfDate(20221001)).toBe(2022 * 4 + 3);
  });

  it("orders each citizen's meetings by date, ties by input order (hand-counted)", () => {
    // Citizen 0: A (d1), B (d1, same day, later row), A (d2) → two changes; the rows come
    // in the order d2, d1:A, d1:B. Citizen 1: A, A → none. One unit, one quarter.
    const meetings = {
      length: 5,
      citizen: Int32Array.from([0, 0, 0, 1, 1]),
      date: Int32Array.from([20220110, 20220105, 20220105, 20220101, 20220102]),
      caseworker: Int32Array.from([0, 0, 1, 0, 0]),
      municipality: Int32Array.from([0, 0, 0, 0, 0]),
    };
    const cells = countContinuity(meetings, () => 0);
    expect(cells).toEqual([
      { unit: 0, quarter: 2022 * 4, citizens: 2, changes: 2, changedCitizens: 1 },
    ]);
    const [r] = summariseContinuity(cells, ["u"], 2);
    expect(r?.changesPer100).toBe(100);
    expect(r?.changedShare).toBe(0.5);
    expect(summariseContinuity(cells, ["u"])[0]?.suppressed).toBe(true);
  });

  it("ties share the best rank, lower is better", () => {
    const cells = [
      { unit: 0, quarter: 1, citizens: 10, changes: 2, changedCitizens: 2 },
      { unit: 1, quarter: 1, citizens: 5, changes: 1, changedCitizens: 1 },
      { unit: 2, quarter: 1, citizens: 5, changes: 0, changedCitizens: 0 },
      { unit: 3, quarter: 1, citizens: 4, changes: 0, changedCitizens: 0 },
    ];
    const ranks = summariseContinuity(cells, ["a", "b", "c", "d"]).map((r) => r.rank);
    expect(ranks).toEqual([2, 2, 1, null]);
  });
});
