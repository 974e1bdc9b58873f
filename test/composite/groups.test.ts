/** `index --by region` and `index --only NAME` (src/groups.ts on the index ranking). */
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/diagnostics.js";
import { compareDocuments } from "../../src/pipeline/check/compare.js";
import { rerun } from "../../src/pipeline/check/rerun.js";
import { runIndex } from "../../src/pipeline/index/run.js";

type Result = Record<string, unknown> & { id: string; rank: number; score: number };
const resultsOf = (json: Record<string, unknown>) => json.results as Result[];

describe("index --by region", () => {
  it("ranks within each region by the national order, with region fields and totals", async () => {
    const national = resultsOf((await runIndex({})).document.json);
    const { document } = await runIndex({ by: "region" });
    const results = resultsOf(document.json);
    // JSON keeps the national order and ranks; each result gains its region's fields.
    expect(results.map((r) => [r.id, r.rank])).toEqual(national.map((r) => [r.id, r.rank]));
    for (const r of results) {
      expect(r.region).toMatch(/^DK-8[1-5]$/);
      expect(typeof r.region_name).toBe("string");
      expect(typeof r.region_tied).toBe("boolean");
    }
    const byRegion = new Map<string, Result[]>();
    for (const r of results)
      byRegion.set(r.region as string, [...(byRegion.get(r.region as string) ?? []), r]);
    expect([...byRegion.keys()].sort()).toEqual(["DK-81", "DK-82", "DK-83", "DK-84", "DK-85"]);
    for (const members of byRegion.values()) {
      // Competition ranks 1 … n in national order (no ties in z-scores).
      expect(members.map((r) => r.region_rank)).toEqual(members.map((_, i) => i + 1));
    }
    const regions = document.json.regions as Array<{
      id: string;
      count: number;
      mean_score: number;
    }>;
    expect(regions.map((g) => g.id)).toEqual(["DK-81", "DK-82", "DK-83", "DK-84", "DK-85"]);
    expect(regions.reduce((a, g) => a + g.count, 0)).toBe(results.length);
    const north = byRegion.get("DK-81") ?? [];
    const mean = north.reduce((a, r) => a + r.score, 0) / north.length;
    expect(regions[0]?.mean_score).toBeCloseTo(mean, 12);

    // The table: sorted by region, then region rank, with a Region rank column.
    expect(document.columns.slice(0, 2).map((c) => c.header)).toEqual(["Region", "Region rank"]);
    const rowRegions = document.rows.map((r) => String(r.region));
    expect(rowRegions).toEqual([...rowRegions].sort());
    expect(document.sections[0]?.title).toMatch(/^Regions/);
    expect(document.json.options).toMatchObject({ by: "region" });
  });

  it("shares a region place where the national place is shared (fh-points)", async () => {
    const { document } = await runIndex({ method: "fh-points", by: "region" });
    const results = resultsOf(document.json);
    for (const r of results) {
      const sameRegionSamePlace = results.filter(
        (o) => o !== r && o.region === r.region && o.rank === r.rank,
      );
      expect(r.region_tied).toBe(sameRegionSamePlace.length > 0);
    }
  });
});

describe("index --only", () => {
  it("keeps the group's units with national ranks, adds group ranks and totals", async () => {
    const national = resultsOf((await runIndex({})).document.json);
    const { document } = await runIndex({ only: "Trekantområdet" });
    const results = resultsOf(document.json);
    expect(results.map((r) => r.name).sort()).toEqual([
      "Billund",
      "Fredericia",
      "Haderslev",
      "Kolding",
      "Middelfart",
      "Vejen",
      "Vejle",
    ]);
    for (const r of results) expect(r.rank).toBe(national.find((n) => n.id === r.id)?.rank);
    expect(results.map((r) => r.group_rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const meanScore = results.reduce((a, r) => a + r.score, 0) / results.length;
    expect(document.json.unit_group).toMatchObject({
      id: "trekant",
      name: "Trekantområdet og Haderslev",
      totals: { count: 7 },
    });
    const totals = (document.json.unit_group as { totals: { mean_score: number } }).totals;
    expect(totals.mean_score).toBeCloseTo(meanScore, 12);
    expect(document.rows).toHaveLength(7);
    // Recorded by id, whatever name was asked for; `check` reproduces it.
    expect(document.json.options).toMatchObject({ only: "trekant" });
    const again = await rerun(document.json.options as Record<string, unknown>);
    expect(compareDocuments(document.json, again.document.json, { tolerance: 1e-9 })).toEqual([]);
  });

  it("filters a region, and jobcentres by their lead municipality", async () => {
    const { document } = await runIndex({ only: "Region Syddanmark", period: "2019K4" });
    const results = resultsOf(document.json);
    expect(results.length).toBe(21);
    expect(results.some((r) => r.id === "561-563")).toBe(true);
  });

  it("refuses an unknown group listing the known ones, and --by with --only or --history", async () => {
    await expect(runIndex({ only: "Atlantis" })).rejects.toThrow(
      /unknown group 'Atlantis'; known groups: DK-81 \(Nordjylland\).*trekant/,
    );
    await expect(runIndex({ by: "region", only: "trekant" })).rejects.toThrow(UsageError);
    await expect(runIndex({ by: "municipality" })).rejects.toThrow(/--by expects one of region/);
    await expect(runIndex({ only: "trekant", history: true })).rejects.toThrow(/--history/);
  });
});
