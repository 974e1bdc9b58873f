/**
 * One self-contained HTML page per report: inline CSS and SVG only, no scripts, fonts or
 * network, so it can be mailed, archived or printed as is. Charts (ranked bars, map,
 * rank trend, rank intervals) come from src/report/svg; the tables show every column.
 * Output is deterministic: no timestamps, stable order, the table's number formatting.
 */

import { type Lang, translate } from "../i18n/index.js";
import { auditSection } from "./audit-html.js";
import { displayColumns, displayRowCell } from "./format.js";
import { funnelSection, historySection, UNCERTAINTY_STYLE } from "./html-uncertainty.js";
import { documentRows } from "./rows.js";
import { barChart } from "./svg/bars.js";
import { type ColourScale, colourScale } from "./svg/colour.js";
import { loadGeometry, type MapGeometry } from "./svg/geometry.js";
import { intervalChart } from "./svg/intervals.js";
import { type ChartData, chartData } from "./svg/items.js";
import { municipalityMap } from "./svg/map.js";
import { escapeXml } from "./svg/markup.js";
import { shareIntervalChart } from "./svg/share-intervals.js";
import { trendChart } from "./svg/trend.js";
import type { ReportColumn, ReportDocument, ReportRow } from "./types.js";

const MAP_SOURCE = "magnuslarsen/geoJSON-Danish-Municipalities";

const STYLE = `
:root { --ink: #1d2330; --muted: #5d6472; --rule: #dfe2e7; --good: #2a6ba3; --bad: #b24a27; --paper: #fff; }
* { box-sizing: border-box; }
html { background: #f6f6f3; }
body { margin: 0; color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 32px 40px; background: var(--paper); }
h1 { font-size: 28px; line-height: 1.2; margin: 0 0 4px; letter-spacing: -0.01em; }
h2 { font-size: 18px; margin: 32px 0 8px; padding-top: 12px; border-top: 1px solid var(--rule); }
.subtitle { margin: 0; color: var(--muted); }
.banner { margin: 16px 0 0; padding: 10px 14px; border: 1px solid #e0b84c; border-left: 6px solid #d19a00; background: #fff6da; border-radius: 4px; }
.charts { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 560px); gap: 28px; align-items: start; margin-top: 20px; }
figure { margin: 0; }
figcaption { font-size: 12px; color: var(--muted); margin-top: 4px; }
.map-figure { position: sticky; top: 12px; }
svg.chart { display: block; max-width: 100%; height: auto; font-size: 11px; font-variant-numeric: tabular-nums; }
svg.map { width: 100%; }
svg .head { font-weight: 600; fill: var(--ink); }
svg .hint, svg .tick, svg .rank, svg .muted, svg .inset-label { fill: var(--muted); }
svg .num { fill: var(--ink); }
svg .axis { stroke: #555; stroke-width: 1; }
svg .grid { stroke: #eceef1; stroke-width: 1; }
svg .frame { fill: none; stroke: #9aa0a8; stroke-width: 1.5; }
svg .inset-bg { fill: #fff; }
svg .muni { stroke: #fff; stroke-width: 0.9; }
svg .muni:hover { stroke: var(--ink); stroke-width: 2.5; }
svg .band { fill: transparent; }
svg .bar-row:hover .band { fill: #f0f2f5; }
svg .line { fill: none; stroke-width: 1.2; stroke-linejoin: round; opacity: 0.7; }
svg .line.good, svg .line.bad { stroke-width: 2.4; opacity: 1; }
svg .line:hover { stroke: var(--ink); stroke-width: 3; opacity: 1; }
svg .label.good { fill: var(--good); font-weight: 600; }
svg .label.bad { fill: var(--bad); font-weight: 600; }
svg .whisker { stroke: #8fb3d3; stroke-width: 3; stroke-linecap: round; }
svg .median { stroke: var(--ink); stroke-width: 1.5; }
svg .point { fill: var(--good); }
svg .interval:hover text { font-weight: 600; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { font-weight: 600; border-bottom: 2px solid var(--ink); white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.good { color: var(--good); }
td.bad { color: var(--bad); }
tbody tr:hover { background: #f6f7f9; }
.notes li { margin: 2px 0; }
.glance { margin-top: 18px; padding: 12px 16px; background: #f6f7f9; border-radius: 6px; }
.glance h3 { margin: 0 0 6px; font-size: 14px; }
.glance dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; font-size: 14px; font-variant-numeric: tabular-nums; }
.glance dt { color: var(--muted); }
.glance dd { margin: 0; }
footer { margin-top: 32px; padding-top: 12px; border-top: 1px solid var(--rule); font-size: 12px; color: var(--muted); }
@media (max-width: 900px) {
  main { padding: 16px; }
  .charts { grid-template-columns: minmax(0, 1fr); }
  .map-figure { position: static; }
}
@media print {
  html, main { background: none; }
  main { max-width: none; padding: 0; }
  .banner { background: none; border: 2px solid #000; }
  .glance { background: none; border: 1px solid #999; }
  .charts { display: block; }
  .map-figure { position: static; max-width: 70%; margin: 0 auto 16px; }
  figure, svg.chart { break-inside: avoid; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  h2 { break-after: avoid; }
  tbody tr:hover { background: none; }
}
`;

