import { describe, expect, it } from "vitest";
import { InputError, UsageError } from "../../src/diagnostics.js";
import { computeBenchmark, runBenchmark } from "../../src/pipeline/benchmark/run.js";

async function diagnosticsOf(promise: Promise<unknown>): Promise<InputError["diagnostics"]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InputError) return error.diagnostics;
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("model mode on the shipped Y30R21 extract", () => {
  it("switches to model mode with --covariates and keeps STAR's expected value beside", async () => {
    const { document } = await runBenchmark({ covariates: ["default"] });
    const json = document.json as Record<string, unknown> & {
      results: Array<Record<string, unknown>>;
      model: {
        n: number;
        k: number;
        covariates: Array<{ term: string; years: number[]; fallback: string[] }>;
      };
    };
    expect(json.mode).toBe("model");
    expect(json.model.n).toBe(98);
    expect(json.model.k).toBe(7);
    expect(json.results.every((r) => typeof r.expected_star_pct === "number")).toBe(true);
    expect(json.results.every((r) => typeof r.published_rank === "number")).toBe(true);
    expect(json.population_source).toBe("implied");
    // 2021QMAT04 → year 2021: education is observed in 2019 and 2022, so 2019 is used.
    const education = json.model.covariates.find((c) => c.term === "education");
    expect(education?.years).toEqual([2019]);
    expect(education?.fallback).toEqual([]);
    expect(document.notes.some((n) => n.includes("implied by the Y30R21 extract"))).toBe(true);
  });

  it("translates residual persons into a yearly cost", async () => {
    const outcome = await computeBenchmark({ covariates: ["default"], costPerFte: 400000 });
    for (const r of outcome.results)
      expect(r.costDkk).toBeCloseTo((r.residualPersons ?? 0) * 400000, 6);
  });

  it("joins long files as of the period, and flags a later-year fallback", async () => {
    const outcome = await computeBenchmark({
      inputs: ["fixtures/benchmark/lm-input.csv"],
      period: "2021",
      covariates: ["log(density_test),late_only"],
      covariateData: ["fixtures/benchmark/covariates"],
    });
    const [density, late] = outcome.model?.covariates ?? [];
    expect(density?.years).toEqual([2019]);
    expect(density?.fallback).toEqual([]);
    expect(late?.years).toEqual([2023]);
    expect(late?.fallback).toHaveLength(98);
    // The 2019 density equals the input's own column: same fit as using the column directly.
    const direct = await computeBenchmark({
      inputs: ["fixtures/benchmark/lm-input.csv"],
      covariates: ["log(population_density),age65_pct"],
    });
    expect(outcome.model?.summary.coefficients[1]?.estimate).toBeCloseTo(
      direct.model?.summary.coefficients[1]?.estimate ?? 0,
      12,
    );
  });

  it("takes the outcome from counts (public_support_fte, population_16_66) as well as from a share", async () => {
    const fromCounts = await computeBenchmark({
      inputs: ["fixtures/benchmark/counts-input.csv"],
      covariates: ["income,education"],
    });
    const fromShare = await computeBenchmark({
      inputs: ["fixtures/benchmark/lm-input.csv"],
      covariates: ["income,education"],
    });
    expect(fromCounts.period).toBe("2021QMAT04");
    expect(fromCounts.population).toBe("input");
    fromCounts.model?.summary.coefficients.forEach((c, j) => {
      expect(c.estimate).toBeCloseTo(fromShare.model?.summary.coefficients[j]?.estimate ?? 0, 9);
    });
    const billund = fromCounts.results.find((r) => r.name === "Billund");
    expect(billund?.residualPersons).toBeCloseTo(
      ((billund?.residualPp ?? 0) / 100) * 16606.49819494585,
      6,
    );
  });

  it("marks municipalities outside the prediction interval", async () => {
    const outcome = await computeBenchmark({ covariates: ["default"], interval: 0.9 });
    const positions = new Set(outcome.results.map((r) => r.interval?.position));
    expect(positions.has("within")).toBe(true);
    expect(positions.has("below") || positions.has("above")).toBe(true);
  });
});

describe("bad input gives diagnostics with file and line", () => {
  it("reports an unknown municipality, a bad number and a missing value together", async () => {
    const diagnostics = await diagnosticsOf(
      runBenchmark({ inputs: ["fixtures/benchmark/bad/bad-rows.csv"], covariates: ["income"] }),
    );
    const codes = diagnostics.map((d) => [d.code, d.line]);
    expect(codes).toContainEqual(["E_UNKNOWN_MUNICIPALITY", 3]);
    expect(codes).toContainEqual(["E_NOT_A_NUMBER", 4]);
    expect(diagnostics.find((d) => d.code === "E_UNKNOWN_MUNICIPALITY")?.message).toContain(
      "Gladsaxe",
    );
    expect(diagnostics.every((d) => d.file === "fixtures/benchmark/bad/bad-rows.csv")).toBe(true);
  });

  it("reports a missing covariate value by municipality and line", async () => {
    const diagnostics = await diagnosticsOf(
      runBenchmark({
        inputs: ["fixtures/benchmark/lm-input.csv", "fixtures/benchmark/bad/no-outcome.csv"],
      }),
    );
    expect(diagnostics[0]?.code).toBe("E_MISSING_COLUMN");
    expect(diagnostics[0]?.file).toBe("fixtures/benchmark/bad/no-outcome.csv");
  });

  it("refuses log() of zero, naming the municipality", async () => {
    const diagnostics = await diagnosticsOf(
      runBenchmark({
        inputs: ["fixtures/benchmark/bad/zero-density.csv"],
        covariates: ["log(population_density)"],
      }),
    );
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.code).toBe("E_LOG_NONPOSITIVE");
    expect(diagnostics[0]?.message).toContain("Billund");
    expect(diagnostics[0]?.line).toBeGreaterThan(1);
  });

  it("refuses a municipality twice in one period", async () => {
    const diagnostics = await diagnosticsOf(
      runBenchmark({ inputs: ["fixtures/benchmark/bad/duplicate.csv"], covariates: ["income"] }),
    );
    expect(diagnostics.map((d) => d.code)).toEqual(["E_DUPLICATE_ROW"]);
    expect(diagnostics[0]?.line).toBe(100);
  });

  it("refuses collinear covariates", async () => {
    const diagnostics = await diagnosticsOf(
      runBenchmark({
        inputs: ["fixtures/benchmark/bad/collinear.csv"],
        covariates: ["income,income_twice"],
      }),
    );
    expect(diagnostics.map((d) => d.code)).toEqual(["E_COLLINEAR"]);
    expect(diagnostics[0]?.message).toContain("income_twice");
  });

  it("gives usage errors for unknown covariates, groups and periods", async () => {
    await expect(runBenchmark({ covariates: ["no_such_thing"] })).rejects.toThrow(UsageError);
    await expect(runBenchmark({ group: "Pension" })).rejects.toThrow(/not in the input/);
    await expect(runBenchmark({ period: "2019K4" })).rejects.toThrow(/not in the input/);
    await expect(runBenchmark({ period: "yesterday" })).rejects.toThrow(UsageError);
    await expect(runBenchmark({ interval: 1.5 })).rejects.toThrow(UsageError);
    await expect(runBenchmark({ inputs: ["fixtures/benchmark/lm-input.csv"] })).rejects.toThrow(
      /--covariates/,
    );
  });
});
