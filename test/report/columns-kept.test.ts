/**
 * Decorations never drop a fact: `--uncertainty`, `--by region` and `--only` keep every
 * indicator column of the plain table (issue 13), for the index and the benchmark on the
 * shipped data, in the document and in the rendered 100-column table (which wraps headers
 * and continues in a second block instead of leaving columns out).
 */
import { afterEach, describe, expect, it } from "vitest";
import { type Lang, useLang } from "../../src/i18n/index.js";
import { runBenchmark } from "../../src/pipeline/benchmark/run.js";
import { runIndex } from "../../src/pipeline/index/run.js";
import { renderTable } from "../../src/report/table.js";
import type { ReportColumn, ReportDocument } from "../../src/report/types.js";

afterEach(() => useLang("en"));

/** The columns people see that carry the facts: every number column of the table. */
const factColumns = (doc: ReportDocument): ReportColumn[] =>
  doc.columns.filter((c) => c.csvOnly !== true && c.kind !== "text" && c.kind !== "rank");

/** The words of a header a rendered table must show (wrapping splits only at spaces). */
const words = (header: string) => header.split(" ").filter((w) => w.length >= 2);

function expectKept(plain: ReportDocument, decorated: ReportDocument, lang: Lang): void {
  const facts = factColumns(plain);
  expect(facts.length).toBeGreaterThan(2);
  const shown = new Set(decorated.columns.filter((c) => c.csvOnly !== true).map((c) => c.key));
  expect(facts.map((c) => c.key).filter((k) => !shown.has(k))).toEqual([]);
  const table = renderTable({ ...decorated, lang }, { color: false, width: 100 });
  const missing = facts.flatMap((c) => words(c.header).filter((w) => !table.includes(w)));
  expect(missing).toEqual([]);
}

describe.each<Lang>(["en", "da"])("every indicator column stays (%s)", (lang) => {
  it("index: --uncertainty, --by region, --only", async () => {
    useLang(lang);
    const period = "2024K4";
    const plain = (await runIndex({ period })).document;
    expect(factColumns(plain).map((c) => c.key)).toEqual(
      expect.arrayContaining(["score", "unemployment_duration"]),
    );
    for (const extra of [
      { uncertainty: 40, seed: 3 },
      { by: "region" },
      { only: "Trekantområdet" },
    ] as const) {
      expectKept(plain, (await runIndex({ period, ...extra })).document, lang);
    }
  });

  it("benchmark: --uncertainty, --by region, --only", async () => {
    useLang(lang);
    const plain = (await runBenchmark({})).document;
    for (const extra of [
      { uncertainty: 200, seed: 3 },
      { by: "region" },
      { only: "Nordjylland" },
    ] as const) {
      expectKept(plain, (await runBenchmark(extra)).document, lang);
    }
  });
});
