/**
 * A share and its interval per unit (dot and whisker) on a 0–100 % axis: one small chart
 * per panel (the survey draws one per area). Best share at the top.
 */
import { type Lang, translate } from "../../i18n/index.js";
import type { ReportDocument } from "../types.js";
import { shorten } from "./bars.js";
import { coord, escapeXml, svgText } from "./markup.js";

type Panel = NonNullable<ReportDocument["shareIntervals"]>[number];

const WIDTH = 480;
const ROW = 16;
const TOP = 34;
const LABEL_RIGHT = 150;
const LEFT = 160;
const RIGHT = WIDTH - 14;

export function shareIntervalChart(panel: Panel, lang: Lang = "en"): string {
  const pct = (x: number) => {
    const text = (100 * x).toFixed(1);
    return lang === "da" ? text.replace(".", ",") : text;
  };
  const rows = [...panel.rows].sort(
    (a, b) => b.value - a.value || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const x = (share: number) => LEFT + share * (RIGHT - LEFT);
  const height = TOP + Math.max(1, rows.length) * ROW + 10;
  const parts = [
    `<svg class="chart share-intervals" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeXml(panel.title)}">`,
    svgText(LEFT, 12, panel.title, 'class="head"'),
  ];
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(
      `<line class="grid" x1="${coord(x(t))}" y1="${TOP - 6}" x2="${coord(x(t))}" y2="${height - 8}"/>`,
      svgText(x(t), TOP - 9, `${Math.round(t * 100)} %`, 'class="tick" text-anchor="middle"'),
    );
  }
  if (rows.length === 0)
    parts.push(svgText(LEFT, TOP + 10, translate(lang, "chart.share.none"), 'class="tick"'));
  rows.forEach((r, i) => {
    const y = TOP + i * ROW + ROW / 2;
    const tip = translate(lang, "chart.share.tip", {
      name: r.name,
      value: pct(r.value),
      low: pct(r.low),
      high: pct(r.high),
    });
    parts.push(
      `<g class="interval"><title>${escapeXml(tip)}</title>`,
      svgText(LABEL_RIGHT, y + 4, shorten(r.name), 'text-anchor="end"'),
      `<line class="whisker" x1="${coord(x(r.low))}" y1="${coord(y)}" x2="${coord(x(r.high))}" y2="${coord(y)}"/>`,
      `<circle class="point" cx="${coord(x(r.value))}" cy="${coord(y)}" r="3.2"/>`,
      "</g>",
    );
  });
  parts.push("</svg>");
  return parts.join("\n");
}
