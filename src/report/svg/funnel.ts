/**
 * Funnel plot (METHOD.md C; Spiegelhalter 2005): each municipality's ratio of actual to
 * expected share (y) against its expected full-time persons E (x, log scale), with the
 * limits 1 ± q·√(1/E + τ²) at 95 % (dashed) and 99.8 % (solid). The limits narrow as E
 * grows, so a small municipality needs a larger ratio to stand out. Points outside a limit
 * are coloured by side (blue better, orange-red worse); those outside 99.8 % are named.
 */
import { type Lang, translate } from "../../i18n/index.js";
import { formatNumber, groupThousands } from "../format.js";
import type { ReportDocument } from "../types.js";
import { BAR_BAD, BAR_GOOD } from "./colour.js";
import { coord, escapeXml, svgText } from "./markup.js";

export type FunnelData = NonNullable<ReportDocument["funnel"]>;
type FunnelPoint = FunnelData["points"][number];

const WIDTH = 1000;
const HEIGHT = 500;
const LEFT = 58;
const RIGHT = WIDTH - 150;
const TOP = 48;
const BOTTOM = HEIGHT - 46;
/** Samples along each limit curve (log-spaced in E). */
const SAMPLES = 80;

const LIGHT_GOOD = "#7fb0d6";
const LIGHT_BAD = "#eba07c";
const WITHIN = "#b9bec6";

export interface FunnelChartOptions {
  /** Is a ratio below 1 better (the benchmark: fewer on public support) or worse? */
  better: "higher" | "lower";
  /** Units to emphasise and name (`--only`); none when every unit is shown. */
  highlight?: ReadonlySet<string>;
  /** The language of the heading, legend, axis title and hovers (numbers in its style). */
  lang?: Lang;
}

/**
 * The 1-2-5 steps from the last at or below `lo` to the first at or above `hi`: the log
 * axis' ticks, its ends included.
 *
 * @example logTicks(80, 41600) // [50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000]
 */
export function logTicks(lo: number, hi: number): number[] {
  const steps: number[] = [];
  let decade = 10 ** Math.floor(Math.log10(lo));
  if (decade > lo) decade /= 10;
  while (steps.length === 0 || (steps.at(-1) as number) < hi) {
    for (const m of [1, 2, 5]) steps.push(m * decade);
    decade *= 10;
  }
  const first = steps.findLastIndex((t) => t <= lo);
  const last = steps.findIndex((t) => t >= hi);
  return steps.slice(Math.max(0, first), last + 1);
}

/** The limit of one side at precision E. */
function limit(e: number, tau2: number, q: number, side: 1 | -1): number {
  return 1 + side * q * Math.sqrt(1 / e + tau2);
}

/** Where a limit meets the ratio `edge` (E as a function of the limit); Infinity if never. */
function precisionAt(edge: number, tau2: number, q: number): number {
  const v = ((edge - 1) / q) ** 2 - tau2;
  return v > 0 ? 1 / v : Number.POSITIVE_INFINITY;
}

/** The ratio axis: every point, and both 99.8 % limits at the smallest E, in steps of 0.1. */
function yDomain(f: FunnelData, minE: number): [number, number] {
  const ratios = f.points.map((p) => p.ratio);
  const lo = Math.min(...ratios, limit(minE, f.tau2, f.q998, -1)) - 0.02;
  const hi = Math.max(...ratios, limit(minE, f.tau2, f.q998, 1)) + 0.02;
  return [Math.floor(lo * 10) / 10, Math.ceil(hi * 10) / 10];
}

function flagWords(p: FunnelPoint, lang: Lang): string {
  if (p.flag95 === "within") return translate(lang, "chart.funnel.flags_within");
  const side = p.flag95;
  if (p.flag998 === side) return translate(lang, `chart.funnel.flags_both_${side}`);
  return translate(lang, `chart.funnel.flags_95_${side}`);
}

function meaning(p: FunnelPoint, better: "higher" | "lower", lang: Lang): string {
  if (p.flag95 === "within") return "";
  const good = (p.flag95 === "below") === (better === "lower");
  return translate(lang, good ? "chart.funnel.better" : "chart.funnel.worse");
}

function pointColour(p: FunnelPoint, better: "higher" | "lower"): string {
  if (p.flag95 === "within") return WITHIN;
  const good = (p.flag95 === "below") === (better === "lower");
  const strong = p.flag998 !== "within";
  if (good) return strong ? BAR_GOOD : LIGHT_GOOD;
  return strong ? BAR_BAD : LIGHT_BAD;
}

