/** `benchmark --by region` and `benchmark --only NAME` (src/groups.ts on the benchmark ranking). */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/program.js";
import { runBenchmark } from "../../src/pipeline/benchmark/run.js";

type Result = Record<string, unknown> & {
  municipality: string;
  rank: number;
  residual_persons: number | null;
};
const resultsOf = (json: Record<string, unknown>) => json.results as Result[];
const total = (values: ReadonlyArray<number | null | undefined>) =>
  values.reduce<number>((a, v) => a + (v ?? 0), 0);

const dir = mkdtempSync(join(tmpdir(), "jobindex-benchmark-groups-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe("benchmark --by region", () => {
  it("ranks within the regions (shared places kept) and totals residual persons and cost", async () => {
    const { document } = await runBenchmark({ by: "region", costPerFte: 400000 });
    const results = resultsOf(document.json);
    expect(results).toHaveLength(98);
    for (const r of results) {
      const sameRegion = results.filter((o) => o.region === r.region);
      const better = sameRegion.filter((o) => o.rank < r.rank).length;
      expect(r.region_rank).toBe(better + 1);
      expect(r.region_tied).toBe(sameRegion.some((o) => o !== r && o.rank === r.rank));
      expect(typeof r.region_name).toBe("string");
    }
    expect(results.some((r) => r.region_tied === true)).toBe(true);
    const regions = document.json.regions as Array<{
      id: string;
      count: number;
      residual_persons: number;
      cost_dkk: number;
    }>;
    expect(regions.map((g) => g.count).reduce((a, b) => a + b, 0)).toBe(98);
    for (const g of regions) {
      const members = results.filter((r) => r.region === g.id);
      expect(g.residual_persons).toBeCloseTo(total(members.map((r) => r.residual_persons)), 6);
      expect(g.cost_dkk).toBeCloseTo(g.residual_persons * 400000, 3);
    }
    // The table: region first, sorted by region then region rank; no second Region column.
    expect(document.columns.filter((c) => c.header === "Region")).toHaveLength(1);
    expect(document.columns.some((c) => c.header === "Region rank")).toBe(true);
    const order = document.rows.map((r) => `${r.region}:${String(r.region_rank).padStart(3)}`);
    expect(order).toEqual([...order].sort());
  });
});

describe("benchmark --only", () => {
  it("keeps the group's municipalities with national ranks and adds the group's totals", async () => {
    const national = resultsOf((await runBenchmark({})).document.json);
    const { document } = await runBenchmark({ only: "trekant", costPerFte: 400000 });
    const results = resultsOf(document.json);
    expect(results.map((r) => r.municipality).sort()).toEqual(
      ["410", "510", "530", "575", "607", "621", "630"].sort(),
    );
    for (const r of results) {
      expect(r.rank).toBe(national.find((n) => n.municipality === r.municipality)?.rank);
    }
    expect(results.map((r) => r.group_rank)).toEqual(
      [...results].map((r) => 1 + results.filter((o) => o.rank < r.rank).length),
    );
    const group = document.json.unit_group as {
      id: string;
      totals: Record<string, number>;
    };
    expect(group.id).toBe("trekant");
    // The benefit group is still the benchmark's own `group`.
    expect(document.json.group).toBe("Ydelsesgrupper i alt");
    const persons = total(results.map((r) => r.residual_persons));
    expect(group.totals.count).toBe(7);
    expect(group.totals.residual_persons).toBeCloseTo(persons, 6);
    expect(group.totals.cost_dkk).toBeCloseTo(persons * 400000, 3);
    expect(group.totals.actual_persons).toBeGreaterThan(group.totals.expected_persons ?? 0);
    expect(document.sections[0]?.title).toBe("Totals: Trekantområdet og Haderslev");
  });

  it("model mode: actual − expected persons is the residual persons", async () => {
    const { document } = await runBenchmark({ covariates: ["default"], only: "DK-85" });
    const totals = (
      document.json.unit_group as {
        totals: {
          actual_persons: number;
          expected_persons: number;
          residual_persons: number;
          count: number;
        };
      }
    ).totals;
    expect(totals.actual_persons - totals.expected_persons).toBeCloseTo(totals.residual_persons, 6);
    expect(totals.count).toBe(17);
  });

  it("CLI: json fields, check on a golden made with it, and exit 2 for an unknown group", async () => {
    const out = join(dir, "only.json");
    const args = ["node", "jobindex", "benchmark", "--only", "Syddanmark", "--format", "json"];
    expect(await main([...args, "--out", out])).toBe(0);
    const json = JSON.parse(readFileSync(out, "utf8")) as Record<string, unknown>;
    expect(json.options).toMatchObject({ only: "DK-83" });
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    expect(await main(["node", "jobindex", "check", "--golden", out])).toBe(0);
    const byOut = join(dir, "by.json");
    expect(
      await main([
        "node",
        "jobindex",
        "benchmark",
        "--by",
        "region",
        "--format",
        "json",
        "--out",
        byOut,
      ]),
    ).toBe(0);
    expect(await main(["node", "jobindex", "check", "--golden", byOut])).toBe(0);
    let stderr = "";
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    expect(await main(["node", "jobindex", "benchmark", "--only", "Atlantis"])).toBe(2);
    expect(stderr).toMatch(/unknown group 'Atlantis'; known groups: DK-81 \(Nordjylland\)/);
    expect(await main(["node", "jobindex", "index", "--only", "Atlantis"])).toBe(2);
  });
});
