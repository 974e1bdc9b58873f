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
});
