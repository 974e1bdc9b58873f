import { describe, expect, it } from "vitest";
import { formatRank } from "../../src/rank.js";
import { renderHtml } from "../../src/report/html.js";
import { codesOf } from "../../src/report/svg/items.js";
import { benchmarkDoc, indexDoc, TRICKY_NAME } from "../browser/documents.js";

const pathsWithCode = (html: string) => html.match(/<path [^>]*data-code="\d{3}"/g) ?? [];
const fillOf = (html: string, code: string) =>
  new RegExp(`data-code="${code}" fill="(#[0-9a-f]{6})"`).exec(html)?.[1];
const titleOf = (html: string, code: string) =>
  new RegExp(`data-code="${code}"[^>]*><title>([^<]*)</title>`).exec(html)?.[1];

describe("renderHtml", () => {
  const bench = renderHtml(benchmarkDoc(true));
  const index = renderHtml(indexDoc(false));

  it("draws the 98 municipalities, each once, with a code and a tooltip", () => {
    for (const html of [bench, index]) {
      const paths = pathsWithCode(html);
      expect(paths).toHaveLength(98);
      expect(new Set(paths).size).toBe(98);
      expect(html.match(/<path [^>]*data-code="\d{3}"[^>]*><title>/g)).toHaveLength(98);
    }
  });

  it("shows the synthetic banner if and only if the data is synthetic", () => {
    expect(bench).toContain("Synthetic demo data");
    expect(index).not.toContain("Synthetic demo data");
    expect(renderHtml(benchmarkDoc(false))).not.toContain("Synthetic demo data");
  });

  it("escapes every text value", () => {
    expect(bench).not.toContain(TRICKY_NAME);
    expect(bench).toContain("Ærø &lt;b&gt;&amp;amp; &quot;friends&quot;&lt;/b&gt;");
    expect(bench).toContain("log(population) &lt; &amp; &gt;");
    expect(bench).toContain("Y30R21 &lt;published&gt;");
    expect(bench).not.toMatch(/<b>/);
  });

  it("colours both members of a shared jobcentre alike and names it in their tooltips", () => {
    const esbjerg = fillOf(index, "561");
    expect(esbjerg).toBeDefined();
    expect(fillOf(index, "563")).toBe(esbjerg);
    expect(titleOf(index, "563")).toMatch(/^Fanø \(Esbjerg-Fanø\): Score \d+\.\d, rank \d+$/);
  });

  it("puts name, value and rank in a municipality's tooltip", () => {
    const row = benchmarkDoc().rows.find((r) => r.municipality === "101");
    const value = Number(row?.residual_pp).toFixed(2);
    const rank = formatRank(Number(row?.rank), row?.tied === true);
    expect(titleOf(bench, "101")).toBe(`København: Difference (pp) ${value}, rank ${rank}`);
  });

  it("orders bars by value, ties by the table's rank", () => {
    const ranks = [...bench.matchAll(/<text [^>]*class="rank"[^>]*>(\d+)=?<\/text>/g)].map((m) =>
      Number(m[1]),
    );
    expect(ranks).toHaveLength(98);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("renders bars for every row, the table, the sections, notes, trend and intervals", () => {
    expect(bench.match(/<g class="bar-row">/g)).toHaveLength(98);
    expect(bench.match(/<tr>/g)?.length).toBe(1 + 98 + 1 + 2);
    expect(bench).toContain("<h2>Model</h2>");
    expect(bench).toContain("<h2>Method and sources</h2>");
    expect(bench).toContain('class="chart trend"');
    expect(bench).toContain('class="chart intervals"');
    expect(index).not.toContain('class="chart trend"');
    expect(index).toContain("561, 563");
  });

  it("references nothing outside the file", () => {
    for (const html of [bench, index]) {
      expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
      expect(html).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//i);
      expect(html).not.toMatch(/@import|<link\b|<script\b|<iframe\b|<img\b/i);
      // The only URLs allowed are the SVG namespace declarations.
      const urls = html.match(/https?:\/\/[^\s"'<>]+/g) ?? [];
      expect(new Set(urls)).toEqual(new Set(["http://www.w3.org/2000/svg"]));
    }
  });

  it("is deterministic", () => {
    expect(renderHtml(benchmarkDoc(true))).toBe(bench);
    expect(renderHtml(indexDoc(false))).toBe(index);
  });

  it("renders without chart, trend or intervals", () => {
    const { chart: _chart, trend: _trend, intervals: _intervals, ...bare } = benchmarkDoc(false);
    const html = renderHtml(bare);
    expect(pathsWithCode(html)).toHaveLength(0);
    expect(html).toContain("<h2>Results</h2>");
  });
});

describe("codesOf", () => {
  it("reads a code, a list, or a list flattened to text", () => {
    expect(codesOf("101")).toEqual(["101"]);
    expect(codesOf(["561", "563"])).toEqual(["561", "563"]);
    expect(codesOf("561 563")).toEqual(["561", "563"]);
    expect(codesOf("561|563")).toEqual(["561", "563"]);
    expect(codesOf("561, 563")).toEqual(["561", "563"]);
    expect(codesOf(101)).toEqual(["101"]);
    expect(codesOf(null)).toEqual([]);
  });
});
