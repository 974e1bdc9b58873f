/**
 * Ranked horizontal bar chart: one row per unit, best first, bars from zero coloured by
 * whether their side of zero is the better one. Values sit in their own column on the
 * right so negative bars never run into the labels.
 */
import { type Lang, translate } from "../../i18n/index.js";
import { barColour, type ColourScale } from "./colour.js";
import type { ChartData } from "./items.js";
import { coord, escapeXml, svgText } from "./markup.js";

const WIDTH = 560;
const ROW = 15;
const TOP = 30;
const RANK_RIGHT = 26;
const LABEL_RIGHT = 170;
const PLOT_LEFT = 178;
const PLOT_RIGHT = WIDTH - 62;
const VALUE_RIGHT = WIDTH - 4;

/** The value axis: always includes zero, so bar lengths compare honestly. */
function domain(values: readonly number[]): [number, number] {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  return lo === hi ? [lo, lo + 1] : [lo, hi];
}

/** Long labels are cut to fit the label column; the row's tooltip keeps the full name. */
const LABEL_CHARS = 24;

export function shorten(label: string, max = LABEL_CHARS): string {
  const chars = [...label];
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join("")}…`;
}

export function barChart(data: ChartData, scale: ColourScale, lang: Lang = "en"): string {
  const w = (key: string, params?: Record<string, string>) =>
    translate(lang, `chart.bars.${key}`, params);
  const values = data.items.flatMap((i) => (i.value === null ? [] : [i.value]));
  const [lo, hi] = domain(values);
  const x = (v: number) => PLOT_LEFT + ((v - lo) / (hi - lo)) * (PLOT_RIGHT - PLOT_LEFT);
  const height = TOP + data.items.length * ROW + 8;
  const zero = x(0);
  const parts: string[] = [
    `<svg class="chart bars" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeXml(w("aria", { label: data.valueLabel }))}">`,
    svgText(RANK_RIGHT, 12, "#", 'class="head" text-anchor="end"'),
    svgText(PLOT_LEFT, 12, data.valueLabel, 'class="head"'),
  ];
  if (scale.kind === "diverging") {
    const [left, right] = (
      data.better === "higher" ? ["worse", "better"] : ["better", "worse"]
    ).map((side) => w(side));
    parts.push(
      svgText(PLOT_LEFT, 25, `← ${left}`, 'class="hint"'),
      svgText(PLOT_RIGHT, 25, `${right} →`, 'class="hint" text-anchor="end"'),
    );
  }
  data.items.forEach((item, i) => {
    const y = TOP + i * ROW;
    const base = y + ROW * 0.72;
    const tip = `${item.label}: ${item.text}${item.rank === "" ? "" : w("rank", { rank: item.rank })}`;
    const bar =
      item.value === null
        ? svgText(PLOT_LEFT + 2, base, w("no_data"), 'class="muted"')
        : `<rect x="${coord(Math.min(zero, x(item.value)))}" y="${coord(y + 2)}" width="${coord(Math.max(0.5, Math.abs(x(item.value) - zero)))}" height="${ROW - 4}" fill="${barColour(item.value, scale)}"/>`;
    parts.push(
      `<g class="bar-row"><title>${escapeXml(tip)}</title>`,
      `<rect class="band" x="0" y="${coord(y)}" width="${WIDTH}" height="${ROW}"/>`,
      svgText(RANK_RIGHT, base, item.rank, 'class="rank" text-anchor="end"'),
      svgText(LABEL_RIGHT, base, shorten(item.label), 'text-anchor="end"'),
      bar,
      svgText(VALUE_RIGHT, base, item.text, 'class="num" text-anchor="end"'),
      "</g>",
    );
  });
  parts.push(
    `<line class="axis" x1="${coord(zero)}" y1="${TOP}" x2="${coord(zero)}" y2="${coord(height - 8)}"/>`,
    "</svg>",
  );
  return parts.join("\n");
}
