/**
 * Snapshots of the human-readable outputs on the shipped data, in both languages: the
 * table (index and benchmark), explain's sentences and the HTML report (its text; the
 * SVG charts are left out, their geometry has tests of its own). Versions are sanitised.
 * A change to a label or sentence shows here; update with `npx vitest run -u` on purpose.
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { type Lang, useLang } from "../../src/i18n/index.js";
import { runBenchmark } from "../../src/pipeline/benchmark/run.js";
import { runExplain } from "../../src/pipeline/explain/run.js";
import { runIndex } from "../../src/pipeline/index/run.js";
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

  it("HTML report", async () => {
    const { document } = await inLang(() => runBenchmark({}));
    const page = html({ ...document, lang });
    expect(page).toContain(`<html lang="${lang}">`);
    expect(page).toMatchSnapshot();
  });
});
