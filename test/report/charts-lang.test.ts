/**
 * The HTML charts speak the report's language: the funnel plot's heading, legend, axis
 * title and hovers, the rank-history panels, the bars, the map, the rank intervals, the rank trend
 * and the survey's share intervals, with
 * Danish numbers under `lang: "da"` and the English wording unchanged by default. (The
 * HTML snapshots leave the SVG out; this is where its text is checked.)
 */
import { afterEach, describe, expect, it } from "vitest";
import { useLang } from "../../src/i18n/index.js";
import { runBenchmark } from "../../src/pipeline/benchmark/run.js";
import { runSurvey } from "../../src/pipeline/survey/run.js";
import { renderHtml } from "../../src/report/html.js";
import { funnelChart } from "../../src/report/svg/funnel.js";
import { rankHistoryChart } from "../../src/report/svg/history.js";
import { intervalChart } from "../../src/report/svg/intervals.js";
import { shareIntervalChart } from "../../src/report/svg/share-intervals.js";
import { trendChart } from "../../src/report/svg/trend.js";

afterEach(() => useLang("en"));

const titles = (svg: string) => [...svg.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]);

describe("chart text by language", () => {
  it("funnel plot: heading, legend, axis title and hovers", async () => {
    const { document } = await runBenchmark({});
    const funnel = document.funnel;
    if (funnel === undefined) throw new Error("expected a funnel");
    const en = funnelChart(funnel, { better: "lower" });
    const da = funnelChart(funnel, { better: "lower", lang: "da" });
    expect(en).toContain("expected full-time persons on public support (log scale)");
    expect(en).toContain("below 99.8 %");
    expect(da).toContain(
      "forventede fuldtidspersoner på offentlig forsørgelse (logaritmisk skala)",
    );
    expect(da).toContain("forholdet mellem faktisk og forventet andel (1 = som forventet)");
    expect(da).toContain("under 99,8 %");
    expect(da).toContain("99,8 %-grænser");
    // What people read (text, hovers): no English left; data-flag values stay machine words.
    expect(da.replace(/<[^>]*>/g, " ")).not.toMatch(/expected|within|limits|ratio/);
    const gladsaxe = titles(da).find((t) => t?.startsWith("Gladsaxe:"));
    expect(gladsaxe).toMatch(
      /^Gladsaxe: forhold 0,\d{3}, [\d.]+ forventede personer; under 95 %- og 99,8 %-grænserne \(klart bedre end forventet\)$/,
    );
  });

  it("rank history panels", async () => {
    const { document } = await runBenchmark({ history: true });
    const trend = document.trend;
    if (trend === undefined) throw new Error("expected a trend");
    const da = rankHistoryChart(trend, undefined, "da");
    expect(da).toContain("Hvert felt: placering");
    expect(da).toContain('aria-label="Placering pr. periode, ét felt pr. enhed"');
    expect(da.replace(/<[^>]*>/g, " ")).not.toMatch(/Each panel|rank \d/);
    expect(rankHistoryChart(trend)).toContain("Each panel: rank");
  });

  it("survey share intervals and the HTML captions around them", async () => {
    useLang("da");
    const { document } = await runSurvey({});
    const panel = document.shareIntervals?.[0];
    if (panel === undefined) throw new Error("expected a panel");
    const tip = titles(shareIntervalChart(panel, "da"))[0];
    expect(tip).toMatch(/^[^:]+: \d+,\d %, interval \d+,\d–\d+,\d %$/);
    const page = renderHtml({ ...document, lang: "da" });
    expect(page).toContain("<h2>Andele med 95 %-intervaller</h2>");
    expect(page).toContain("Prik: andelen; linje: dens interval.");
  });

  it("bars, map, rank intervals and the rank trend", async () => {
    useLang("da");
    const { document } = await runBenchmark({ uncertainty: 100, history: true });
    const intervals = document.intervals;
    const trend = document.trend;
    if (intervals === undefined || trend === undefined) throw new Error("expected charts");
    const da = intervalChart(intervals, "da");
    expect(da).toContain("placering (prik), median (streg) og interval (linje); 1 = bedst");
    expect(titles(da)[0]).toMatch(/^[^:]+: placering \d+, median [\d,]+, interval [\d,]+–[\d,]+$/);
    expect(intervalChart(intervals)).toContain("rank (dot), median (tick)");
    expect(trendChart(trend, "da")).toContain('aria-label="Placering pr. periode"');
    const page = renderHtml({ ...document, lang: "da" });
    const bars = page.match(/<svg class="chart bars"[\s\S]*?<\/svg>/)?.[0] ?? "";
    expect(bars).toContain("← bedre");
    expect(bars).toContain("dårligere →");
    expect(titles(bars)[0]).toMatch(/ \(placering 1\)$/);
    const map = page.match(/<svg class="chart map"[\s\S]*?<\/svg>/)?.[0] ?? "";
    expect(map).toMatch(/aria-label="Kort over [^"]+ pr\. kommune"/);
    expect(map).toContain("← bedre");
    expect(titles(map).find((t) => t?.startsWith("Gladsaxe:"))).toMatch(/, placering 1$/);
    expect(map.replace(/<[^>]*>/g, " ")).not.toMatch(/no data|rank \d|better|worse/);
  });
});
