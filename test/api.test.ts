import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";

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

  it("exports the least-squares kernel: flat typed arrays and rows give the same fit", () => {
    // y = 1, 2, 2, 4 on x = 0, 1, 2, 3: slope 0.9, intercept 0.9 (test/benchmark/ols.test.ts).
    const flat = api.fitLeastSquares({
      covariates: Float64Array.of(0, 1, 2, 3),
      outcome: Float64Array.of(1, 2, 2, 4),
    });
    expect(flat.estimate[0]).toBeCloseTo(0.9, 14);
    expect(flat.estimate[1]).toBeCloseTo(0.9, 14);
    const rows = api.fitOls({ covariates: [[0], [1], [2], [3]], outcome: [1, 2, 2, 4] });
    expect(rows.coefficients.map((c) => c.estimate)).toEqual([...flat.estimate]);
    expect(rows.leverage).toEqual([...flat.leverage]);
    expect(() => api.fitOls({ covariates: [[7], [7], [7]], outcome: [1, 2, 3] })).toThrow(
      api.RankDeficientError,
    );
  });
});
