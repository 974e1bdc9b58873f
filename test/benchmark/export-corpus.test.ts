/**
 * The benchmark's export corpus (fixtures/exports/benchmark-*, from
 * scripts/make-export-corpus-benchmark.mjs): each gives the clean file's ranking or the
 * documented coverage and warnings (CLI.md Additions), and the option checks of issue 12.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findPublishedInconsistencies } from "../../src/benchmark/published.js";
import type { Observation } from "../../src/benchmark/types.js";
import { UsageError } from "../../src/diagnostics.js";
import { normaliseBenchmarkOptions } from "../../src/pipeline/benchmark/options.js";
import { computeBenchmark, runBenchmark } from "../../src/pipeline/benchmark/run.js";
import { normaliseExplainOptions } from "../../src/pipeline/explain/options.js";
import { parseWeights } from "../../src/pipeline/index/options.js";
import { isAggregateArea } from "../../src/registry/index.js";

const corpus = (name: string) => join(import.meta.dirname, "..", "..", "fixtures", "exports", name);

describe("partial extracts", () => {
  it("Region Syddanmark only: 22 of 98, the missing codes listed, the title and note say so", async () => {
    const { document } = await runBenchmark({
      inputs: [corpus("benchmark-syddanmark-only.jsonl")],
    });
    const coverage = document.json.coverage as {
      present: number;
      expected: number;
      missing: string[];
    };
    expect(coverage.present).toBe(22);
    expect(coverage.expected).toBe(98);
    expect(coverage.missing).toHaveLength(76);
    expect(coverage.missing).toContain("101");
    expect(coverage.missing).not.toContain("410");
    expect(document.title).toMatch(/\(22 of 98 municipalities\)$/);
    expect(document.notes.join("\n")).not.toMatch(/^Every published rank is consistent/m);
    expect(document.notes.join("\n")).toMatch(/Partial input: 22 of the period's 98/);
  });

  it("one object: a one-row ranking flagged as partial", async () => {
    const { document } = await runBenchmark({ inputs: [corpus("benchmark-one-object.json")] });
    expect(document.json.results).toHaveLength(1);
    expect(document.json.coverage).toMatchObject({ present: 1, expected: 98 });
    expect(document.title).toMatch(/\(1 of 98 municipalities\)$/);
  });

  it("the full shipped extract: complete coverage, no warnings, the title unchanged", async () => {
    const { document, messages } = await runBenchmark({});
    expect(document.json.coverage).toEqual({ present: 98, expected: 98, missing: [] });
    expect(document.json.warnings).toEqual([]);
    expect(messages).toEqual([]);
    expect(document.title).not.toMatch(/of 98/);
  });

  it("model mode records coverage too", async () => {
    const outcome = await computeBenchmark({ covariates: ["default"] });
    expect(outcome.coverage).toEqual({ present: 98, expected: 98, missing: [] });
  });
});

describe("published figures checked against each other", () => {
  it("the edited expected share and the doubled rank are W_PUBLISHED_INCONSISTENT; --verify exits 1 and says why", async () => {
    const run = await runBenchmark({
      inputs: [corpus("benchmark-inconsistent-published.jsonl")],
      verify: true,
    });
    const warnings = run.document.json.warnings as Array<{ code: string; municipality: string }>;
    expect(warnings.map((w) => [w.code, w.municipality])).toEqual([
      ["W_PUBLISHED_INCONSISTENT", "167"],
      ["W_PUBLISHED_INCONSISTENT", "223"],
      ["W_PUBLISHED_INCONSISTENT", "707"],
    ]);
    expect(run.exitCode).toBe(1);
    expect(run.messages.at(-1)).toMatch(/verify failed: .*3 published row\(s\) inconsistent/);
    expect(run.messages.some((m) => /Hørsholm \(223\).*-0\.05/.test(m))).toBe(true);
  });

  it("within rounding is no warning; one beyond it is, as is a rank outside 1…n", () => {
    const row = (over: Partial<Observation>): Observation => ({
      municipality: "530",
      name: "Billund",
      file: "x",
      line: 1,
      actualPct: 8.31,
      expectedStarPct: 8.24,
      publishedResidualPp: 0.07,
      actualPersons: 1000,
      expectedPersons: 990,
      publishedResidualPersons: 10,
      publishedRank: 3,
      columns: {},
      ...over,
    });
    // 8.31 − 8.24 − 0.08 = −0.01: published rounding, not an inconsistency.
    expect(findPublishedInconsistencies([row({ publishedResidualPp: 0.08 })], 98)).toEqual([]);
    expect(findPublishedInconsistencies([row({ publishedResidualPp: 0.09 })], 98)).toHaveLength(1);
    // Counts are rounded to tens: 15 off passes, 20 does not.
    expect(findPublishedInconsistencies([row({ publishedResidualPersons: 25 })], 98)).toEqual([]);
    expect(findPublishedInconsistencies([row({ publishedResidualPersons: 30 })], 98)).toHaveLength(
      1,
    );
    expect(findPublishedInconsistencies([row({ publishedRank: 99 })], 98)[0]?.message).toMatch(
      /outside 1…98/,
    );
    expect(findPublishedInconsistencies([row({ publishedRank: 0 })], 98)).toHaveLength(1);
  });
});

describe("total and region rows", () => {
  it("are skipped and counted in one warning; the ranking is the clean file's", async () => {
    const clean = await computeBenchmark({});
    const dirty = await computeBenchmark({ inputs: [corpus("benchmark-aggregate-rows.jsonl")] });
    expect(dirty.results.map((r) => [r.municipality, r.rank])).toEqual(
      clean.results.map((r) => [r.municipality, r.rank]),
    );
    expect(dirty.warnings).toHaveLength(1);
    expect(dirty.warnings[0]).toMatchObject({
      code: "W_SKIPPED_AGGREGATE_ROWS",
      municipality: null,
    });
    // Six aggregate rows per group, four groups in the file; the slice reads them all.
    expect(dirty.warnings[0]?.message).toMatch(/skipped 24 row\(s\).*Hele landet/);
  });

  it("isAggregateArea knows the names and patterns, and no municipality", () => {
    for (const name of [
      "Hele landet",
      "I alt",
      "Region Hovedstaden",
      "region  syddanmark",
      "Landsdel Østjylland",
      "Danmark",
      "000",
    ]) {
      expect(isAggregateArea(name), name).toBe(true);
    }
    for (const name of ["København", "Bornholm", "Regionen", "", "Aarhus"]) {
      expect(isAggregateArea(name), name).toBe(false);
    }
  });
});

describe("option checks that were accepted with exit 0", () => {
  it('--covariates "" and a non-positive --cost-per-fte name the flag', () => {
    expect(() => normaliseBenchmarkOptions({ covariates: [""] })).toThrow(/--covariates is empty/);
    expect(() => normaliseBenchmarkOptions({ costPerFte: -5 })).toThrow(/--cost-per-fte/);
    expect(() => normaliseBenchmarkOptions({ costPerFte: 0 })).toThrow(UsageError);
    expect(normaliseBenchmarkOptions({ costPerFte: 400000 }).options.costPerFte).toBe(400000);
  });

  it("a duplicate --weights key is refused", () => {
    expect(() => parseWeights("activation_rate=0.5,activation_rate=0.5")).toThrow(
      /--weights gives 'activation_rate' twice/,
    );
  });

  it("explain: --unit foo, and flags of the other ranking kind", () => {
    expect(() => normaliseExplainOptions({ unit: "Billund", unitKind: "foo" })).toThrow(
      /--unit expects/,
    );
    expect(() =>
      normaliseExplainOptions({ unit: "Billund", kind: "index", covariates: "default" }),
    ).toThrow(/--covariates applies to the benchmark, not to --kind index/);
    expect(() =>
      normaliseExplainOptions({ unit: "Billund", kind: "benchmark", method: "fh" }),
    ).toThrow(/--method applies to the index/);
    expect(() => normaliseExplainOptions({ unit: "Billund", covariates: " " })).toThrow(
      /--covariates is empty/,
    );
    expect(
      normaliseExplainOptions({ unit: "Billund", kind: "index", unitKind: "municipality" }).kind,
    ).toBe("index");
  });
});

describe("check on a golden written before coverage and warnings", () => {
  it("still agrees, and a changed coverage in a newer golden is a change", async () => {
    const { readFileSync } = await import("node:fs");
    const { compareDocuments } = await import("../../src/pipeline/check/compare.js");
    const golden = JSON.parse(
      readFileSync(corpus("../golden/benchmark-2021QMAT04-all.json"), "utf8"),
    ) as Record<string, unknown>;
    const { document } = await runBenchmark(golden.options as Record<string, unknown>);
    const { coverage: _c, warnings: _w, ...older } = golden;
    expect(compareDocuments(older, document.json, { tolerance: 1e-9 })).toEqual([]);
    const edited = { ...golden, coverage: { present: 97, expected: 98, missing: ["101"] } };
    expect(compareDocuments(edited, document.json, { tolerance: 1e-9 }).length).toBeGreaterThan(0);
  });
});