function isNumeric(column: ReportColumn): boolean {
  return column.kind !== "text";
}

/** Lists (a jobcentre's municipalities) read better with a space after each comma. */
function cellText(column: ReportColumn, row: ReportRow, lang: Lang): string {
  const value: unknown = row[column.key];
  if (Array.isArray(value)) return value.map(String).join(", ");
  return displayRowCell(column, row, lang);
}

/** good/bad colour for columns that say which direction is better, by the value's sign. */
function tone(column: ReportColumn, value: unknown): string {
  if (column.better === undefined || typeof value !== "number" || value === 0) return "";
  const good = column.better === "lower" ? value < 0 : value > 0;
  return good ? "good" : "bad";
}

function htmlTable(
  allColumns: readonly ReportColumn[],
  rows: Iterable<ReportRow>,
  lang: Lang,
): string {
  const columns = displayColumns(allColumns);
  const head = columns
    .map((c) => `<th${isNumeric(c) ? ' class="num"' : ""} scope="col">${escapeXml(c.header)}</th>`)
    .join("");
  const body = Array.from(rows, (row) => {
    const cells = columns.map((c) => {
      const value: unknown = row[c.key];
      const classes = [isNumeric(c) ? "num" : "", tone(c, value)].filter((x) => x !== "");
      const cls = classes.length > 0 ? ` class="${classes.join(" ")}"` : "";
      return `<td${cls}>${escapeXml(cellText(c, row, lang))}</td>`;
    });
    return `<tr>${cells.join("")}</tr>`;
  });
  return [
    '<div class="table-wrap"><table>',
    `<thead><tr>${head}</tr></thead>`,
    "<tbody>",
    ...body,
    "</tbody></table></div>",
  ].join("\n");
}

/** The few numbers a reader looks for first: best, worst, median and the split around 0. */
function glance(data: ChartData, scale: ColourScale, lang: Lang): string {
  const w = (key: string) => translate(lang, `html.${key}`);
  const ranked = data.items.filter((i) => i.value !== null);
  const best = ranked[0];
  const worst = ranked[ranked.length - 1];
  if (best === undefined || worst === undefined) return "";
  const values = ranked.map((i) => i.value ?? 0).sort((a, b) => a - b);
  const mid = values.length / 2;
  const median =
    values.length % 2 === 1
      ? (values[Math.floor(mid)] ?? 0)
      : ((values[mid - 1] ?? 0) + (values[mid] ?? 0)) / 2;
  const facts: Array<[string, string]> = [
    [w("best"), `${best.label} (${best.text})`],
    [w("worst"), `${worst.label} (${worst.text})`],
    [w("median"), data.format(median)],
  ];
  if (scale.kind === "diverging") {
    const good = ranked.filter((i) =>
      data.better === "lower" ? (i.value ?? 0) < 0 : (i.value ?? 0) > 0,
    );
    facts.push([
      w("better_side"),
      translate(lang, "html.n_of", { n: good.length, of: ranked.length }),
    ]);
  }
  const missing = data.items.length - ranked.length;
  if (missing > 0) facts.push([w("no_data"), String(missing)]);
  const rows = facts.map(([k, v]) => `<dt>${escapeXml(k)}</dt><dd>${escapeXml(v)}</dd>`);
  return `<div class="glance"><h3>${escapeXml(w("at_a_glance"))}</h3><dl>${rows.join("")}</dl></div>`;
}

