/**
 * Rank history as small multiples: one small panel per unit, its rank per period as a
 * line (rank 1 at the top of every panel, the periods left to right), its latest rank and
 * the change since the period before (▲ better, ▼ worse). Panels in the order of the
 * latest rank, so the page reads like the list. One chart of 98 lines cannot be read;
 * 98 panels can, each on the same scale.
 */

import { type Lang, translate } from "../../i18n/index.js";
import { formatChange } from "../format.js";
import type { ReportDocument } from "../types.js";
import { shorten } from "./bars.js";
import { BAR_BAD, BAR_GOOD, BAR_NEUTRAL } from "./colour.js";
import { coord, escapeXml, svgText } from "./markup.js";

type Trend = NonNullable<ReportDocument["trend"]>;
type Series = Trend["series"][number];

const WIDTH = 1000;
const COLUMNS = 7;
const GAP = 8;
const PANEL_W = (WIDTH - GAP * (COLUMNS - 1)) / COLUMNS;
const PANEL_H = 80;
const HEAD = 30;
/** Inside a panel: the name, the latest rank with its change, then the plot. */
const PLOT_TOP = 36;
const PLOT_BOTTOM = PANEL_H - 7;
const LINE = "#5d6472";
const PLOT_LEFT = 8;
const PLOT_RIGHT = PANEL_W - 8;
/** With a group (`--only`), the national best and worst this many join it, for comparison. */
const CONTEXT = 3;

export interface RankPanel {
  series: Series;
  /** The latest period's rank, null when the unit is missing there. */
  last: number | null;
  /** Rank change since the period before (after − before: negative is better), if both exist. */
  change: number | null;
  /** Shown for comparison, not a member of the chosen group. */
  context: boolean;
}

function finiteRank(r: number | null | undefined): number | null {
  return typeof r === "number" && Number.isFinite(r) ? r : null;
}

/**
 * The panels to draw, in the order of the latest rank (missing last, ties by id). With
 * `shown` a strict subset of the units (a group), its members and the national best and
 * worst few; otherwise every unit.
 */
export function rankPanels(trend: Trend, shown?: ReadonlySet<string>): RankPanel[] {
  const n = trend.periods.length;
  const panels = trend.series
    .map((series): RankPanel => {
      const last = finiteRank(series.ranks[n - 1]);
      const before = finiteRank(series.ranks[n - 2]);
      return {
        series,
        last,
        change: last === null || before === null ? null : last - before,
        context: false,
      };
    })
    .sort(
      (a, b) =>
        (a.last ?? Number.POSITIVE_INFINITY) - (b.last ?? Number.POSITIVE_INFINITY) ||
        (a.series.id < b.series.id ? -1 : a.series.id > b.series.id ? 1 : 0),
    );
  const members = panels.filter((p) => shown?.has(p.series.id) === true);
  if (shown === undefined || members.length === 0 || members.length === panels.length) {
    return panels;
  }
  const ranked = panels.filter((p) => p.last !== null);
  const context = new Set(
    [...ranked.slice(0, CONTEXT), ...ranked.slice(-CONTEXT)].map((p) => p.series.id),
  );
  return panels
    .filter((p) => shown.has(p.series.id) || context.has(p.series.id))
    .map((p) => ({ ...p, context: !shown.has(p.series.id) }));
}

function linePath(
  ranks: readonly (number | null)[],
  x: (i: number) => number,
  y: (r: number) => number,
): string {
  let d = "";
  let pen = false;
  ranks.forEach((r, i) => {
    const rank = finiteRank(r);
    if (rank === null) {
      pen = false;
      return;
    }
    d += `${pen ? "L" : "M"}${coord(x(i))} ${coord(y(rank))}`;
    pen = true;
  });
  return d;
}

function changeColour(change: number | null): string {
  if (change === null || change === 0) return BAR_NEUTRAL;
  return change < 0 ? BAR_GOOD : BAR_BAD;
}

export function rankHistoryChart(
  trend: Trend,
  shown?: ReadonlySet<string>,
  lang: Lang = "en",
): string {
  const periods = trend.periods;
  const panels = rankPanels(trend, shown);
  const maxRank = Math.max(
    2,
    ...trend.series.flatMap((s) => s.ranks.flatMap((r) => finiteRank(r) ?? [])),
  );
  const rows = Math.ceil(panels.length / COLUMNS);
  const height = HEAD + rows * (PANEL_H + GAP);
  const x = (i: number) =>
    periods.length <= 1
      ? PLOT_LEFT
      : PLOT_LEFT + (i * (PLOT_RIGHT - PLOT_LEFT)) / (periods.length - 1);
  const y = (r: number) => PLOT_TOP + ((r - 1) * (PLOT_BOTTOM - PLOT_TOP)) / (maxRank - 1);
  const parts = [
    `<svg class="chart history" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeXml(translate(lang, "chart.history.aria"))}">`,
    svgText(
      0,
      14,
      translate(lang, "chart.history.head", {
        from: periods[0] ?? "",
        to: periods.at(-1) ?? "",
        max: maxRank,
        previous: periods.at(-2) ?? translate(lang, "chart.history.period_before"),
      }),
      'class="head"',
    ),
  ];
  panels.forEach((p, k) => {
    const left = (k % COLUMNS) * (PANEL_W + GAP);
    const top = HEAD + Math.floor(k / COLUMNS) * (PANEL_H + GAP);
    const change = p.change === null ? "" : formatChange(p.change);
    const ranks = p.series.ranks.map((r, i) => `${periods[i] ?? ""} ${finiteRank(r) ?? "–"}`);
    const tip = `${p.series.name}: ${ranks.join(", ")}${change === "" ? "" : ` (${change})`}`;
    const colour = changeColour(p.change);
    const lastIndex = p.series.ranks.length - 1;
    const dots = p.series.ranks.flatMap((r, i) => {
      const rank = finiteRank(r);
      return rank === null
        ? []
        : [
            `<circle cx="${coord(x(i))}" cy="${coord(y(rank))}" r="${i === lastIndex ? 2.6 : 1.6}" fill="${i === lastIndex ? colour : LINE}"/>`,
          ];
    });
    parts.push(
      `<g class="panel${p.context ? " context" : ""}" data-id="${escapeXml(p.series.id)}" transform="translate(${coord(left)} ${coord(top)})"><title>${escapeXml(tip)}</title>`,
      `<rect class="panel-bg" width="${coord(PANEL_W)}" height="${PANEL_H}" rx="3"/>`,
      svgText(6, 14, shorten(p.series.name, 21), `class="${p.context ? "muted" : "head"}"`),
      svgText(
        6,
        28,
        translate(lang, "chart.history.rank", { rank: p.last ?? "–" }),
        'class="muted"',
      ),
      ...(change === ""
        ? []
        : [svgText(PANEL_W - 6, 28, change, `class="change" text-anchor="end" fill="${colour}"`)]),
      `<path class="spark" stroke="${LINE}" d="${linePath(p.series.ranks, x, y)}"/>`,
      ...dots,
      "</g>",
    );
  });
  parts.push("</svg>");
  return parts.join("\n");
}
