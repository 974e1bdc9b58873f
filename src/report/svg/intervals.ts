/**
 * Rank intervals: for each unit, its rank (dot), the median rank of the uncertainty
 * analysis (tick) and the interval low–high (whisker), rank 1 at the left. Wide whiskers
 * say the ranking cannot tell neighbours apart.
 */
import { type Lang, translate } from "../../i18n/index.js";
import type { ReportDocument } from "../types.js";
import { shorten } from "./bars.js";
import { coord, escapeXml, svgText } from "./markup.js";

type Intervals = NonNullable<ReportDocument["intervals"]>;

const WIDTH = 1000;
const ROW = 13;
const TOP = 30;
const LABEL_RIGHT = 180;
const LEFT = 196;
const RIGHT = WIDTH - 16;

function ticks(maxRank: number): number[] {
  const step = maxRank > 50 ? 10 : maxRank > 20 ? 5 : 1;
  const out = [1];
  for (let t = step; t <= maxRank; t += step) out.push(t);
  return out;
}

/** An interpolated rank as written in `lang`: 12.5 / 12,5. */
function decimal(x: number, lang: Lang): string {
  return lang === "da" ? String(x).replace(".", ",") : String(x);
}

export function intervalChart(intervals: Intervals, lang: Lang = "en"): string {
  const w = (key: string, params?: Record<string, string | number>) =>
    translate(lang, `chart.intervals.${key}`, params);
  const rows = [...intervals].sort(
    (a, b) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const maxRank = Math.max(2, ...rows.map((r) => Math.max(r.high, r.rank)));
  const x = (rank: number) => LEFT + ((rank - 1) * (RIGHT - LEFT)) / (maxRank - 1);
  const height = TOP + rows.length * ROW + 10;
  const parts = [
    `<svg class="chart intervals" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeXml(w("aria"))}">`,
    svgText(LEFT, 12, w("head"), 'class="head"'),
  ];
  for (const t of ticks(maxRank)) {
    parts.push(
      `<line class="grid" x1="${coord(x(t))}" y1="${TOP - 6}" x2="${coord(x(t))}" y2="${height - 8}"/>`,
      svgText(x(t), TOP - 9, String(t), 'class="tick" text-anchor="middle"'),
    );
  }
  rows.forEach((r, i) => {
    const y = TOP + i * ROW + ROW / 2;
    const tip = w("tip", {
      name: r.name,
      rank: r.rank,
      median: decimal(r.median, lang),
      low: decimal(r.low, lang),
      high: decimal(r.high, lang),
    });
    parts.push(
      `<g class="interval"><title>${escapeXml(tip)}</title>`,
      svgText(LABEL_RIGHT, y + 4, shorten(r.name), 'text-anchor="end"'),
      `<line class="whisker" x1="${coord(x(r.low))}" y1="${coord(y)}" x2="${coord(x(r.high))}" y2="${coord(y)}"/>`,
      `<line class="median" x1="${coord(x(r.median))}" y1="${coord(y - 4)}" x2="${coord(x(r.median))}" y2="${coord(y + 4)}"/>`,
      `<circle class="point" cx="${coord(x(r.rank))}" cy="${coord(y)}" r="3.2"/>`,
      "</g>",
    );
  });
  parts.push("</svg>");
  return parts.join("\n");
}
