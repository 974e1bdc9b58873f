/**
 * `jobindex explain UNIT --peers K` (METHOD.md D): the K municipalities with the most
 * similar framework conditions, in the sentences and in JSON, against numpy's answer on the
 * shipped data (scripts/explain-peers-fixture.py → fixtures/explain/peers-2021QMAT04.json),
 * with the ranks `benchmark --peers` gives them.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { runBenchmark } from "../../src/pipeline/benchmark/run.js";
import { runExplain } from "../../src/pipeline/explain/run.js";
import { ensureBuilt, runCli } from "../cli/helpers.js";

const fixture = JSON.parse(
  readFileSync(new URL("../../fixtures/explain/peers-2021QMAT04.json", import.meta.url), "utf8"),
) as {
  period: string;
  terms: string[];
  k: number;
  peers: Record<string, Array<{ name: string; distance: number }>>;
};

interface PeerJson {
  municipality: string;
  name: string;
  rank: number;
  tied: boolean;
  residual_pp: number;
  distance: number;
}
type Benchmark = {
  period: string;
  peers?: { terms: string[]; municipalities: PeerJson[] };
};

async function explain(unit: string, extra: Record<string, unknown> = {}) {
  const { document } = await runExplain({ unit, peers: fixture.k, ...extra });
  return {
    json: document.json as { benchmark?: Benchmark; index?: unknown },
    prose: document.prose ?? [],
  };
}

describe("explain --peers on the shipped data", () => {
  let ranks: Map<string, { rank: number; tied: boolean; peers: string[] }>;
  beforeAll(async () => {
    const { document } = await runBenchmark({ command: "benchmark", peers: fixture.k });
    const results = document.json.results as Array<{
      municipality: string;
      name: string;
      rank: number;
      tied: boolean;
      peers: string[];
    }>;
    ranks = new Map(results.map((r) => [r.name, r]));
  });

  for (const [unit, want] of Object.entries(fixture.peers)) {
    it(`${unit}: the ${fixture.k} nearest agree with numpy, with their benchmark ranks`, async () => {
      const { json, prose } = await explain(unit);
      const peers = json.benchmark?.peers;
      expect(json.benchmark?.period).toBe(fixture.period);
      expect(peers?.terms).toEqual(fixture.terms);
      expect(peers?.municipalities.map((p) => p.name)).toEqual(want.map((p) => p.name));
      peers?.municipalities.forEach((p, i) => {
        expect(Math.abs(p.distance - (want[i]?.distance as number))).toBeLessThan(1e-9);
        expect(p.rank).toBe(ranks.get(p.name)?.rank);
        expect(p.tied).toBe(ranks.get(p.name)?.tied);
      });
      // The same peers as `benchmark --peers` lists for the unit.
      expect(peers?.municipalities.map((p) => p.municipality)).toEqual(ranks.get(unit)?.peers);
      const listed = want.map((p) => {
        const r = ranks.get(p.name);
        return `${p.name} (${r?.rank}${r?.tied ? "=" : ""})`;
      });
      expect(prose).toContain(
        `Municipalities with the most similar framework conditions (${fixture.terms.join(", ")}): ${listed.join(", ")}.`,
      );
    });
  }

  it("explains the benchmark only: --peers belongs to it", async () => {
    const { json } = await explain("Billund", { peers: 2 });
    expect(json.benchmark?.peers?.municipalities.map((p) => p.name)).toEqual([
      "Ikast-Brande",
      "Vejen",
    ]);
    expect(json.index).toBeUndefined();
  });

  it("says nothing of peers without --peers", async () => {
    const { document } = await runExplain({ unit: "Billund", kind: "benchmark" });
    expect((document.json as { benchmark: Benchmark }).benchmark.peers).toBeUndefined();
    expect((document.prose ?? []).some((l) => l.includes("similar framework"))).toBe(false);
  });

  it("refuses a K that is not a whole number ≥ 1, and --peers with --kind index", async () => {
    await expect(runExplain({ unit: "Billund", peers: 0 })).rejects.toThrow(
      "--peers expects a whole number ≥ 1, got 0",
    );
    await expect(runExplain({ unit: "Billund", peers: 2, kind: "index" })).rejects.toThrow(
      "--peers applies to the benchmark, not to --kind index",
    );
  });
});

describe("jobindex explain --peers", () => {
  beforeAll(() => ensureBuilt());

  it("prints the peers sentence and exits 0", async () => {
    const r = await runCli(["explain", "Gladsaxe", "--peers", "3"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /most similar framework conditions \(.*\): Rødovre \(\d+=?\), Hvidovre \(\d+=?\), Herlev \(\d+=?\)\./,
    );
  });

  it("bad K: one line, exit 2, no stack trace", async () => {
    for (const k of ["0", "2.5", "many"]) {
      const r = await runCli(["explain", "Gladsaxe", "--peers", k]);
      expect(r.code, k).toBe(2);
      expect(r.stdout).toBe("");
      const lines = r.stderr.trim().split("\n");
      expect(lines, k).toHaveLength(1);
      expect(lines[0]).toMatch(/--peers expects/);
      expect(r.stderr).not.toMatch(/\bat .*\.(c?js|ts):\d+/);
    }
  });

  it("is listed in explain --help", async () => {
    const r = await runCli(["explain", "--help"]);
    expect(r.stdout).toMatch(/--peers <k>\s+benchmark: name the K municipalities/);
  });
});
