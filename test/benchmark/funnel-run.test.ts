import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runBenchmark } from "../../src/pipeline/benchmark/run.js";
import { compareDocuments } from "../../src/pipeline/check/compare.js";

/** numpy's answers (scripts/benchmark-funnel-fixture.py), compared with what the command writes. */
const slices = JSON.parse(
  readFileSync(new URL("../../fixtures/benchmark/funnel-slices.json", import.meta.url), "utf8"),
) as {
  slices: Array<{
    period: string;
    group: string;
    names: string[];
    phi: number;
    tau2: number;
    ratio: number[];
    upper95: number[];
    flag95: string[];
    flag998: string[];
    shrunk_ratio: number[];
    shrunk_rank: number[];
  }>;
};
const history = JSON.parse(
  readFileSync(new URL("../../fixtures/benchmark/funnel-history.json", import.meta.url), "utf8"),
) as {
  groups: Array<{
    group: string;
    periods: string[];
    ranks: Record<string, Record<string, number>>;
    persistence: Array<{ from: string; to: string; spearman: number }>;
  }>;
};

type Result = Record<string, unknown> & { name: string; funnel: Record<string, unknown> | null };
const close = (a: unknown, b: number) =>
  Math.abs((a as number) - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe("benchmark JSON: funnel", () => {
  for (const slice of slices.slices.filter((s) => s.period === "2021QMAT04")) {
    it(`${slice.period} ${slice.group} agrees with numpy`, async () => {
      const { document } = await runBenchmark({ period: slice.period, group: slice.group });
      const json = document.json as { funnel: Record<string, number>; results: Result[] };
      expect(close(json.funnel.phi, slice.phi)).toBe(true);
      expect(close(json.funnel.tau2, slice.tau2)).toBe(true);
      expect(json.funnel.n).toBe(98);
      const byName = new Map(json.results.map((r) => [r.name, r.funnel]));
      slice.names.forEach((name, i) => {
        const f = byName.get(name) as Record<string, unknown>;
        expect(f, name).toBeDefined();
        expect(close(f.ratio, slice.ratio[i] as number)).toBe(true);
        expect(close(f.upper95, slice.upper95[i] as number)).toBe(true);
        expect(close(f.shrunk_ratio, slice.shrunk_ratio[i] as number)).toBe(true);
        expect(f.flag95).toBe(slice.flag95[i]);
        expect(f.flag998).toBe(slice.flag998[i]);
        expect(f.shrunk_rank).toBe(slice.shrunk_rank[i]);
      });
    });
  }

  it("model mode carries a funnel where the population is known", async () => {
    const { document } = await runBenchmark({ covariates: ["default"] });
    const json = document.json as { funnel: Record<string, number> | null; results: Result[] };
    expect(json.funnel?.n).toBe(98);
    expect(json.results.every((r) => r.funnel !== null)).toBe(true);
  });

  it("check: a golden without `funnel` still passes; one with a changed funnel does not", async () => {
    const { document } = await runBenchmark({ period: "2021QMAT04" });
    const current = document.json;
    const strip = (json: Record<string, unknown>) => {
      const { funnel: _, ...rest } = json;
      return {
        ...rest,
        results: (rest.results as Result[]).map(({ funnel: __, ...r }) => r),
      };
    };
    const old = strip(JSON.parse(JSON.stringify(current)));
    expect(compareDocuments(old, current, { tolerance: 1e-9 })).toEqual([]);
    const changed = JSON.parse(JSON.stringify(current));
    changed.funnel.tau2 *= 2;
    expect(compareDocuments(changed, current, { tolerance: 1e-9 })).toHaveLength(1);
  });
});

describe("benchmark --history", () => {
  for (const g of history.groups) {
    it(`${g.group}: ranks per period and Spearman agree with numpy`, async () => {
      const { document } = await runBenchmark({ group: g.group, history: true });
      const h = document.json.history as {
        periods: string[];
        units: Array<{ municipality: string; ranks: Record<string, number> }>;
        persistence: Array<{ from: string; to: string; spearman: number }>;
      };
      expect(h.periods).toEqual(g.periods);
      expect(h.units).toHaveLength(98);
      const names = new Map(
        (document.json.results as Result[]).map((r) => [r.municipality as string, r.name]),
      );
      for (const u of h.units) {
        const name = names.get(u.municipality) as string;
        for (const p of g.periods) expect(u.ranks[p], `${name} ${p}`).toBe(g.ranks[p]?.[name]);
      }
      h.persistence.forEach((p, i) => {
        const want = g.persistence[i] as { from: string; to: string; spearman: number };
        expect([p.from, p.to]).toEqual([want.from, want.to]);
        expect(Math.abs(p.spearman - want.spearman)).toBeLessThan(1e-9);
      });
      const section = document.sections.find((s) => s.title.startsWith("Rank per period"));
      expect(section?.rows).toHaveLength(98);
      expect(document.trend?.periods).toEqual(g.periods);
    });
  }

  it("--period bounds the history; model mode refuses it", async () => {
    const { document } = await runBenchmark({ period: "2020QMAT04", history: true });
    expect((document.json.history as { periods: string[] }).periods).toEqual([
      "2020QMAT02",
      "2020QMAT04",
    ]);
    await expect(runBenchmark({ covariates: ["default"], history: true })).rejects.toThrow(
      /--history/,
    );
  });
});

describe("benchmark --peers", () => {
  it("lists K codes per result, never itself, and names the terms", async () => {
    const { document } = await runBenchmark({ peers: 3 });
    const results = document.json.results as Array<Result & { peers: string[] }>;
    for (const r of results) {
      expect(r.peers).toHaveLength(3);
      expect(r.peers).not.toContain(r.municipality);
    }
    expect(document.json.peer_terms).toContain("log(income)");
  });

  it("model mode uses the model's terms", async () => {
    const { document } = await runBenchmark({
      covariates: ["log(income),education"],
      peers: 2,
    });
    expect(document.json.peer_terms).toEqual(["log(income)", "education"]);
  });
});

describe("benchmark --uncertainty in published mode", () => {
  it("rank intervals from funnel draws, reproducible, containing the rank's neighbourhood", async () => {
    const a = await runBenchmark({ uncertainty: 500, seed: 3 });
    const b = await runBenchmark({ uncertainty: 500, seed: 3 });
    expect(a.document.json).toEqual(b.document.json);
    expect(a.document.json.uncertainty).toEqual({
      method: "funnel",
      runs: 500,
      seed: 3,
      level: 0.95,
    });
    const results = a.document.json.results as Array<
      Result & { rank_interval: { low: number; median: number; high: number } }
    >;
    for (const r of results) {
      expect(r.rank_interval.low).toBeLessThanOrEqual(r.rank_interval.median);
      expect(r.rank_interval.median).toBeLessThanOrEqual(r.rank_interval.high);
    }
    expect(a.document.intervals).toHaveLength(98);
  });
});
