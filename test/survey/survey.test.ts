/**
 * The survey against independent truth (scripts/survey-fixture.py, plain Python, values in
 * fixtures/survey/expected.json) to 1e-9: the demo export, and a small export that pools
 * Esbjerg-Fanø and Vallensbæk-Ishøj before 2022 and not after, with suppression.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runSurvey } from "../../src/pipeline/survey/run.js";
import { wilsonInterval } from "../../src/survey/index.js";

const root = join(import.meta.dirname, "..", "..");
const expected = JSON.parse(readFileSync(join(root, "fixtures/survey/expected.json"), "utf8")) as {
  demo: Truth[];
  pooling: Truth[];
};
const MAP = join(root, "data/survey/business-service-questions.json");

interface Truth {
  round: string;
  area: string;
  name: string;
  n: number;
  mean: number | null;
  satisfied_share: number | null;
  satisfied_low: number | null;
  satisfied_high: number | null;
  suppressed: boolean;
  rank: number | null;
}

function close(actual: number | null, truth: number | null): void {
  if (truth === null) expect(actual).toBeNull();
  else {
    expect(actual).not.toBeNull();
    expect(Math.abs((actual as number) - truth)).toBeLessThanOrEqual(1e-9);
  }
}

async function compare(truth: Truth[], options: Parameters<typeof runSurvey>[0]) {
  const { run } = await runSurvey(options);
  expect(run.cells).toHaveLength(truth.length);
  for (const t of truth) {
    const cell = run.cells.find(
      (c) => c.round === t.round && c.area === t.area && c.name === t.name,
    );
    expect(cell, `${t.round} ${t.area} ${t.name}`).toBeDefined();
    if (cell === undefined) continue;
    expect(cell.n).toBe(t.n);
    expect(cell.suppressed).toBe(t.suppressed);
    expect(cell.rank).toBe(t.rank);
    close(cell.mean, t.mean);
    close(cell.satisfied_share, t.satisfied_share);
    close(cell.satisfied_low, t.satisfied_low);
    close(cell.satisfied_high, t.satisfied_high);
  }
  return run;
}

describe("survey numbers against the independent computation", () => {
  it("the SYNTHETIC demo export, rounds from the date column", async () => {
    const run = await compare(expected.demo, {});
    expect(run.synthetic).toBe(true);
    expect(run.rounds).toEqual(["2023", "2024"]);
    expect(expected.demo.some((t) => t.suppressed)).toBe(true);
  });

  it("pools Esbjerg-Fanø, and Vallensbæk-Ishøj in 2021 but not in 2022; suppresses under 5", async () => {
    const run = await compare(expected.pooling, {
      input: join(root, "fixtures/survey/pooling.csv"),
      questions: MAP,
    });
    const names = (round: string) =>
      [...new Set(run.cells.filter((c) => c.round === round).map((c) => c.name))].sort();
    expect(names("2021")).toEqual(["Billund", "Esbjerg-Fanø", "Vallensbæk-Ishøj"]);
    expect(names("2022")).toEqual(["Billund", "Esbjerg-Fanø", "Ishøj", "Vallensbæk"]);
    const suppressed = run.cells.filter((c) => c.suppressed);
    expect(suppressed.length).toBeGreaterThan(0);
    for (const c of suppressed) {
      expect([c.mean, c.satisfied_share, c.satisfied_low, c.satisfied_high, c.rank]).toEqual([
        null,
        null,
        null,
        null,
        null,
      ]);
    }
  });

  it("by municipality nothing is pooled", async () => {
    const { run } = await runSurvey({
      input: join(root, "fixtures/survey/pooling.csv"),
      questions: MAP,
      unit: "municipality",
    });
    expect(run.cells.some((c) => c.name === "Fanø")).toBe(true);
    expect(run.cells.some((c) => c.name === "Esbjerg-Fanø")).toBe(false);
  });

  it("change since the last round is this share minus the last", async () => {
    const { run } = await runSurvey({});
    for (const c of run.cells.filter((x) => x.round === "2024" && !x.suppressed)) {
      const before = run.cells.find(
        (x) => x.round === "2023" && x.unit === c.unit && x.area === c.area,
      );
      if (before?.satisfied_share == null) expect(c.change).toBeNull();
      else close(c.change, (c.satisfied_share as number) - before.satisfied_share);
    }
  });

  it("Wilson interval: a hand-computed case (8 of 10) and the edges", () => {
    // p = 0.8, z² = 3.841458820416: centre (0.8 + 0.1920729410208) / 1.3841458820416,
    // half 1.959964 / 1.3841458820416 · sqrt(0.016 + 0.00960364705104).
    const { low, high } = wilsonInterval(8, 10, 1.959964);
    expect(low).toBeCloseTo(0.4901624, 6);
    expect(high).toBeCloseTo(0.9433178, 6);
    expect(wilsonInterval(0, 5, 1.959964).low).toBe(0);
    expect(wilsonInterval(5, 5, 1.959964).high).toBe(1);
  });

  it("--only trekant keeps the seven Trekant jobcentres", async () => {
    const { run } = await runSurvey({ only: "trekant" });
    expect(new Set(run.cells.map((c) => c.name)).size).toBe(7);
    const none = await runSurvey({ only: "DK-84" });
    expect(none.run.cells).toHaveLength(0);
  });
});
