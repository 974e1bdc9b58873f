/**
 * The issue-15 method choices through `runIndex`: imputation by region and by the quarter
 * before, outlier treatment marked in every output, computed weights, and the profile
 * checks that keep the choices consistent.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError, UsageError } from "../../src/diagnostics.js";
import { explainIndex } from "../../src/pipeline/index/explain.js";
import { runIndex } from "../../src/pipeline/index/run.js";
import { renderCsv } from "../../src/report/csv.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { profileWith } from "./helpers.js";

const MISSING = ["fixtures/index/missing-values.csv"];
const DEMO = ["data/demo/fh-synthetic-2019K1-2024K4.csv"];

interface Result {
  id: string;
  score: number;
  rank: number;
  weights?: Record<string, number>;
  indicators: Record<
    string,
    { value: number; normalised: number; imputed?: true; treated?: string; treated_value?: number }
  >;
}
const results = (json: Record<string, unknown>) => json.results as Result[];

/** A profile file in test-artifacts: fh with `changes`. */
function profileFile(name: string, changes: Record<string, unknown>): string {
  const dir = join("test-artifacts");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `methods-${name}.json`);
  const json = profileWith({ name, ...changes }).json as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...json, ...changes }));
  return file;
}

describe("imputation by region and by the quarter before", () => {
  it("impute-group-mean: Billund's missing sickness duration is the mean of Syddanmark's others", async () => {
    const { document } = await runIndex({
      inputs: MISSING,
      missing: "impute-group-mean",
      period: "2021K4",
    });
    const billund = results(document.json).find((r) => r.id === "530");
    // The only other unit of Region Syddanmark in the fixture is Esbjerg-Fanø: its value,
    // by hand from the fixture's counts (15645 + 210 weeks over 1490 + 22 spells).
    expect(billund?.indicators.sickness_duration?.value).toBeCloseTo((15645 + 210) / 1512, 12);
    expect(billund?.indicators.sickness_duration?.imputed).toBe(true);
    expect(document.rows.find((r) => r.id === "530")?.sickness_duration_mark).toBe("*");
    expect(document.json.imputed).toEqual([
      expect.objectContaining({
        id: "530",
        indicator: "sickness_duration",
        imputation: "group-mean",
        from: "Syddanmark",
      }),
    ]);
    expect(
      document.notes.some((n) => n.includes("the mean of the other jobcentres of Syddanmark")),
    ).toBe(true);
  });

  it("impute-previous: Frederikshavn-Læsø's missing count takes its own value of 2021K4", async () => {
    const before = await runIndex({ inputs: MISSING, missing: "drop", period: "2021K4" });
    const { document } = await runIndex({
      inputs: MISSING,
      missing: "impute-previous",
      period: "2022K1",
    });
    const then = results(before.document.json).find((r) => r.id === "813-825");
    const now = results(document.json).find((r) => r.id === "813-825");
    expect(now?.indicators.nonwestern_excess_unemployment?.value).toBe(
      then?.indicators.nonwestern_excess_unemployment?.value,
    );
    expect(now?.indicators.nonwestern_excess_unemployment?.imputed).toBe(true);
    expect(document.json.imputed).toEqual([
      expect.objectContaining({ id: "813-825", imputation: "previous", from: "2021K4" }),
    ]);
    expect(document.json.options).toMatchObject({ missing: "impute-previous", period: "2022K1" });
  });

  it("impute-previous without the quarter before is an error naming why", async () => {
    const run = runIndex({ inputs: MISSING, missing: "impute-previous", period: "2021K4" });
    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toThrow(
      /Billund \(530\), 2021K4, sickness_duration: .*cannot impute: the quarter before is not in the input/,
    );
  });
});

describe("outlier treatment is marked in every output", async () => {
  // Thresholds low enough that the demo's skewed indicators are flagged.
  const file = profileFile("treated", {
    treatment: { type: "coinr", winsorise_max: 3, skewness: 0.5, kurtosis: 0.3 },
  });
  const { document } = await runIndex({ inputs: DEMO, method: file });
  const treatment = document.json.treatment as Array<{
    indicator: string;
    method: string;
    winsorised: number;
  }>;

  it("the JSON says per indicator what was done, and per value how", () => {
    const treated = treatment.filter((t) => t.method !== "none");
    expect(treated.length).toBeGreaterThan(0);
    const marked = results(document.json).flatMap((r) =>
      Object.entries(r.indicators).filter(([, v]) => v.treated !== undefined),
    );
    for (const t of treated) {
      const values = marked.filter(([id]) => id === t.indicator);
      if (t.method === "winsorised") expect(values).toHaveLength(t.winsorised);
      else expect(values).toHaveLength(results(document.json).length);
    }
    for (const [, v] of marked) {
      expect(typeof v.treated_value).toBe("number");
      expect(v.treated_value).not.toBe(v.value);
    }
  });

  it("the table, Markdown and CSV mark the treated values", () => {
    const row = document.rows.find((r) => typeof r.treated === "string" && r.treated !== "");
    expect(row).toBeDefined();
    const id = String(row?.treated).split(" ")[0] as string;
    expect(row?.[`${id}_mark`]).toContain("†");
    expect(renderMarkdown(document)).toContain("†");
    const csv = renderCsv(document, { locale: "en" });
    expect(csv.split("\n")[0]).toContain("treated");
    expect(document.notes.some((n) => n.startsWith("Outliers (marked †)"))).toBe(true);
  });

  it("--uncertainty refuses what it cannot redraw", async () => {
    await expect(runIndex({ inputs: DEMO, method: file, uncertainty: 10 })).rejects.toThrow(
      UsageError,
    );
  });
});

