import { describe, expect, it } from "vitest";
import {
  decorateJsonResults,
  decorateRows,
  explainBenchmarkUncertainty,
  explainIndexUncertainty,
  formatCount,
  formatRankInterval,
  formatShare,
  insertUncertaintyColumns,
  reportIntervals,
  sensitivitySection,
  uncertaintyJson,
  uncertaintyNotes,
} from "../../src/pipeline/decorate/uncertainty.js";
import type { BenchmarkUncertainty, IndexUncertainty } from "../../src/uncertainty/types.js";

const index: IndexUncertainty = {
  kind: "monte-carlo",
  period: "2019K4",
  runs: 10_000,
  seed: 1,
  level: 0.9,
  weights: { kind: "dirichlet", concentration: Number.POSITIVE_INFINITY },
  scenarios: [
    { normalisation: { type: "zscore" }, aggregation: { type: "arithmetic" }, missing: "error" },
    { normalisation: { type: "rank" }, aggregation: { type: "arithmetic" }, missing: "error" },
  ],
  excluded: [
    {
      normalisation: { type: "distance_to_best" },
      aggregation: { type: "arithmetic" },
      missing: "error",
      reason: "nonwestern_excess_unemployment: distance_to_best needs every value > 0",
    },
  ],
  units: [
    {
      id: "530",
      name: "Billund",
      rank: 1,
      tied: false,
      rankInterval: { low: 1, median: 2, high: 4 },
      pTop10: 0.998,
      ranked: 10_000,
    },
    {
      id: "561-563",
      name: "Esbjerg-Fanø",
      rank: 12,
      tied: true,
      rankInterval: { low: 8, median: 12, high: 15 },
      pTop10: 0.2,
      ranked: 9_000,
    },
  ],
  sensitivity: [
    { factor: "normalisation", kind: "discrete", levels: 2, firstOrder: 0.62 },
    { factor: "weight:activation_rate", kind: "continuous", levels: 1, firstOrder: 0 },
    { factor: "aggregation", kind: "discrete", levels: 1, firstOrder: 0 },
  ],
};

const benchmark: BenchmarkUncertainty = {
  kind: "bootstrap",
  runs: 2_000,
  seed: 1,
  level: 0.9,
  criterion: "prediction",
  redrawn: 0,
  units: [
    {
      id: "530",
      name: "Billund",
      rank: 1,
      tied: false,
      residual: -2.1,
      rankInterval: { low: 1, median: 1, high: 3 },
      pTop10: 1,
      residualInterval: { low: -2.4, high: -1.8 },
      predictionInterval: { low: -3.1, high: -0.2 },
      distinguishable: true,
    },
    {
      id: "101",
      name: "København",
      rank: 40,
      tied: false,
      residual: 0.3,
      rankInterval: { low: 30, median: 41, high: 52 },
      pTop10: 0,
      residualInterval: { low: 0.1, high: 0.5 },
      predictionInterval: { low: -1.2, high: 1.8 },
      distinguishable: false,
    },
  ],
};

