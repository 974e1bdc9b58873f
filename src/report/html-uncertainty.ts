/**
 * The HTML sections of the uncertainty additions (METHOD.md C, E): the funnel plot and the
 * rank history as small multiples, with their captions and styles. html.ts places them;
 * the charts are in svg/funnel.ts and svg/history.ts.
 */

import { funnelChart } from "./svg/funnel.js";
import { rankHistoryChart } from "./svg/history.js";
import { codesOf } from "./svg/items.js";
import { escapeXml } from "./svg/markup.js";
import type { ReportDocument } from "./types.js";

export const UNCERTAINTY_STYLE = `
svg .fp:hover { stroke: var(--ink); stroke-width: 2; }
svg .limit95, svg .limit998 { fill: none; stroke: #5d6472; stroke-width: 1.3; }
svg .limit95 { stroke-dasharray: 5 4; }
svg .target { stroke: var(--ink); stroke-width: 1; }
svg .label { fill: var(--ink); }
svg .panel-bg { fill: #f6f7f9; }
svg .panel:hover .panel-bg { fill: #e9edf2; }
svg .spark { fill: none; stroke-width: 1.6; stroke-linejoin: round; }
svg .change { font-weight: 600; }
`;

/** The units the table shows, by their municipality codes: fewer than all with `--only`. */
function shownUnits(doc: ReportDocument): Set<string> {
  const key = doc.chart?.municipalitiesKey ?? "municipality";
  return new Set(doc.rows.flatMap((row) => codesOf(row[key])));
}

function count(points: NonNullable<ReportDocument["funnel"]>["points"]): string {
  const n = (level: "flag95" | "flag998", flag: string) =>
    points.filter((p) => p[level] === flag).length;
  return `Outside the 95 % limits: ${n("flag95", "below")} below, ${n("flag95", "above")} above; outside the 99.8 % limits: ${n("flag998", "below")} below, ${n("flag998", "above")} above; of ${points.length}.`;
}

export function funnelSection(doc: ReportDocument): string {
  const f = doc.funnel;
  if (f === undefined || f.points.length === 0) return "";
  const better = doc.chart?.better ?? "lower";
  const shown = shownUnits(doc);
  const highlight = f.points.every((p) => shown.has(p.id)) ? new Set<string>() : shown;
  const side =
    better === "lower"
      ? "Below the funnel: fewer on public support than expected; above: more."
      : "Above the funnel: better than expected; below: worse.";
  const group = highlight.size > 0 ? " Ringed and named: the units of the table." : "";
  return [
    '<section class="funnel">',
    "<h2>Funnel plot: which differences are more than chance?</h2>",
    `<figure>${funnelChart(f, { better, highlight })}<figcaption>${escapeXml(
      `Each point is a municipality: its ratio of actual to expected share against its expected full-time persons. The limits are 1 ± q·√(1/E + τ²), τ² = ${f.tau2.toPrecision(3)} the spread between municipalities beyond chance; they widen as E falls, so a small municipality needs a larger ratio to stand out. ${side} ${count(f.points)} Named: outside the 99.8 % limits.${group} Hover a point for its municipality.`,
    )}</figcaption></figure>`,
    "</section>",
  ].join("\n");
}

export function historySection(doc: ReportDocument): string {
  const trend = doc.trend;
  if (trend === undefined || trend.periods.length < 2 || trend.series.length === 0) return "";
  const shown = shownUnits(doc);
  const subset =
    trend.series.some((s) => !shown.has(s.id)) && trend.series.some((s) => shown.has(s.id));
  const caption = subset
    ? "The units of the table, with the national best and worst three in the latest period (grey names) for comparison."
    : "Every unit, in the order of the latest rank.";
  return [
    '<section class="history">',
    "<h2>Rank history, one panel each</h2>",
    `<figure>${rankHistoryChart(trend, shown)}<figcaption>${escapeXml(`${caption} The line runs from the first period to the latest, rank 1 at the top of each panel; ▲ better (blue), ▼ worse (orange-red) than the period before. Hover a panel for its ranks.`)}</figcaption></figure>`,
    "</section>",
  ].join("\n");
}
