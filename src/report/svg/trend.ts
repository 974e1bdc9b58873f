/**
 * Rank-trend chart: each unit's rank per period, rank 1 at the top. With up to 98 lines
 * only the best and worst few at the latest period are coloured and named; the rest stay
 * grey and show their name on hover (a <title>).
 */
import { type Lang, translate } from "../../i18n/index.js";
import type { ReportDocument } from "../types.js";
import { BAR_BAD, BAR_GOOD } from "./colour.js";
import { spreadLabels } from "./layout.js";
import { coord, escapeXml, svgText } from "./markup.js";

type Trend = NonNullable<ReportDocument["trend"]>;
type Series = Trend["series"][number];

const WIDTH = 1000;
const HEIGHT = 440;
const LEFT = 44;
const RIGHT = WIDTH - 190;
const TOP = 20;
const BOTTOM = HEIGHT - 34;
/** How many lines to name at each end. */
const HIGHLIGHT = 5;

function lastRank(series: Series): number | null {
  for (let i = series.ranks.length - 1; i >= 0; i--) {
    const r = series.ranks[i];
    if (typeof r === "number" && Number.isFinite(r)) return r;
  }
  return null;
}

/** Path data with a fresh move after each gap, so a missing period breaks the line. */
function linePath(
  ranks: readonly (number | null)[],
  x: (i: number) => number,
  y: (r: number) => number,
): string {
  let d = "";
  let pen = false;
  ranks.forEach((r, i) => {
    if (r === null || !Number.isFinite(r)) {
      pen = false;
      return;
    }
    d += `${pen ? "L" : "M"}${coord(x(i))} ${coord(y(r))}`;
    pen = true;
  });
  return d;
}

function niceTicks(maxRank: number): number[] {
  const step = maxRank > 50 ? 10 : maxRank > 20 ? 5 : maxRank > 10 ? 2 : 1;
  const ticks = [1];
  for (let t = step; t <= maxRank; t += step) ticks.push(t);
  return ticks;
}

export function trendChart(trend: Trend, lang: Lang = "en"): string {
  const periods = trend.periods;
  const ranked = trend.series
    .map((s) => ({ s, last: lastRank(s) }))
    .sort(
      (a, b) =>
        (a.last ?? Infinity) - (b.last ?? Infinity) ||
        (a.s.id < b.s.id ? -1 : a.s.id > b.s.id ? 1 : 0),
    );
  const maxRank = Math.max(
    1,
    ...trend.series.flatMap((s) => s.ranks.filter((r): r is number => r !== null)),
  );
  const x = (i: number) =>
    periods.length <= 1 ? LEFT : LEFT + (i * (RIGHT - LEFT)) / (periods.length - 1);
  const y = (r: number) => (maxRank === 1 ? TOP : TOP + ((r - 1) * (BOTTOM - TOP)) / (maxRank - 1));
  const withRank = ranked.filter((r) => r.last !== null);
  const top = new Set(withRank.slice(0, HIGHLIGHT).map((r) => r.s.id));
  const bottom = new Set(
    withRank
      .slice(-HIGHLIGHT)
      .map((r) => r.s.id)
      .filter((id) => !top.has(id)),
  );

  const parts = [
    `<svg class="chart trend" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escapeXml(translate(lang, "chart.trend.aria"))}">`,
  ];
  for (const t of niceTicks(maxRank)) {
    parts.push(
      `<line class="grid" x1="${LEFT}" y1="${coord(y(t))}" x2="${RIGHT}" y2="${coord(y(t))}"/>`,
      svgText(LEFT - 8, y(t) + 4, String(t), 'class="tick" text-anchor="end"'),
    );
  }
  periods.forEach((p, i) => {
    parts.push(svgText(x(i), HEIGHT - 12, p, 'class="tick" text-anchor="middle"'));
  });
  // Grey lines first, highlighted ones on top.
  const drawOrder = [...ranked].sort(
    (a, b) =>
      Number(top.has(a.s.id) || bottom.has(a.s.id)) - Number(top.has(b.s.id) || bottom.has(b.s.id)),
  );
  for (const { s } of drawOrder) {
    const cls = top.has(s.id) ? "line good" : bottom.has(s.id) ? "line bad" : "line";
    const colour = top.has(s.id) ? BAR_GOOD : bottom.has(s.id) ? BAR_BAD : "#b9bec6";
    const tip = `${s.name}: ${s.ranks.map((r, i) => `${periods[i] ?? ""} ${r ?? "–"}`).join(", ")}`;
    parts.push(
      `<path class="${cls}" stroke="${colour}" d="${linePath(s.ranks, x, y)}"><title>${escapeXml(tip)}</title></path>`,
    );
  }
  const named = withRank.filter((r) => top.has(r.s.id) || bottom.has(r.s.id));
  const spots = spreadLabels(
    named.map((r) => y(r.last ?? 1) + 4),
    14,
    TOP + 4,
    BOTTOM + 4,
  );
  named.forEach((r, k) => {
    const cls = top.has(r.s.id) ? "label good" : "label bad";
    parts.push(svgText(RIGHT + 8, spots[k] ?? 0, `${r.last} ${r.s.name}`, `class="${cls}"`));
  });
  parts.push("</svg>");
  return parts.join("\n");
}
