/**
 * The covariate and index cases of the export corpus (fixtures/exports, made by
 * scripts/make-export-corpus-covariates.mjs from data/dst and the FH demo input): aliased
 * headers, decimal commas, StatBank's bulk shape and total/region rows give exactly the
 * shipped covariates' model-mode benchmark; the errors name what they found; total and
 * region rows in an index input are skipped and counted; a partial index input says so.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/diagnostics.js";
import { computeBenchmark } from "../../src/pipeline/benchmark/run.js";
import { yearOf } from "../../src/pipeline/benchmark/sources.js";
import { runIndex } from "../../src/pipeline/index/run.js";
import { isAggregateArea } from "../../src/registry/aggregates.js";

const corpus = (name: string) => join(import.meta.dirname, "..", "..", "fixtures", "exports", name);

async function modelRun(covariateData?: string) {
  return computeBenchmark({
    covariates: ["default"],
    period: "2021QMAT04",
    ...(covariateData !== undefined ? { covariateData: [covariateData] } : {}),
  });
}

async function inputErrors(run: Promise<unknown>) {
  try {
    await run;
  } catch (error) {
    if (error instanceof InputError) return error.diagnostics;
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("covariate files in the shapes exports have", () => {
  for (const folder of ["covariates-aliases", "covariates-statbank"]) {
    it(`${folder}: the shipped covariates' model-mode benchmark exactly, one warning for the total rows`, async () => {
      const shipped = await modelRun();
      const other = await modelRun(corpus(folder));
      const view = (o: typeof shipped) =>
        o.results.map((r) => [r.municipality, r.rank, r.expectedPct, r.residualPp]);
      expect(view(other)).toEqual(view(shipped));
      expect(other.mode === "model" && other.model?.summary).toEqual(
        shipped.mode === "model" && shipped.model?.summary,
      );
      const years = (o: typeof shipped) =>
        o.mode === "model"
          ? (o.model?.covariates ?? []).map((c) => [c.term, c.years, c.fallback])
          : [];
      expect(years(other)).toEqual(years(shipped));
      const sources =
        other.mode === "model" ? (other.model?.covariates ?? []).map((c) => c.source) : [];
      expect(sources).toHaveLength(6);
      for (const source of sources) expect(source).toContain(folder);
      const warnings = other.warnings.filter((w) => w.code === "W_SKIPPED_AGGREGATE_ROWS");
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.message).toMatch(/skipped \d+ covariate row\(s\) for totals or regions/);
      expect(warnings[0]?.message).toContain("income.csv");
      expect(shipped.warnings).toEqual([]);
    });
  }

  it("a header it cannot place: the header it saw and the closest alias", async () => {
    const diagnostics = await inputErrors(modelRun(corpus("covariates-bad-header")));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "E_MISSING_COLUMN", line: 1 });
    expect(diagnostics[0]?.file).toMatch(/covariates-bad-header[/\\]income\.csv$/);
    const message = diagnostics[0]?.message ?? "";
    expect(message).toContain('found header "kommunen", "aargang", "vaerdi"');
    expect(message).toContain("no municipality column");
    expect(message).toContain('"kommunen" is closest to "kommune"');
    expect(message).toContain("no year column");
    expect(message).not.toContain("no value column");
  });

  it("a StatBank variable holding several values: named, with how to select one", async () => {
    const diagnostics = await inputErrors(
      computeBenchmark({
        covariates: ["age65_pct"],
        period: "2021QMAT04",
        covariateData: [corpus("covariates-varying-variable")],
      }),
    );
    expect(diagnostics[0]).toMatchObject({ code: "E_COVARIATE_VARIABLE", line: 1, column: 2 });
    expect(diagnostics[0]?.message).toMatch(/^column KØN holds 2 values \("Mænd", "Kvinder"\)/);
    expect(diagnostics[0]?.message).toContain("--var KØN=CODE");
  });

  it("years as StatBank writes them", () => {
    expect([2019, "2019", "2019K1", "2019Q4", "2019M07", "2019H2"].map(yearOf)).toEqual([
      2019, 2019, 2019, 2019, 2019, 2019,
    ]);
    expect(["19", "2019K5", "2019-2020", "", null].map(yearOf)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("StatBank's area codes: country and regions, alone or before the name; municipalities are not", () => {
    for (const area of [
      "000",
      "084",
      "000 Hele landet",
      "084 Region Hovedstaden",
      "085 Sjælland",
      "All Denmark",
    ])
      expect(isAggregateArea(area), area).toBe(true);
    for (const area of ["101 København", "101", "Regionshospitalet", "810 Brønderslev", "Billund"])
      expect(isAggregateArea(area), area).toBe(false);
  });
});

describe("index inputs", () => {
  const run = (file: string, unit: "municipality" | "jobcentre" = "municipality") =>
    runIndex({ inputs: [corpus(file)], unit, period: "2024K4" });

  it("total and region rows: the clean file's ranking, one warning counting them", async () => {
    const clean = (await run("index-fh-2024K4-clean.csv")).document.json;
    const aggregated = (await run("index-fh-2024K4-aggregate-rows.csv")).document;
    const view = (json: Record<string, unknown>) => json.results;
    expect(view(aggregated.json)).toEqual(view(clean));
    expect(clean.warnings).toEqual([]);
    const warnings = aggregated.json.warnings as Array<{ code: string; message: string }>;
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.code).toBe("W_SKIPPED_AGGREGATE_ROWS");
    expect(warnings[0]?.message).toMatch(
      /^skipped 7 row\(s\) for totals or regions, not municipalities: /,
    );
    const message = (aggregated.json.warnings as Array<{ message: string }>)[0]?.message ?? "";
    for (const name of [
      "Hele landet",
      "Region Hovedstaden",
      "Region Nordjylland",
      "084 Region Hovedstaden",
    ])
      expect(message).toContain(name);
    expect(aggregated.notes.join("\n")).toContain("[W_SKIPPED_AGGREGATE_ROWS]");
    expect(aggregated.json.coverage).toEqual({ present: 98, expected: 98, missing: [] });
    const { messages } = await run("index-fh-2024K4-aggregate-rows.csv");
    expect(messages).toEqual([`warning: ${warnings[0]?.message} [W_SKIPPED_AGGREGATE_ROWS]`]);
    expect((await run("index-fh-2024K4-clean.csv")).messages).toEqual([]);
  });

  it("one region only: coverage in JSON, the title and a note, by municipality and by jobcentre", async () => {
    const { document } = await run("index-fh-2024K4-syddanmark-only.csv");
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
    expect(document.notes.join("\n")).toMatch(
      /Partial input: 22 of the quarter's 98 municipalities/,
    );
    expect((document.json.warnings as unknown[]).length).toBe(1);

    const jobcentres = (await run("index-fh-2024K4-syddanmark-only.csv", "jobcentre")).document;
    const byJobcentre = jobcentres.json.coverage as { present: number; expected: number };
    expect(byJobcentre.expected).toBeGreaterThan(byJobcentre.present);
    expect(jobcentres.title).toContain(
      `(${byJobcentre.present} of ${byJobcentre.expected} jobcentres)`,
    );
  });

  it("the whole input: full coverage, no partial note, the title unchanged", async () => {
    const { document } = await run("index-fh-2024K4-clean.csv");
    expect(document.json.coverage).toEqual({ present: 98, expected: 98, missing: [] });
    expect(document.title).not.toMatch(/ of 98/);
    expect(document.notes.join("\n")).not.toContain("Partial input");
  });
});
