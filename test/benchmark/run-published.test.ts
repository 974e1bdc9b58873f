import { describe, expect, it } from "vitest";
import { computeBenchmark, runBenchmark } from "../../src/pipeline/benchmark/run.js";

const PERIODS = ["2020QMAT02", "2020QMAT04", "2021QMAT02", "2021QMAT04"];
const GROUPS = ["Ydelsesgrupper i alt", "A-dagpenge mv.", "Sygedagpenge mv.", "Kontanthjælp mv."];

describe("published mode on the shipped Y30R21 extract", () => {
  it("shows the latest period and the default group with no options", async () => {
    const { document, exitCode } = await runBenchmark({});
    expect(exitCode).toBe(0);
    expect(document.json.command).toBe("benchmark");
    expect(document.json.mode).toBe("published");
    expect(document.json.period).toBe("2021QMAT04");
    expect(document.json.group).toBe("Ydelsesgrupper i alt");
    const results = document.json.results as Array<Record<string, unknown>>;
    expect(results).toHaveLength(98);
    expect(results.every((r) => typeof r.published_rank === "number")).toBe(true);
  });

  for (const period of PERIODS) {
    for (const group of GROUPS) {
      it(`has no contradictions in ${period} · ${group}`, async () => {
        const outcome = await computeBenchmark({ period, group, verify: true });
        expect(outcome.results).toHaveLength(98);
        expect(outcome.contradictions).toEqual([]);
        expect(new Set(outcome.results.map((r) => r.publishedRank)).size).toBe(98);
      });
    }
  }
});
