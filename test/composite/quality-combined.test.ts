/**
 * `index --method quality-combined` (data/methods/quality-combined.json): open data, the
 * survey's four areas and caseworker continuity in one composite, on its SYNTHETIC demo
 * input (scripts/quality-combined-make-demo.mjs). It ranks the seven Trekant jobcentres,
 * and each indicator equals what the separate commands give for the same unit and quarter:
 * `index --method open`, `index --method quality` and `survey` (unsuppressed cells), and
 * `continuity`. The score is checked against z-scores and weights computed here.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { computeContinuity } from "../../src/pipeline/continuity/run.js";
import { computeIndex } from "../../src/pipeline/index/run.js";
import { runSurvey } from "../../src/pipeline/survey/run.js";

const root = join(import.meta.dirname, "..", "..");
const LOG = join(root, "data", "demo", "continuity-synthetic-trekant-2023K4-2024K4.csv");
const TREKANT = ["410", "510", "530", "575", "607", "621", "630"];
const OPEN = ["activation_degree", "longterm_share", "unemployment_change", "cash_assistance_rate"];
const AREAS = ["recruitment", "upskilling", "internships", "retention"];
const SURVEY = AREAS.map((a) => `${a}_satisfied_share`);

function relativeClose(a: number, b: number): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
}

describe.each(["2023K4", "2024K4"])("quality-combined in %s", (period) => {
  it("ranks the seven Trekant jobcentres, synthetic, each indicator from its source", async () => {
    const combined = await computeIndex({ method: "quality-combined", period });
    expect(combined.synthetic).toBe(true);
    const units = combined.scores.units;
    expect(units.map((u) => u.unit.id).sort()).toEqual(TREKANT);
    expect(units.map((u) => u.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);

    const open = await computeIndex({ method: "open", period });
    const quality = await computeIndex({ method: "quality", period });
    const byId = (run: typeof open) => new Map(run.scores.units.map((u) => [u.unit.id, u]));
    const openUnits = byId(open);
    const qualityUnits = byId(quality);
    const continuity = await computeContinuity({ input: LOG, unit: "jobcentre", period });
    const { run: survey } = await runSurvey({});
    const round = period.slice(0, 4);
    let surveyCompared = 0;

    for (const u of units) {
      const id = u.unit.id;
      // The open-data indicators: the same real counts, the same ratios as `open`.
      for (const k of OPEN) {
        expect(u.indicators[k]?.value, `${id} ${k}`).toBe(openUnits.get(id)?.indicators[k]?.value);
      }
      // The survey areas: as `quality`, and as `survey`'s satisfied share where it shows one.
      for (const [i, k] of SURVEY.entries()) {
        const value = u.indicators[k]?.value as number;
        expect(value, `${id} ${k}`).toBe(qualityUnits.get(id)?.indicators[k]?.value);
        const cell = survey.cells.find(
          (c) => c.unit === id && c.round === round && c.area === AREAS[i],
        );
        expect(cell, `${id} ${AREAS[i]} ${round}`).toBeDefined();
        if (cell?.satisfied_share !== null && cell?.satisfied_share !== undefined) {
          relativeClose(value, 100 * cell.satisfied_share);
          surveyCompared++;
        } else expect(cell?.suppressed).toBe(true);
      }
      // Continuity: one municipality per jobcentre here, so the pooled counts are the unit's.
      const row = continuity.rows.find((r) => r.unit === id && r.period === period);
      expect(row?.suppressed, id).toBe(false);
      relativeClose(
        u.indicators.caseworker_changes_per_100?.value as number,
        row?.changes_per_100 as number,
      );
      relativeClose(
        u.indicators.changed_citizen_share?.value as number,
        row?.changed_share as number,
      );
    }
    // Most cells have 5 answers or more: the comparison with `survey` is not vacuous.
    expect(surveyCompared).toBeGreaterThan(20);
  });

  it("the score is the weighted mean of z-scores computed here; a third of the weight per source", async () => {
    const combined = await computeIndex({ method: "quality-combined", period });
    const profile = combined.method.profile.json;
    const weights = profile.weights as Record<string, number>;
    const bySource = (ids: string[]) => ids.reduce((s, k) => s + (weights[k] ?? 0), 0);
    relativeClose(bySource(OPEN), 1 / 3);
    relativeClose(bySource(SURVEY), 1 / 3);
    relativeClose(bySource(["caseworker_changes_per_100", "changed_citizen_share"]), 1 / 3);
    const units = combined.scores.units;
    const score = new Map(units.map((u) => [u.unit.id, 0]));
    for (const indicator of profile.indicators) {
      const xs = units.map((u) => u.indicators[indicator.id]?.value as number);
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
      const direction = indicator.better === "higher" ? 1 : -1;
      for (const [i, u] of units.entries()) {
        const z = (direction * ((xs[i] as number) - mean)) / sd;
        relativeClose(u.indicators[indicator.id]?.normalised as number, z);
        score.set(u.unit.id, (score.get(u.unit.id) ?? 0) + (weights[indicator.id] ?? 0) * z);
      }
    }
    for (const u of units) relativeClose(u.score, score.get(u.unit.id) as number);
    const order = [...score.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    expect(units.map((u) => u.unit.id)).toEqual(order);
  });
});
