import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/diagnostics.js";
import { explainBenchmark } from "../../src/pipeline/benchmark/explain.js";

describe("explainBenchmark", () => {
  it("says where a municipality stands in published mode, in quotable sentences", async () => {
    const { lines, data } = await explainBenchmark({ unit: "Gladsaxe" });
    expect(lines[0]).toBe(
      "Gladsaxe had 1.14 pct. points fewer of its 16–66-year-olds on public support than expected (510 fewer full-time persons); that ranks it 1 of 98 in 2021QMAT04.",
    );
    expect(lines).toContain(
      "Actual share: 6.97%; STAR's expected share (jobindsats Y30R21): 8.11%.",
    );
    expect(data.neighbours.map((n) => n.rank)).toEqual([2, 3]);
  });

  it("gives two neighbours above and two below, and names the municipalities a tie is shared with", async () => {
    const { lines, data } = await explainBenchmark({ unit: "herlev", period: "2021QMAT04" });
    expect(data.result.rank).toBe(7);
    expect(data.result.tied).toBe(true);
    expect(data.neighbours).toHaveLength(4);
    expect(lines.some((l) => l.includes("shares place 7= with Fredensborg"))).toBe(true);
  });

  it("splits the model's expectation into each covariate's contribution", async () => {
    const { data } = await explainBenchmark({
      unit: "530",
      covariates: ["default"],
      costPerFte: 400000,
    });
    const contributions = data.contributions ?? [];
    expect(contributions).toHaveLength(6);
    // Without weights or leave-one-out: expected = mean expectation + Σ contributions.
    const sum = contributions.reduce((s, c) => s + c.contribution, 0);
    expect((data.average_expected_pct ?? 0) + sum).toBeCloseTo(data.result.expectedPct, 10);
  });

  it("refuses an unknown municipality with a suggestion", async () => {
    await expect(explainBenchmark({ unit: "Gladsax" })).rejects.toThrow(UsageError);
    await expect(explainBenchmark({ unit: "Gladsax" })).rejects.toThrow(/Gladsaxe/);
  });
});
