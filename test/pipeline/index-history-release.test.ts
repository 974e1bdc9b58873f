/**
 * `index --history` lets each quarter's records go once it is scored (and keeps only the
 * last quarter's indicator values): every quarter of the history must still rank exactly
 * as a run of that quarter alone, with the default missing-data mode and with
 * impute-previous (which reads the quarter before each one).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runIndex } from "../../src/pipeline/index/run.js";

const DEMO = "data/demo/fh-synthetic-2019K1-2024K4.csv";

/**
 * The demo with one count of municipality 101 left empty in 2019K3 and 2020K1: with
 * impute-previous those quarters take 2019K2's and 2019K4's values, so the history must
 * still hold the quarter before each one when it scores it.
 */
function withGaps(): string {
  const lines = readFileSync(DEMO, "utf8").split("\n");
  const header = (lines[0] ?? "").split(",");
  const at = header.indexOf("sickness_spell_weeks");
  const out = lines.map((line) => {
    const cells = line.split(",");
    if (cells[0] === "101" && (cells[1] === "2019K3" || cells[1] === "2020K1")) cells[at] = "";
    return cells.join(",");
  });
  const file = join(mkdtempSync(join(tmpdir(), "jobindex-history-")), "gaps.csv");
  writeFileSync(file, out.join("\n"));
  return file;
}

interface HistoryJson {
  periods: string[];
  units: Array<{ id: string; ranks: Array<{ period: string; rank: number; score: number }> }>;
}

interface Result {
  id: string;
  rank: number;
  score: number;
}

async function quarterAlone(input: string, period: string, missing?: "impute-previous") {
  const { document } = await runIndex({
    inputs: [input],
    period,
    ...(missing !== undefined ? { missing } : {}),
  });
  const results = document.json.results as Result[];
  return new Map(results.map((r) => [r.id, { rank: r.rank, score: r.score }]));
}

describe("index --history ranks every quarter as that quarter alone", () => {
  for (const missing of [undefined, "impute-previous"] as const) {
    it(`missing: ${missing ?? "the profile's"}`, async () => {
      const upTo = "2020K2";
      const input = missing === undefined ? DEMO : withGaps();
      const { document } = await runIndex({
        inputs: [input],
        history: true,
        period: upTo,
        ...(missing !== undefined ? { missing } : {}),
      });
      const history = document.json.history as HistoryJson;
      const periods = history.periods;
      expect(periods).toEqual(["2019K1", "2019K2", "2019K3", "2019K4", "2020K1", "2020K2"]);
      if (missing !== undefined) {
        expect(document.json.imputed ?? []).toEqual([]); // 2020K2 itself has no gap
      }
      for (const period of periods) {
        const alone = await quarterAlone(input, period, missing);
        for (const unit of history.units) {
          const point = unit.ranks.find((r) => r.period === period);
          expect(point, `${unit.id} ${period}`).toBeDefined();
          expect({ rank: point?.rank, score: point?.score }).toEqual(alone.get(unit.id));
        }
      }
    });
  }
});