describe("presenting rank uncertainty", () => {
  it("writes the rank with its interval beside it", () => {
    expect(formatRankInterval(3, false, { low: 1, median: 3, high: 7 })).toBe("3 (1–7)");
    expect(formatRankInterval(12, true, { low: 8, median: 12, high: 15 })).toBe("12= (8–15)");
  });

  it("never rounds a share up to all or down to none", () => {
    expect(formatShare(1)).toBe("all");
    expect(formatShare(0)).toBe("none");
    expect(formatShare(0.998)).toBe("99.8 %");
    expect(formatShare(0.9999)).toBe("more than 99.9 %");
    expect(formatShare(0.0001)).toBe("less than 0.1 %");
    expect(formatCount(10_000)).toBe("10,000");
    expect(formatCount(999)).toBe("999");
  });

  it("explains an index unit in one sentence", () => {
    expect(explainIndexUncertainty(index, "530")).toBe(
      "In 90 % of 10,000 plausible variations of the method, Billund ranks between 1 and 4; it is in the top ten in 99.8 % of them.",
    );
    expect(explainIndexUncertainty(index, "561-563")).toBe(
      "In 90 % of 9,000 plausible variations of the method (it was dropped for missing data in 1,000 more), Esbjerg-Fanø ranks between 8 and 15; it is in the top ten in 20 % of them.",
    );
    expect(explainIndexUncertainty(index, "nowhere")).toBeUndefined();
    const firm = {
      ...index,
      units: [
        {
          ...(index.units[0] as IndexUncertainty["units"][number]),
          rankInterval: { low: 1, median: 1, high: 1 },
          pTop10: 1,
        },
      ],
    };
    expect(explainIndexUncertainty(firm, "530")).toBe(
      "In 90 % of 10,000 plausible variations of the method, Billund is at rank 1; it is in the top ten in all of them.",
    );
  });

  it("explains a benchmark municipality with its residual's interval", () => {
    expect(explainBenchmarkUncertainty(benchmark, "530")).toBe(
      "In 90 % of 2,000 refits of the model on resampled municipalities, Billund ranks between 1 and 3; it is in the top ten in all of them. Its residual, −2.10 pct. points, has a 90 % prediction interval that excludes 0 (−3.10 to −0.20): clearly below expectation.",
    );
    expect(explainBenchmarkUncertainty(benchmark, "101")).toMatch(
      /in none of them\. Its residual, \+0\.30 pct\. points, has a 90 % prediction interval that covers 0 \(−1\.20 to \+1\.80\): it cannot be told apart from its expected value\.$/,
    );
  });

  it("adds the JSON fields to each result by id", () => {
    const results = decorateJsonResults(
      [
        { id: "530", rank: 1 },
        { id: "561-563", rank: 12 },
        { id: "other", rank: 13 },
      ],
      "id",
      index,
    );
    expect(results[0]).toEqual({
      id: "530",
      rank: 1,
      rank_interval: { low: 1, median: 2, high: 4 },
      p_top10: 0.998,
    });
    expect(results[1]?.runs_ranked).toBe(9_000);
    expect(results[2]).toEqual({ id: "other", rank: 13 });
    const municipalities = decorateJsonResults(
      [{ municipality: "101" }],
      "municipality",
      benchmark,
    );
    expect(municipalities[0]).toEqual({
      municipality: "101",
      rank_interval: { low: 30, median: 41, high: 52 },
      p_top10: 0,
      distinguishable: false,
      residual_interval: { low: 0.1, high: 0.5 },
      prediction_interval: { low: -1.2, high: 1.8 },
    });
  });

  it("describes the analysis in a JSON block with plain numbers only", () => {
    const block = uncertaintyJson(index);
    expect(block).toMatchObject({ method: "monte-carlo", runs: 10_000, seed: 1, level: 0.9 });
    expect(block.weights).toEqual({ kind: "fixed" });
    expect(JSON.parse(JSON.stringify(block))).toEqual(block);
    expect(uncertaintyJson(benchmark)).toEqual({
      method: "bootstrap",
      runs: 2_000,
      seed: 1,
      level: 0.9,
      criterion: "prediction",
      redrawn: 0,
    });
  });

  it("puts the columns after the rank and fills the rows", () => {
    const columns = insertUncertaintyColumns(
      [
        { key: "rank", header: "Rank", kind: "rank" },
        { key: "name", header: "Name", kind: "text" },
      ],
      "rank",
      benchmark,
    );
    expect(columns.map((c) => c.key)).toEqual([
      "rank",
      "rank_interval",
      "rank_low",
      "rank_median",
      "rank_high",
      "p_top10",
      "distinguishable",
      "name",
    ]);
    expect(columns[1]?.header).toBe("Rank (90%)");
    const rows = decorateRows([{ municipality: "530", rank: 1 }], "municipality", benchmark);
    expect(rows[0]).toEqual({
      municipality: "530",
      rank: 1,
      rank_interval: "1 (1–3)",
      rank_low: 1,
      rank_median: expect.any(Number),
      rank_high: 3,
      p_top10: 1,
      distinguishable: "yes",
    });
  });

  it("gives the chart its intervals and the report its notes", () => {
    expect(reportIntervals(index)[1]).toEqual({
      id: "561-563",
      name: "Esbjerg-Fanø",
      rank: 12,
      low: 8,
      median: 12,
      high: 15,
    });
    const notes = uncertaintyNotes(index, new Map([["activation_rate", "Activation volume"]]));
    expect(notes[0]).toMatch(
      /^Rank intervals: 10,000 Monte Carlo variations of the method \(seed 1\): normalisation among zscore, rank;/,
    );
    expect(notes[1]).toMatch(/distance_to_best × arithmetic × missing error/);
    expect(notes[2]).toBe(
      "Of the assumptions varied, the choice of normalisation moves the ranks most: alone it explains 62 % of the rank variance (first-order index 0.62).",
    );
    expect(sensitivitySection(index).rows).toEqual([
      { factor: "the choice of normalisation", levels: 2, first_order: 0.62 },
    ]);
  });
});
