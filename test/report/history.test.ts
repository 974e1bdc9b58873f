/**
 * Rank history as small multiples (src/report/svg/history.ts): which panels, in which
 * order, with which change; and `benchmark --history --format html` on the shipped data,
 * every municipality or the `--only` group with the national best and worst three.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { runBenchmark } from "../../src/pipeline/benchmark/run.js";
import { renderHtml } from "../../src/report/html.js";
import { rankHistoryChart, rankPanels } from "../../src/report/svg/history.js";
import type { ReportDocument } from "../../src/report/types.js";

type Trend = NonNullable<ReportDocument["trend"]>;

/** Eight units over three periods; h is missing in the latest. */
const trend: Trend = {
  periods: ["2020QMAT04", "2021QMAT02", "2021QMAT04"],
  series: [
    { id: "a", name: "Alpha", ranks: [3, 2, 1] },
    { id: "b", name: "Beta", ranks: [1, 1, 2] },
    { id: "c", name: "Gamma", ranks: [2, 3, 3] },
    { id: "d", name: "Delta", ranks: [4, 4, 4] },
    { id: "e", name: "Epsilon", ranks: [5, 6, 5] },
    { id: "f", name: "Zeta", ranks: [8, 5, 6] },
    { id: "g", name: "Eta <&>", ranks: [6, 8, 7] },
    { id: "h", name: "Theta", ranks: [7, 7, null] },
  ],
};

const panelIds = (svg: string) =>
  [...svg.matchAll(/<g class="panel[^"]*" data-id="([^"]+)"/g)].map((m) => m[1]);

describe("rankPanels", () => {
  it("orders every unit by its latest rank, missing last, with the change since before", () => {
    const panels = rankPanels(trend);
    expect(panels.map((p) => p.series.id)).toEqual(["a", "b", "c", "d", "e", "f", "g", "h"]);
    expect(panels.map((p) => p.change)).toEqual([-1, 1, 0, 0, -1, 1, -1, null]);
    expect(panels.every((p) => !p.context)).toBe(true);
  });

  it("with a group: its members and the best and worst three for comparison", () => {
    const panels = rankPanels(trend, new Set(["d", "e"]));
    expect(panels.map((p) => p.series.id)).toEqual(["a", "b", "c", "d", "e", "f", "g"]);
    expect(panels.filter((p) => !p.context).map((p) => p.series.id)).toEqual(["d", "e"]);
    // A group that is everyone is no group.
    expect(rankPanels(trend, new Set("abcdefgh")).every((p) => !p.context)).toBe(true);
  });
});

describe("rankHistoryChart", () => {
  const svg = rankHistoryChart(trend);

  it("draws one panel per unit, with its ranks in the hover and ▲▼ beside the latest rank", () => {
    expect(panelIds(svg)).toEqual(["a", "b", "c", "d", "e", "f", "g", "h"]);
    expect(svg).toContain("<title>Alpha: 2020QMAT04 3, 2021QMAT02 2, 2021QMAT04 1 (▲1)</title>");
    expect(svg).toContain("<title>Theta: 2020QMAT04 7, 2021QMAT02 7, 2021QMAT04 –</title>");
    expect(svg).toContain("Eta &lt;&amp;&gt;");
    expect(svg).not.toContain("<&>");
    expect(svg).toMatch(/class="change"[^>]*>▼1<\/text>/);
  });

  it("puts rank 1 at the top of a panel: Alpha's line rises", () => {
    const d = /data-id="a"[\s\S]*?<path class="spark" stroke="[^"]+" d="([^"]+)"/.exec(svg)?.[1];
    const ys = [...(d ?? "").matchAll(/[ML][\d.]+ ([\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys).toHaveLength(3);
    expect(ys[0]).toBeGreaterThan(ys[1] as number);
    expect(ys[1]).toBeGreaterThan(ys[2] as number);
  });
});

describe("benchmark --history --format html on the shipped data", () => {
  let all: ReportDocument;
  let group: ReportDocument;
  beforeAll(async () => {
    all = (await runBenchmark({ command: "benchmark", history: true })).document;
    group = (await runBenchmark({ command: "benchmark", history: true, only: "trekant" })).document;
  });

  it("has a panel for each of the 98 municipalities, in the order of the latest rank", () => {
    const html = renderHtml(all);
    const ids = panelIds(html);
    expect(ids).toHaveLength(98);
    expect(new Set(ids).size).toBe(98);
    const rank = new Map(all.rows.map((r) => [r.municipality as string, r.rank as number]));
    const ranks = ids.map((id) => rank.get(id as string) as number);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(renderHtml(all)).toBe(html);
  });

  it("with --only: the group's members and the national best and worst three", () => {
    const html = renderHtml(group);
    const members = group.rows.map((r) => r.municipality as string);
    expect(members).toHaveLength(7);
    const ids = panelIds(html);
    expect(ids).toHaveLength(7 + 6);
    for (const m of members) expect(ids).toContain(m);
    expect(html.match(/<g class="panel context"/g)).toHaveLength(6);
  });
});