describe("computed weights and other aggregations on the demo", () => {
  it("benefit of the doubt: scores 0–1, the best at 1, each unit's shares within bounds", async () => {
    const file = profileFile("bod", {
      normalisation: { type: "minmax" },
      weights: undefined,
      weighting: { type: "benefit_of_the_doubt", lower: 0.1, upper: 0.4 },
    });
    const { document } = await runIndex({ inputs: DEMO, method: file });
    const rs = results(document.json);
    expect(Math.max(...rs.map((r) => r.score))).toBeCloseTo(1, 12);
    for (const r of rs) {
      expect(r.score).toBeLessThanOrEqual(1 + 1e-12);
      const shares = Object.values(r.weights ?? {});
      expect(shares).toHaveLength(5);
      for (const s of shares) expect(s).toBeGreaterThanOrEqual(0.1 - 1e-9);
    }
    // explain: with the unit's own weights, the contributions add up to its score.
    const { data } = await explainIndex({ inputs: DEMO, method: file, unit: rs[10]?.id ?? "" });
    const contributions = data.contributions as { total: number };
    expect(contributions.total).toBeCloseTo(rs[10]?.score ?? Number.NaN, 12);
  });

  it("PCA weights are recorded per quarter and sum to 1", async () => {
    const file = profileFile("pca", { weights: undefined, weighting: { type: "pca" } });
    const { document } = await runIndex({ inputs: DEMO, method: file });
    const w = Object.values(document.json.weights as Record<string, number>);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(
      document.notes.some((n) =>
        n.startsWith("Weights of 2024K4 from the first principal component"),
      ),
    ).toBe(true);
  });

  it("Copeland scores are whole numbers summing to 0", async () => {
    const file = profileFile("copeland", { aggregation: { type: "copeland" } });
    const { document } = await runIndex({ inputs: DEMO, method: file });
    const scores = results(document.json).map((r) => r.score);
    expect(scores.every(Number.isInteger)).toBe(true);
    expect(scores.reduce((a, b) => a + b, 0)).toBe(0);
  });
});

describe("profile checks for the new choices", () => {
  const problems = (changes: Record<string, unknown>): string => {
    try {
      profileWith(changes);
    } catch (error) {
      if (error instanceof InputError) return error.diagnostics.map((d) => d.message).join("\n");
      throw error;
    }
    return "";
  };
  it("names each mistake with its JSON path", () => {
    expect(problems({ normalisation: { type: "goalposts", goalposts: {} } })).toContain(
      "normalisation.goalposts: no goalposts for indicator 'upskilling_share'",
    );
    expect(problems({ weighting: { type: "pca" } })).toContain(
      "weighting: weighting computes the weights: leave out 'weights'",
    );
    expect(
      problems({
        weights: undefined,
        aggregation: { type: "geometric", shift: 4 },
        weighting: { type: "benefit_of_the_doubt" },
      }),
    ).toContain("aggregation: benefit_of_the_doubt weights a mean");
    expect(
      problems({ weights: undefined, weighting: { type: "benefit_of_the_doubt", lower: 0.3 } }),
    ).toContain("must admit equal weights 1/5");
    expect(problems({ aggregation: { type: "generalised", power: 0 } })).toContain(
      "aggregation.power: power 0 is the geometric mean",
    );
    expect(
      problems({ treatment: { type: "coinr" }, winsorise: { lower: 0.05, upper: 0.95 } }),
    ).toContain("treatment: treatment and winsorise both treat outliers");
    expect(problems({ alternatives: { aggregations: [{ type: "copeland" }] } })).toContain(
      "alternatives.aggregations[0]",
    );
  });
  it("the shipped profiles parse unchanged (no new defaults in their JSON)", () => {
    const fh = profileWith({});
    expect(fh.json.treatment).toBeUndefined();
    expect(fh.json.weighting).toBeUndefined();
  });
});
