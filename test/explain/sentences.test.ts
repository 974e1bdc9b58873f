/**
 * Explain's sentences on the cases that hit their edges (issue 13): all contributions
 * negative, a plain sum of points, a tie partner, the minus sign, the labels' capitals,
 * scores that read alike, the model's covariates, and the STAR column the footer names.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { ScoredUnit } from "../../src/composite/types.js";
import { useLang } from "../../src/i18n/index.js";
import { explainBenchmark } from "../../src/pipeline/benchmark/explain.js";
import { runBenchmark } from "../../src/pipeline/benchmark/run.js";
import { distinguishingDigits, explainIndex } from "../../src/pipeline/index/explain.js";
import { runIndex } from "../../src/pipeline/index/run.js";
import { renderTable } from "../../src/report/table.js";

afterEach(() => useLang("en"));

describe("index explain", () => {
  it("never calls a negative contribution a strength", async () => {
    const { lines, data } = await explainIndex({ unit: "København", period: "2024K4" });
    const parts = (data.indicators as Array<{ contribution: number }>).map((i) => i.contribution);
    expect(parts.every((p) => p < 0)).toBe(true);
    expect(lines.join("\n")).not.toContain("Strongest");
    expect(lines).toContainEqual(expect.stringMatching(/^No indicator is a strength here/));
  });

  it("uses one minus sign (U+2212) throughout, never ASCII before a digit", async () => {
    const { lines } = await explainIndex({ unit: "København", period: "2024K4" });
    const text = lines.join("\n");
    expect(text).toContain("\u2212");
    expect(text).not.toMatch(/(^|[\s(])-\d/m);
  });

  it("keeps the capital of non-Western inside a sentence", async () => {
    const { lines } = await explainIndex({ unit: "Billund", period: "2024K4" });
    const text = lines.join("\n");
    expect(text).not.toContain("non-western");
    expect(text).toContain("non-Western");
  });

  it("describes fh-points as a plain sum of points, not a weighted sum", async () => {
    const { lines } = await explainIndex({ unit: "Billund", method: "fh-points" });
    const method = lines.find((l) => l.startsWith("Method fh-points"));
    expect(method).toContain("the plain sum of the points");
    expect(method).not.toMatch(/weighted|1\/5/);
  });

  it("names a tie partner as sharing the place, never as just above or below", async () => {
    const { document } = await runIndex({ method: "fh-points" });
    const tied = document.rows.find((r) => r.tied === true);
    const partners = document.rows.filter((r) => r.rank === tied?.rank && r !== tied);
    expect(partners.length).toBeGreaterThan(0);
    const { lines } = await explainIndex({ unit: String(tied?.id), method: "fh-points" });
    expect(lines[0]).toContain("shared with");
    const neighbours = lines.find((l) => /^(Just above|Nobody ranks above)/.test(l)) ?? "";
    for (const p of partners) expect(neighbours).not.toContain(`${p.name} (`);
  });

  it("adds a digit when scores of different places would read the same", () => {
    const unit = (rank: number, score: number) => ({ rank, score }) as unknown as ScoredUnit;
    expect(distinguishingDigits([unit(1, 25.04), unit(2, 25.01)], 1)).toBe(2);
    expect(distinguishingDigits([unit(1, 25.0), unit(1, 25.0), unit(3, 24)], 0)).toBe(0);
    expect(distinguishingDigits([unit(1, 1.2341), unit(2, 1.2339)], 3)).toBe(4);
  });

  it("speaks Danish with --lang da: words and numbers", async () => {
    useLang("da");
    const { lines } = await explainIndex({ unit: "København", period: "2024K4" });
    expect(lines[0]).toMatch(
      /^København har 87\. pladsen blandt 95 jobcentre i 2024K4 med en score på −0,\d{3}\.$/,
    );
    expect(lines.join("\n")).toContain("Merledighed for ikke-vestlige indvandrere");
  });
});

describe("benchmark explain, model mode", () => {
  it("names each covariate by its label from data/benchmark/covariate-labels.json", async () => {
    const { lines } = await explainBenchmark({ unit: "Gladsaxe", covariates: ["default"] });
    const text = lines.join("\n");
    expect(text).toContain("pp from full-time employees per 1,000 residents (employment_per_1000:");
    expect(text).toContain("log of average disposable income, DKK (log(income):");
    expect(text).not.toMatch(/pp from [a-z_]+ \(/);
    expect(text).not.toMatch(/(^|[\s(])-\d/m);
  });

  it("a footer about STAR's expected share goes with a STAR column in the table", async () => {
    const { document } = await runBenchmark({ covariates: ["default"] });
    const promises = document.notes.some((n) => n.includes("STAR's own expected share"));
    const column = document.columns.some((c) => c.key === "expected_star_pct");
    expect(promises).toBe(column);
    if (column) {
      const table = renderTable(document, { color: false, width: 100 });
      expect(table).toContain("STAR");
    }
  });
});
