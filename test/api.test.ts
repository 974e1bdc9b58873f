import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as leastSquares from "../src/benchmark/ols.js";
import * as api from "../src/index.js";

const root = join(import.meta.dirname, "..");

describe("programmatic API", () => {
  it("runs the benchmark the command line runs, returning the CLI.md document", async () => {
    const { document, exitCode } = await api.runBenchmark({
      command: "benchmark",
      inputs: [],
      period: "2021QMAT04",
    });
    expect(exitCode).toBe(0);
    const results = document.json.results as Array<{ municipality: string; rank: number }>;
    expect(results).toHaveLength(98);
    expect(results[0]).toMatchObject({ municipality: "159", rank: 1 });
  });

  it("re-runs a recorded result to the same document", async () => {
    const first = await api.runIndex({ period: "2024K4" });
    const again = await api.rerun(first.document.json.options as Record<string, unknown>);
    expect(
      api.compareDocuments(first.document.json, again.document.json, { tolerance: 0 }),
    ).toEqual([]);
  });

  it("has the least-squares kernel as jobindex/least-squares: flat typed arrays and rows give the same fit", async () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
      exports: Record<string, string>;
    };
    const built = (await import(join(root, pkg.exports["./least-squares"] as string))) as {
      fitLeastSquares?: unknown;
    };
    expect(typeof built.fitLeastSquares).toBe("function");
    // Not in the main entry, whose import would then load stdlib's t distribution.
    expect("fitOls" in api).toBe(false);
    const fit = leastSquares;
    // y = 1, 2, 2, 4 on x = 0, 1, 2, 3: slope 0.9, intercept 0.9 (test/benchmark/ols.test.ts).
    const flat = fit.fitLeastSquares({
      covariates: Float64Array.of(0, 1, 2, 3),
      outcome: Float64Array.of(1, 2, 2, 4),
    });
    expect(flat.estimate[0]).toBeCloseTo(0.9, 14);
    expect(flat.estimate[1]).toBeCloseTo(0.9, 14);
    const rows = fit.fitOls({ covariates: [[0], [1], [2], [3]], outcome: [1, 2, 2, 4] });
    expect(rows.coefficients.map((c) => c.estimate)).toEqual([...flat.estimate]);
    expect(rows.leverage).toEqual([...flat.leverage]);
    expect(() => fit.fitOls({ covariates: [[7], [7], [7]], outcome: [1, 2, 3] })).toThrow(
      fit.RankDeficientError,
    );
  });
});