/** One limit curve as path data, from where it enters the plot to the axis' right end. */
function curve(
  f: FunnelData,
  q: number,
  side: 1 | -1,
  xLo: number,
  xHi: number,
  yEdge: number,
  x: (e: number) => number,
  y: (r: number) => number,
): string {
  const start = Math.max(xLo, precisionAt(yEdge, f.tau2, q));
  if (!(start < xHi)) return "";
  const a = Math.log10(start);
  const b = Math.log10(xHi);
  let d = "";
  for (let i = 0; i <= SAMPLES; i++) {
    const e = 10 ** (a + ((b - a) * i) / SAMPLES);
    d += `${i === 0 ? "M" : "L"}${coord(x(e))} ${coord(y(limit(e, f.tau2, q, side)))}`;
  }
  return d;
}

interface LabelBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
  baseline: number;
  anchor: "start" | "end";
}

/** About the width of a name in the chart's 11 px bold face. */
function labelWidth(text: string): number {
  return [...text].length * 6.6;
}

const overlaps = (a: LabelBox, b: LabelBox) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * A name's place beside its point at (x, y): right of it, else left, else a line above or
 * below on either side; the first that clears the names placed so far (else the first).
 */
function placeLabel(x: number, y: number, width: number, placed: readonly LabelBox[]): LabelBox {
  const candidates: LabelBox[] = [0, -11, 11].flatMap((dy) =>
    (["start", "end"] as const).map((anchor) => {
      const baseline = y + 4 + dy;
      const left = anchor === "start" ? x + 7 : x - 7 - width;
      return {
        left,
        right: left + width,
        top: baseline - 10,
        bottom: baseline + 2,
        baseline,
        anchor,
      };
    }),
  );
  const free = candidates.find((c) => c.right <= WIDTH && !placed.some((b) => overlaps(b, c)));
  return free ?? (candidates[0] as LabelBox);
}

