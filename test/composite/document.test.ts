/**
 * The index and benchmark documents as the reporters render them: shared places as `7=`
 * from a numeric rank and `tied` (tiedKey), imputed values as numbers with a `*` mark
 * (markKey), and the machine columns `tied` and `imputed` in CSV only.
 */
import { describe, expect, it } from "vitest";
import { runBenchmark } from "../../src/pipeline/benchmark/run.js";
import { runIndex } from "../../src/pipeline/index/run.js";
import { renderCsv } from "../../src/report/csv.js";
import { renderHtml } from "../../src/report/html.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderTable } from "../../src/report/table.js";
import type { ReportDocument } from "../../src/report/types.js";

const table = (doc: ReportDocument) => renderTable(doc, { color: false, width: 400 });

/** A tied row's rank as the reporters should show it, e.g. `7=`. */
function firstTie(doc: ReportDocument): { rank: number; name: string } {
  const row = doc.rows.find((r) => r.tied === true);
  if (row === undefined) throw new Error("expected a shared place");
  return { rank: row.rank as number, name: String(row.name) };
}

describe("index document: ranks and marks", () => {
  it("shows shared places as N= in table, markdown and the HTML bar chart; CSV keeps numbers", async () => {
    const { document } = await runIndex({ method: "fh-points" });
    const tie = firstTie(document);
    expect(table(document)).toMatch(new RegExp(`\\b${tie.rank}=\\s.*${tie.name}`));
    expect(renderMarkdown(document)).toContain(`| ${tie.rank}= |`);
    const html = renderHtml(document);
    expect(html).toMatch(new RegExp(`class="rank"[^>]*>${tie.rank}=<`));
    expect(html).not.toMatch(/<th[^>]*>Tied<\/th>/);

    const lines = renderCsv(document, { locale: "en" }).split("\r\n");
    expect(lines[0]?.startsWith("rank,tied,id,name,score,")).toBe(true);
    expect(lines[0]?.endsWith(",imputed")).toBe(true);
    const tiedLine = lines.find((l) => l.includes(`,${tie.name},`));
    expect(tiedLine?.startsWith(`${tie.rank},true,`)).toBe(true);
  });

  it("marks imputed values with * on screen and lists them in CSV, numbers unchanged", async () => {
    const { document } = await runIndex({ method: "open" });
    const row = document.rows.find((r) => r.id === "813-825");
    const value = row?.longterm_share as number;
    expect(typeof value).toBe("number");
    expect(table(document)).toMatch(/Frederikshavn-Læsø.*\d\*/);
    const csv = renderCsv(document, { locale: "en" }).split("\r\n");
    const header = csv[0]?.split(",") ?? [];
    const line = csv.find((l) => l.includes("Frederikshavn-Læsø"))?.split(",") ?? [];
    expect(line[header.indexOf("longterm_share")]).toBe(String(value));
    expect(line[header.indexOf("imputed")]).toContain("longterm_share");
    expect(line.join(",")).not.toContain("*");
  });

  it("keeps the JSON contract: numeric rank and tied, no display fields", async () => {
    const { document } = await runIndex({ method: "fh-points" });
    const [first] = document.json.results as Array<Record<string, unknown>>;
    expect(Object.keys(first ?? {})).toEqual([
      "id",
      "name",
      "municipalities",
      "score",
      "rank",
      "tied",
      "indicators",
    ]);
  });
});

describe("benchmark document: ranks", () => {
  it("published mode: the rank is a number, shown N= when shared, with a CSV tied column", async () => {
    const { document } = await runBenchmark({ period: "2021QMAT04" });
    const tie = firstTie(document);
    expect(table(document)).toMatch(new RegExp(`${tie.name}.*\\s${tie.rank}=\\s`));
    expect(renderHtml(document)).toMatch(new RegExp(`class="rank"[^>]*>${tie.rank}=<`));
    const csv = renderCsv(document, { locale: "en" }).split("\r\n");
    const header = csv[0]?.split(",") ?? [];
    expect(header).toContain("tied");
    expect(header).toContain("published_rank");
    const line = csv.find((l) => l.includes(`,${tie.name},`))?.split(",") ?? [];
    expect(line[header.indexOf("rank")]).toBe(String(tie.rank));
    expect(line[header.indexOf("tied")]).toBe("true");
  });
});
