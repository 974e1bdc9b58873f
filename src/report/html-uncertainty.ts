/**
 * The HTML sections of the uncertainty additions (METHOD.md C, E): the funnel plot and the
 * rank history as small multiples, with their captions and styles. html.ts places them;
 * the charts are in svg/funnel.ts and svg/history.ts.
 */

import { type Lang, translate } from "../i18n/index.js";
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

function count(points: NonNullable<ReportDocument["funnel"]>["points"], lang: Lang): string {
  const n = (level: "flag95" | "flag998", flag: string) =>
    points.filter((p) => p[level] === flag).length;
  return translate(lang, "html.funnel_count", {
    below95: n("flag95", "below"),
    above95: n("flag95", "above"),
    below998: n("flag998", "below"),
    above998: n("flag998", "above"),
    n: points.length,
  });
}

export function funnelSection(doc: ReportDocument): string {
  const lang = doc.lang ?? "en";
  const w = (key: string, params?: Record<string, string | number>) =>
    translate(lang, `html.${key}`, params);
  const f = doc.funnel;
  if (f === undefined || f.points.length === 0) return "";
  const better = doc.chart?.better ?? "lower";
  const shown = shownUnits(doc);
  const highlight = f.points.every((p) => shown.has(p.id)) ? new Set<string>() : shown;
  const side = w(better === "lower" ? "funnel_side_lower" : "funnel_side_higher");
  const group = highlight.size > 0 ? w("funnel_group") : "";
  const tau2 = f.tau2.toPrecision(3);
  return [
    '<section class="funnel">',
    `<h2>${escapeXml(w("funnel_title"))}</h2>`,
    `<figure>${funnelChart(f, { better, highlight, lang })}<figcaption>${escapeXml(
      w("funnel_caption", {
        tau2: lang === "da" ? tau2.replace(".", ",") : tau2,
        side,
        count: count(f.points, lang),
        group,
      }),
    )}</figcaption></figure>`,
    "</section>",
  ].join("\n");
}

export function historySection(doc: ReportDocument): string {
  const trend = doc.trend;
  if (trend === undefined || trend.periods.length < 2 || trend.series.length === 0) return "";
  const lang = doc.lang ?? "en";
  const shown = shownUnits(doc);
  const subset =
    trend.series.some((s) => !shown.has(s.id)) && trend.series.some((s) => shown.has(s.id));
  const caption = translate(lang, subset ? "html.history_subset" : "html.history_every");
  return [
    '<section class="history">',
    `<h2>${escapeXml(translate(lang, "html.history_title"))}</h2>`,
    `<figure>${rankHistoryChart(trend, shown, lang)}<figcaption>${escapeXml(translate(lang, "html.history_caption", { caption }))}</figcaption></figure>`,
    "</section>",
  ].join("\n");
}