const byId = (a: FunnelPoint, b: FunnelPoint) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function funnelChart(f: FunnelData, options: FunnelChartOptions): string {
  const points = f.points.filter((p) => p.expected > 0 && Number.isFinite(p.ratio));
  const expected = points.map((p) => p.expected);
  if (points.length === 0) return "";
  const ticks = logTicks(Math.min(...expected), Math.max(...expected));
  const xLo = ticks[0] as number;
  const xHi = Math.max(ticks.at(-1) as number, xLo * 10);
  const [yLo, yHi] = yDomain(f, Math.min(...expected));
  const lx = (e: number) =>
    LEFT +
    ((Math.log10(e) - Math.log10(xLo)) / (Math.log10(xHi) - Math.log10(xLo))) * (RIGHT - LEFT);
  const ly = (r: number) => BOTTOM - ((r - yLo) / (yHi - yLo)) * (BOTTOM - TOP);
  const highlight = options.highlight ?? new Set<string>();
  const lang = options.lang ?? "en";
  const w = (key: string, params?: Record<string, string | number>) =>
    translate(lang, `chart.funnel.${key}`, params);
  const mark = lang === "da" ? "," : ".";
  const level998 = lang === "da" ? "99,8 %" : "99.8 %";
  const [goodSide, badSide] = (
    options.better === "lower" ? ["below", "above"] : ["above", "below"]
  ).map((side) => translate(lang, `word.side_${side}`));
  const side = (which: string | undefined, level: string) =>
    w("legend_side", { side: which ?? "", level });

  const parts = [
    `<svg class="chart funnel" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escapeXml(w("aria"))}">`,
    svgText(LEFT, 14, w("head"), 'class="head"'),
  ];
  // Legend: the points' colours and the two line styles.
  const legend: Array<[string, string]> = [
    [BAR_GOOD, side(goodSide, level998)],
    [LIGHT_GOOD, side(goodSide, "95 %")],
    [WITHIN, w("within")],
    [LIGHT_BAD, side(badSide, "95 %")],
    [BAR_BAD, side(badSide, level998)],
  ];
  let lxPos = LEFT;
  for (const [colour, text] of legend) {
    parts.push(
      `<circle cx="${coord(lxPos + 4)}" cy="31" r="4" fill="${colour}"/>`,
      svgText(lxPos + 12, 35, text, 'class="hint"'),
    );
    lxPos += 24 + text.length * 6.2;
  }
  parts.push(
    `<line class="limit95" x1="${coord(lxPos + 8)}" y1="31" x2="${coord(lxPos + 34)}" y2="31"/>`,
    svgText(lxPos + 40, 35, w("limits", { level: "95 %" }), 'class="hint"'),
    `<line class="limit998" x1="${coord(lxPos + 124)}" y1="31" x2="${coord(lxPos + 150)}" y2="31"/>`,
    svgText(lxPos + 156, 35, w("limits", { level: level998 }), 'class="hint"'),
  );

  for (let t = Math.round(yLo * 10); t <= Math.round(yHi * 10); t++) {
    const r = t / 10;
    parts.push(
      `<line class="grid" x1="${LEFT}" y1="${coord(ly(r))}" x2="${RIGHT}" y2="${coord(ly(r))}"/>`,
      svgText(LEFT - 6, ly(r) + 4, formatNumber(r, 1, mark), 'class="tick" text-anchor="end"'),
    );
  }
  for (const t of ticks) {
    parts.push(
      `<line class="grid" x1="${coord(lx(t))}" y1="${TOP}" x2="${coord(lx(t))}" y2="${BOTTOM}"/>`,
      svgText(
        lx(t),
        BOTTOM + 16,
        groupThousands(t, lang === "da" ? "." : ","),
        'class="tick" text-anchor="middle"',
      ),
    );
  }
  parts.push(
    svgText((LEFT + RIGHT) / 2, HEIGHT - 10, w("axis"), 'class="hint" text-anchor="middle"'),
    `<line class="axis" x1="${LEFT}" y1="${BOTTOM}" x2="${RIGHT}" y2="${BOTTOM}"/>`,
    `<line class="target" x1="${LEFT}" y1="${coord(ly(1))}" x2="${RIGHT}" y2="${coord(ly(1))}"/>`,
  );
  const curves: ReadonlyArray<[number, string, string]> = [
    [f.q95, "limit95", "95 %"],
    [f.q998, "limit998", level998],
  ];
  for (const [q, cls, text] of curves) {
    for (const side of [1, -1] as const) {
      const d = curve(f, q, side, xLo, xHi, side === 1 ? yHi : yLo, lx, ly);
      if (d !== "") parts.push(`<path class="${cls}" d="${d}"/>`);
      const end = limit(xHi, f.tau2, q, side);
      parts.push(svgText(RIGHT + 6, ly(end) + 4, text, 'class="hint"'));
    }
  }

  // Points within the limits first, the marked ones on top; each group by code.
  const order = [...points].sort(
    (a, b) =>
      Number(a.flag95 !== "within") - Number(b.flag95 !== "within") ||
      Number(highlight.has(a.id)) - Number(highlight.has(b.id)) ||
      byId(a, b),
  );
  for (const p of order) {
    const outside = p.flag95 !== "within";
    const ring = highlight.has(p.id) ? ' stroke="#1d2330" stroke-width="1.6"' : "";
    const tip = w("tip", {
      name: p.name,
      ratio: formatNumber(p.ratio, 3, mark),
      expected: groupThousands(Math.round(p.expected), lang === "da" ? "." : ","),
      flags: flagWords(p, lang),
      meaning: meaning(p, options.better, lang),
    });
    parts.push(
      `<circle class="fp${outside ? " outside" : ""}" data-code="${escapeXml(p.id)}" data-flag="${p.flag95}-${p.flag998}" cx="${coord(lx(p.expected))}" cy="${coord(ly(p.ratio))}" r="${outside ? 4.5 : 3.5}" fill="${pointColour(p, options.better)}"${ring}><title>${escapeXml(tip)}</title></circle>`,
    );
  }
  // Names beside the points outside 99.8 % and the emphasised ones, clear of each other.
  const named = order
    .filter((p) => p.flag998 !== "within" || highlight.has(p.id))
    .sort((a, b) => b.ratio - a.ratio || byId(a, b));
  const boxes: LabelBox[] = [];
  for (const p of named) {
    const good = p.flag95 !== "within" && (p.flag95 === "below") === (options.better === "lower");
    const cls = p.flag95 === "within" ? "label" : good ? "label good" : "label bad";
    const box = placeLabel(lx(p.expected), ly(p.ratio), labelWidth(p.name), boxes);
    boxes.push(box);
    const anchor = box.anchor === "end" ? ' text-anchor="end"' : "";
    parts.push(
      svgText(
        box.anchor === "end" ? box.right : box.left,
        box.baseline,
        p.name,
        `class="${cls}"${anchor}`,
      ),
    );
  }
  parts.push("</svg>");
  return parts.join("\n");
}
