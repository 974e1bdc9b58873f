/**
 * `runAudit` on the shipped data against numpy (scripts/audit-fixture.py →
 * fixtures/audit/statistics.json, "demo"): the fh demo data in 2024K4, and the open
 * profile on its shipped data (impute-mean: imputed values left out of the statistics),
 * to 1e-9; and the JSON fields of CLI.md.
 */
import { describe, expect, it } from "vitest";
import { AUDIT_SOBOL_RUNS } from "../../src/pipeline/audit/options.js";
import { runAudit } from "../../src/pipeline/audit/run.js";
import { DEFAULT_RUNS } from "../../src/uncertainty/index-simulation.js";
import { close, closeStatistics, fixture, type Statistics, type Structure } from "./helpers.js";

interface DemoCase extends Structure {
  method: string;
  period: string;
  units: string[];
  measured: Array<Array<number | null>>;
  reference_ranks: number[];
  indicators: Array<Statistics & { id: string; imputed: number }>;
  leave_one_out: Array<{ indicator: string; mean_abs_rank_change: number; ranks: number[] }>;
}

interface AuditJson {
  command: string;
  period: string;
  unit: string;
  method: string;
  indicators: Array<Statistics & { id: string; imputed: number }>;
  correlation: { ids: string[]; matrix: number[][]; pairs: unknown[] };
  cronbach_alpha: number;
  pca: { variance_share: number[] };
  leave_one_out: Array<{
    indicator: string;
    mean_abs_rank_change: number;
    ranks: Record<string, number>;
  }>;
  sobol: Array<{ factor: string; first_order: number; total_order: number }>;
  options: Record<string, unknown>;
}

const cases = fixture<{ demo: DemoCase[] }>("statistics.json").demo;

describe.each(cases)("audit of $method $period against numpy", (truth) => {
  it("statistics, correlations, alpha, PCA and leave-one-out", async () => {
    const { document } = await runAudit({
      method: truth.method,
      period: truth.period,
      uncertainty: 0,
    });
    const json = document.json as unknown as AuditJson;
    expect(json).toMatchObject({
      command: "audit",
      period: truth.period,
      unit: "jobcentre",
      method: truth.method,
    });
    expect(json.indicators.map((i) => i.id)).toEqual(truth.indicators.map((i) => i.id));
    json.indicators.forEach((actual, j) => {
      const expected = truth.indicators[j] as DemoCase["indicators"][number];
      closeStatistics(actual, expected, actual.id);
      expect(actual.imputed).toBe(expected.imputed);
    });
    expect(json.correlation.ids).toEqual(truth.indicators.map((i) => i.id));
    json.correlation.matrix.forEach((row, a) => {
      row.forEach((r, b) => {
        close(r, truth.correlation[a]?.[b] as number, `r[${a}][${b}]`);
      });
    });
    close(json.cronbach_alpha, truth.cronbach_alpha, "alpha");
    json.pca.variance_share.forEach((s, i) => {
      close(s, truth.variance_share[i] as number, `PC${i + 1}`);
    });
    json.leave_one_out.forEach((l, j) => {
      const expected = truth.leave_one_out[j] as DemoCase["leave_one_out"][number];
      expect(l.indicator).toBe(expected.indicator);
      expect(truth.units.map((id) => l.ranks[id])).toEqual(expected.ranks);
      close(l.mean_abs_rank_change, expected.mean_abs_rank_change, l.indicator);
    });
    expect(json.sobol).toEqual([]);
    expect(json.options).toMatchObject({ command: "audit", uncertainty: 0, method: truth.method });
  });
});

describe("audit options", () => {
  it("the open profile's imputed values are counted and left out", () => {
    const open = cases.find((c) => c.method === "open") as DemoCase;
    expect(open.indicators.some((i) => i.imputed > 0)).toBe(true);
  });

  it("the Sobol design's default N is the uncertainty analysis's", () => {
    expect(AUDIT_SOBOL_RUNS).toBe(DEFAULT_RUNS);
  });

  it("the Sobol indices are seeded: the same seed, the same numbers; clipped to [0, 1]", async () => {
    const one = await runAudit({ period: "2024K4", uncertainty: 300, seed: 5 });
    const again = await runAudit({ period: "2024K4", uncertainty: 300, seed: 5 });
    const other = await runAudit({ period: "2024K4", uncertainty: 300, seed: 6 });
    const sobol = (one.document.json as unknown as AuditJson).sobol;
    expect(sobol).toEqual((again.document.json as unknown as AuditJson).sobol);
    expect(sobol).not.toEqual((other.document.json as unknown as AuditJson).sobol);
    expect(sobol.map((s) => s.factor)).toEqual([
      "normalisation",
      "aggregation",
      "weight:upskilling_share",
      "weight:sickness_duration",
      "weight:nonwestern_excess_unemployment",
      "weight:activation_rate",
      "weight:unemployment_duration",
    ]);
    for (const s of sobol as Array<Record<string, number | string>>) {
      for (const key of [
        "first_order",
        "total_order",
        "first_order_low",
        "first_order_high",
        "total_order_low",
        "total_order_high",
      ]) {
        expect(s[key]).toBeGreaterThanOrEqual(0);
        expect(s[key]).toBeLessThanOrEqual(1);
      }
      expect(s.first_order_low as number).toBeLessThanOrEqual(s.first_order_high as number);
    }
    expect(one.document.json).toMatchObject({ options: { uncertainty: 300, seed: 5 } });
  });

  it("a one-indicator profile (ukraine): statistics, no leave-one-out, no Sobol factors", async () => {
    const { document } = await runAudit({ method: "ukraine", unit: "municipality" });
    const json = document.json as unknown as AuditJson;
    expect(json.indicators).toHaveLength(1);
    expect(json.correlation.matrix).toEqual([[1]]);
    expect(json.cronbach_alpha).toBeNull();
    expect(json.pca.variance_share).toEqual([1]);
    expect(json.leave_one_out).toEqual([]);
    expect(json.sobol).toEqual([]);
    expect(document.sections.map((s) => s.title).join(" ")).not.toContain("without");
  });

  it("refuses a bad period and bad Sobol options before reading", async () => {
    await expect(runAudit({ period: "2024K5" })).rejects.toThrow(/period/);
    await expect(runAudit({ uncertainty: -1 })).rejects.toThrow(/--uncertainty/);
    await expect(runAudit({ uncertainty: 0, seed: 3 })).rejects.toThrow(/--seed/);
  });
});
