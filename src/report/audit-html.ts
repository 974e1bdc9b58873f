/**
 * The audit's HTML section (METHOD.md F): the correlation matrix of the normalised
 * indicators as a heat map (blue positive, orange-red negative, the value in each cell),
 * and each unit's rank shift when one indicator is left out (one strip per indicator, a
 * dot per unit, with the mean absolute shift). Inline SVG, no script.
 */
import { formatNumberIn, type Lang, translate } from "../i18n/index.js";
import { ramp } from "./svg/colour.js";
import { coord, escapeXml, svgText } from "./svg/markup.js";
import type { AuditCharts, ReportDocument } from "./types.js";

const POSITIVE = ["#f1efe9", "#a9cbe3", "#5b9bc8", "#2a6ba3", "#17426e"];
const NEGATIVE = ["#f1efe9", "#f3c2a2", "#e48a5e", "#c2532e", "#84301a"];

/** Cell colour of a correlation r in [−1, 1]; grey where r is undefined. */
export function correlationColour(r: number | null): string {
  if (r === null) return "#dcdcdc";
  return r >= 0 ? ramp(POSITIVE, r) : ramp(NEGATIVE, -r);
}

const CELL = 78;
const LABEL = 120;

export function correlationHeatMap(charts: AuditCharts, lang: Lang = "en"): string {
  const k = charts.indicators.length;
  const top = 28;
  const width = LABEL + k * CELL + 10;
  const height = top + k * CELL + 10;
  const parts = [
    `<svg class="chart heatmap" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(translate(lang, "html.audit.heatmap_label"))}">`,
  ];
  charts.indicators.forEach((ind, j) => {
    parts.push(
      svgText(LABEL + j * CELL + CELL / 2, top - 8, ind.short, 'class="tick" text-anchor="middle"'),
    );
  });
  charts.indicators.forEach((row, a) => {
    const y = top + a * CELL;
    parts.push(svgText(LABEL - 6, y + CELL / 2 + 4, row.short, 'class="tick" text-anchor="end"'));
    charts.indicators.forEach((col, b) => {
      const r = charts.correlation[a]?.[b] ?? null;
      const x = LABEL + b * CELL;
      const text = r === null ? "–" : formatNumberIn(r, 2, lang);
      const ink = r !== null && Math.abs(r) > 0.6 ? "#fff" : "#1d2330";
      parts.push(
        `<g><title>${escapeXml(`${row.id} × ${col.id}: r = ${text}`)}</title>`,
        `<rect x="${coord(x)}" y="${coord(y)}" width="${CELL - 2}" height="${CELL - 2}" fill="${correlationColour(r)}"/>`,
        svgText(x + CELL / 2 - 1, y + CELL / 2 + 3, text, `text-anchor="middle" fill="${ink}"`),
        "</g>",
      );
    });
  });
  parts.push("</svg>");
  return parts.join("\n");
}

const STRIP_WIDTH = 620;
const STRIP_ROW = 34;
const STRIP_LEFT = 150;
const STRIP_RIGHT = STRIP_WIDTH - 110;

/** One strip per left-out indicator: each unit's rank change (without − with), centred on 0. */
export function rankShiftChart(charts: AuditCharts, lang: Lang = "en"): string {
  const rows = charts.leaveOneOut;
  const shiftsOf = (l: AuditCharts["leaveOneOut"][number]) =>
    l.shifts.map((s) => s.without - s.rank);
  const extent = Math.max(1, ...rows.flatMap((l) => shiftsOf(l).map(Math.abs)));
  const x = (shift: number) =>
    STRIP_LEFT + ((shift + extent) / (2 * extent)) * (STRIP_RIGHT - STRIP_LEFT);
  const top = 30;
  const height = top + rows.length * STRIP_ROW + 12;
  const short = new Map(charts.indicators.map((i) => [i.id, i.short]));
  const parts = [
    `<svg class="chart rank-shifts" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${STRIP_WIDTH} ${height}" width="${STRIP_WIDTH}" height="${height}" role="img" aria-label="${escapeXml(translate(lang, "html.audit.shifts_label"))}">`,
    svgText(STRIP_RIGHT + 24, 14, "mean |Δ|", 'class="head"'),
  ];
  for (const t of [-extent, -Math.round(extent / 2), 0, Math.round(extent / 2), extent]) {
    parts.push(
      `<line class="grid" x1="${coord(x(t))}" y1="${top - 6}" x2="${coord(x(t))}" y2="${height - 8}"/>`,
      svgText(x(t), top - 10, t > 0 ? `+${t}` : String(t), 'class="tick" text-anchor="middle"'),
    );
  }
  rows.forEach((l, i) => {
    const y = top + i * STRIP_ROW + STRIP_ROW / 2;
    parts.push(
      svgText(
        STRIP_LEFT - 8,
        y + 4,
        `− ${short.get(l.indicator) ?? l.indicator}`,
        'text-anchor="end"',
      ),
      svgText(STRIP_RIGHT + 24, y + 4, l.meanAbsRankChange.toFixed(2), 'class="num"'),
    );
    for (const s of l.shifts) {
      const shift = s.without - s.rank;
      const colour = shift < 0 ? "#2a6ba3" : shift > 0 ? "#c2532e" : "#8a8f98";
      parts.push(
        `<circle cx="${coord(x(shift))}" cy="${coord(y)}" r="3" fill="${colour}" fill-opacity="0.45"><title>${escapeXml(translate(lang, "html.audit.shift_title", { name: s.name, rank: s.rank, without: s.without }))}</title></circle>`,
      );
    }
  });
  parts.push("</svg>");
  return parts.join("\n");
}

/** The section, or "" for documents that are not audits. */
export function auditSection(doc: ReportDocument): string {
  if (doc.audit === undefined) return "";
  const lang: Lang = doc.lang ?? "en";
  const w = (key: string) => escapeXml(translate(lang, `html.audit.${key}`));
  return [
    '<section class="audit">',
    `<h2>${w("relate_title")}</h2>`,
    `<figure>${correlationHeatMap(doc.audit, lang)}<figcaption>${w("relate_caption")}</figcaption></figure>`,
    ...(doc.audit.leaveOneOut.length > 0
      ? [
          `<h2>${w("loo_title")}</h2>`,
          `<figure>${rankShiftChart(doc.audit, lang)}<figcaption>${w("loo_caption")}</figcaption></figure>`,
        ]
      : []),
    "</section>",
  ].join("\n");
}