function chartsSection(doc: ReportDocument, geometry: MapGeometry, lang: Lang): string {
  const data = chartData(doc);
  const w = (key: string, params?: Record<string, string>) =>
    translate(lang, `html.${key}`, params);
  if (data === undefined) return "";
  const values = data.items.flatMap((i) => (i.value === null ? [] : [i.value]));
  const scale = colourScale(values, data.better);
  const grouped = data.items.some((i) => i.codes.length > 1) ? ` ${w("map_grouped")}` : "";
  return [
    '<section class="charts">',
    '<figure class="map-figure">',
    municipalityMap(geometry, data, scale, lang),
    `<figcaption>${escapeXml(`${w("map", { label: data.valueLabel })}${grouped} ${w("grey_no_data")}`)} ${escapeXml(w("boundaries", { attribution: geometry.attribution, source: MAP_SOURCE }))}</figcaption>`,
    glance(data, scale, lang),
    "</figure>",
    '<figure class="bars-figure">',
    barChart(data, scale, lang),
    `<figcaption>${escapeXml(w("bars_caption"))}</figcaption>`,
    "</figure>",
    "</section>",
  ].join("\n");
}

function trendSection(doc: ReportDocument, lang: Lang): string {
  if (doc.trend === undefined || doc.trend.periods.length < 2) return "";
  return [
    "<section>",
    `<h2>${escapeXml(translate(lang, "html.trend_title"))}</h2>`,
    `<figure>${trendChart(doc.trend, lang)}<figcaption>${escapeXml(translate(lang, "html.trend_caption"))}</figcaption></figure>`,
    "</section>",
  ].join("\n");
}

function intervalsSection(doc: ReportDocument, lang: Lang): string {
  if (doc.intervals === undefined || doc.intervals.length === 0) return "";
  return [
    "<section>",
    `<h2>${escapeXml(translate(lang, "html.intervals_title"))}</h2>`,
    `<figure>${intervalChart(doc.intervals, lang)}<figcaption>${escapeXml(translate(lang, "html.intervals_caption"))}</figcaption></figure>`,
    "</section>",
  ].join("\n");
}

function shareIntervalsSection(doc: ReportDocument, lang: Lang): string {
  if (doc.shareIntervals === undefined || doc.shareIntervals.length === 0) return "";
  return [
    '<section class="share-intervals">',
    `<h2>${escapeXml(translate(lang, "html.share_title"))}</h2>`,
    ...doc.shareIntervals.map((panel) => `<figure>${shareIntervalChart(panel, lang)}</figure>`),
    `<p>${escapeXml(translate(lang, "html.share_caption"))}</p>`,
    "</section>",
  ].join("\n");
}

/** Renders with the shipped map geometry; `renderHtmlWith` takes one (tests, other maps). */
export function renderHtml(doc: ReportDocument): string {
  return renderHtmlWith(doc, loadGeometry());
}

export function renderHtmlWith(doc: ReportDocument, geometry: MapGeometry): string {
  const lang = doc.lang ?? "en";
  const w = (key: string, params?: Record<string, string>) =>
    translate(lang, `html.${key}`, params);
  const parts = [
    "<!doctype html>",
    `<html lang="${lang}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="jobindex">',
    `<title>${escapeXml(doc.title)}</title>`,
    `<style>${STYLE}${UNCERTAINTY_STYLE}</style>`,
    "</head>",
    "<body>",
    "<main>",
    `<header><h1>${escapeXml(doc.title)}</h1><p class="subtitle">${escapeXml(doc.subtitle)}</p></header>`,
  ];
  if (doc.synthetic) {
    parts.push(
      `<p class="banner" role="note"><strong>${escapeXml(w("synthetic_strong"))}</strong> ${escapeXml(w("synthetic_text"))}</p>`,
    );
  }
  parts.push(
    chartsSection(doc, geometry, lang),
    funnelSection(doc),
    trendSection(doc, lang),
    historySection(doc),
    intervalsSection(doc, lang),
    shareIntervalsSection(doc, lang),
    auditSection(doc),
    "<section>",
    `<h2>${escapeXml(w("results"))}</h2>`,
    htmlTable(doc.columns, documentRows(doc), lang),
    "</section>",
  );
  for (const section of doc.sections) {
    parts.push(
      "<section>",
      `<h2>${escapeXml(section.title)}</h2>`,
      htmlTable(section.columns, section.rows, lang),
      "</section>",
    );
  }
  if (doc.notes.length > 0) {
    parts.push(
      '<section class="notes">',
      `<h2>${escapeXml(w("method_sources"))}</h2>`,
      "<ul>",
      ...doc.notes.map((n) => `<li>${escapeXml(n)}</li>`),
      "</ul>",
      "</section>",
    );
  }
  parts.push(
    `<footer>${escapeXml(w("footer", { attribution: geometry.attribution, source: MAP_SOURCE }))}</footer>`,
    "</main>",
    "</body>",
    "</html>",
  );
  return `${parts.filter((p) => p !== "").join("\n")}\n`;
}
