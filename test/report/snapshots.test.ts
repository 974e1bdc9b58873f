/**
 * Snapshots of the human-readable outputs on the shipped data, in both languages: the
 * table (index, benchmark, survey, continuity), explain's sentences (index; benchmark in
 * published mode with peers and in model mode with the bootstrap; survey) and the HTML
 * report (its text; the SVG charts are left out, their geometry has tests of its own).
 * Versions are sanitised.
 * A change to a label or sentence shows here; update with `npx vitest run -u` on purpose.
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { type Lang, useLang } from "../../src/i18n/index.js";
import { runBenchmark } from "../../src/pipeline/benchmark/run.js";
import { runContinuity } from "../../src/pipeline/continuity/run.js";
import { runExplain } from "../../src/pipeline/explain/run.js";
import { runIndex } from "../../src/pipeline/index/run.js";
import { runSurvey } from "../../src/pipeline/survey/run.js";
import { renderHtml } from "../../src/report/html.js";
import { renderTable } from "../../src/report/table.js";
import { renderText } from "../../src/report/text.js";
import type { ReportDocument } from "../../src/report/types.js";

const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
const sanitise = (text: string) => text.replaceAll(version, "<version>");
const html = (doc: ReportDocument) =>
  sanitise(
    renderHtml(doc)
      .replace(/<style>[\s\S]*?<\/style>/, "<style/>")
      .replace(/<svg[\s\S]*?<\/svg>/g, "<svg/>"),
  );

afterEach(() => useLang("en"));

describe.each<Lang>(["en", "da"])("outputs in %s", (lang) => {
  const inLang = async <T>(f: () => Promise<T>): Promise<T> => {
    useLang(lang);
    return f();
  };

  it("index table", async () => {
    const { document } = await inLang(() => runIndex({ period: "2024K4" }));
    expect(
      sanitise(renderTable({ ...document, lang }, { color: false, width: 100 })),
    ).toMatchSnapshot();
  });

  it("benchmark table", async () => {
    const { document } = await inLang(() => runBenchmark({}));
    expect(
      sanitise(renderTable({ ...document, lang }, { color: false, width: 100 })),
    ).toMatchSnapshot();
  });

  it("explain (benchmark and index)", async () => {
    const { document } = await inLang(() =>
      runExplain({ unit: "Billund", kind: "auto", inputs: [], covariateData: [], uncertainty: 0 }),
    );
    expect(sanitise(renderText({ ...document, lang }))).toMatchSnapshot();
  });

  it("benchmark explain, published mode with funnel and peers", async () => {
    const { document } = await inLang(() =>
      runExplain({
        unit: "Gladsaxe",
        kind: "benchmark",
        inputs: [],
        covariateData: [],
        peers: 3,
      }),
    );
    expect(sanitise(renderText({ ...document, lang }))).toMatchSnapshot();
  });

  it("benchmark explain, model mode with the bootstrap", async () => {
    const { document } = await inLang(() =>
      runExplain({
        unit: "Læsø",
        kind: "benchmark",
        inputs: [],
        covariateData: [],
        covariates: "default",
        uncertainty: 200,
        seed: 7,
      }),
    );
    expect(sanitise(renderText({ ...document, lang }))).toMatchSnapshot();
  });

  it("benchmark table, model mode with the bootstrap and an interval", async () => {
    const { document } = await inLang(() =>
      runBenchmark({ covariates: ["default"], uncertainty: 200, seed: 7, interval: 0.9 }),
    );
    expect(
      sanitise(renderTable({ ...document, lang }, { color: false, width: 100 })),
    ).toMatchSnapshot();
  });

  it("survey table and explain", async () => {
    const { document } = await inLang(() => runSurvey({}));
    expect(
      sanitise(renderTable({ ...document, lang }, { color: false, width: 100 })),
    ).toMatchSnapshot();
    const explained = await inLang(() => runSurvey({ explain: "Billund" }));
    expect(sanitise(renderText({ ...explained.document, lang }))).toMatchSnapshot();
  });

  it("continuity table", async () => {
    const { document } = await inLang(() => runContinuity({ unit: "jobcentre", period: "2022K1" }));
    expect(
      sanitise(renderTable({ ...document, lang }, { color: false, width: 100 })),
    ).toMatchSnapshot();
  });

  it("HTML report", async () => {
    const { document } = await inLang(() => runBenchmark({}));
    const page = html({ ...document, lang });
    expect(page).toContain(`<html lang="${lang}">`);
    expect(page).toMatchSnapshot();
  });
});
