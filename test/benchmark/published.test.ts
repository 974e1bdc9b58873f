import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  findContradictions,
  publishedResults,
  rankResults,
  roundPublished,
} from "../../src/benchmark/published.js";
import type { BenchmarkResult, Contradiction, Observation } from "../../src/benchmark/types.js";
import { runBenchmark } from "../../src/pipeline/benchmark/run.js";

function obs(
  municipality: string,
  actualPct: number,
  expectedStarPct: number,
  publishedRank?: number,
): Observation {
  return {
    municipality,
    name: `M${municipality}`,
    file: "x.jsonl",
    line: 1,
    actualPct,
    expectedStarPct,
    columns: {},
    ...(publishedRank !== undefined ? { publishedRank } : {}),
  };
}

const ranked = (rows: Observation[]): BenchmarkResult[] =>
  rankResults(
    publishedResults(rows, () => "DK-83"),
    2,
  );

describe("published ranking", () => {
  it("ranks ascending by the residual and shares the best rank on equal rounded residuals", () => {
    // residuals: 101 −0.5, 147 +0.2, 151 −0.5 (tie with 101), 153 −0.1
    const r = ranked([
      obs("101", 9.5, 10),
      obs("147", 8.2, 8),
      obs("151", 7.5, 8),
      obs("153", 6.9, 7),
    ]);
    expect(r.map((x) => [x.municipality, x.rank, x.tied])).toEqual([
      ["101", 1, true],
      ["151", 1, true],
      ["153", 3, false],
      ["147", 4, false],
    ]);
  });

  it("compares residuals computed from rounded shares at two decimals (no float noise)", () => {
    // 9.28 − 9.08 is 0.1999… in binary; it must tie with a published 0.20.
    expect(roundPublished(9.28 - 9.08)).toBe(0.2);
    const r = ranked([obs("101", 9.28, 9.08), { ...obs("147", 5, 4.8), publishedResidualPp: 0.2 }]);
    expect(r.every((x) => x.rank === 1 && x.tied)).toBe(true);
  });

  it("accepts any published order within a tie", () => {
    const r = ranked([obs("101", 9.5, 10, 2), obs("151", 7.5, 8, 1), obs("153", 6.9, 7, 3)]);
    expect(findContradictions(r)).toEqual([]);
  });

  it("flags a published rank that contradicts the order of the rounded residuals", () => {
    const r = ranked([obs("101", 9.5, 10, 2), obs("153", 6.9, 7, 1), obs("147", 8.2, 8, 3)]);
    const found = findContradictions(r);
    expect(found).toHaveLength(1);
    expect(found[0]?.better).toEqual({
      municipality: "101",
      name: "M101",
      residualPp: -0.5,
      publishedRank: 2,
    });
    expect(found[0]?.worse).toEqual({
      municipality: "153",
      name: "M153",
      residualPp: -0.1,
      publishedRank: 1,
    });
  });

  it("flags equal published ranks for different residuals", () => {
    const r = ranked([obs("101", 9.5, 10, 1), obs("153", 6.9, 7, 1)]);
    expect(findContradictions(r)).toHaveLength(1);
  });
});

/** findContradictions as it was before its one-pass check: every pair, the same order. */
function contradictionsReference(results: readonly BenchmarkResult[]): Contradiction[] {
  const withRank = results
    .filter((r): r is BenchmarkResult & { publishedRank: number } => r.publishedRank !== undefined)
    .map((r) => ({
      municipality: r.municipality,
      name: r.name,
      residualPp: roundPublished(r.residualPp),
      publishedRank: r.publishedRank,
    }))
    .sort((a, b) => a.residualPp - b.residualPp || a.publishedRank - b.publishedRank);
  const found: Contradiction[] = [];
  for (let i = 0; i < withRank.length; i++) {
    for (let j = i + 1; j < withRank.length; j++) {
      const better = withRank[i] as (typeof withRank)[number];
      const worse = withRank[j] as (typeof withRank)[number];
      if (better.residualPp < worse.residualPp && better.publishedRank >= worse.publishedRank) {
        found.push({ better, worse });
      }
    }
  }
  return found;
}

describe("findContradictions against every pair", () => {
  it("finds exactly the pairs, in the same order, on random rankings", () => {
    const row = fc.record({
      // Few distinct residuals, so that ties are common; NaN as a share missing.
      residualPp: fc.oneof(
        fc.integer({ min: -5, max: 5 }).map((n) => n / 10),
        fc.constantFrom(Number.NaN, 0.004, -0.005),
      ),
      publishedRank: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    });
    let contradicted = 0;
    fc.assert(
      fc.property(fc.array(row, { maxLength: 14 }), fc.boolean(), (rows, ordered) => {
        // Mostly ranks in the residuals' order (no contradiction), sometimes shuffled.
        const sorted = ordered ? [...rows].sort((a, b) => a.residualPp - b.residualPp || 0) : rows;
        const results = sorted.map(
          (r, i): BenchmarkResult => ({
            municipality: String(101 + i),
            name: `M${i}`,
            region: null,
            actualPct: 5,
            expectedPct: 5,
            residualPp: r.residualPp,
            residualPersons: null,
            rank: i + 1,
            tied: false,
            ...(r.publishedRank !== undefined
              ? { publishedRank: ordered ? i + 1 : r.publishedRank }
              : {}),
          }),
        );
        const want = contradictionsReference(results);
        expect(findContradictions(results)).toEqual(want);
        if (want.length > 0) contradicted++;
      }),
      { numRuns: 3000 },
    );
    expect(contradicted).toBeGreaterThan(100);
  });
});

describe("published mode on other shapes of the same extract", () => {
  const shipped = runBenchmark({ period: "2021QMAT04" });
  for (const [shape, file] of [
    ["API v2 JSON (Variables/Data)", "fixtures/benchmark/y30r21-2021QMAT04-api.json"],
    ["; CSV with decimal commas", "fixtures/benchmark/y30r21-2021QMAT04.csv"],
  ] as const) {
    it(`gives the same results from ${shape}`, async () => {
      const { document } = await runBenchmark({ inputs: [file] });
      const expected = (await shipped).document.json;
      expect(document.json.results).toEqual(expected.results);
      expect(document.json.period).toBe("2021QMAT04");
    });
  }

  it("flags a deliberately swapped published rank, and --verify exits 1", async () => {
    const input = ["fixtures/benchmark/y30r21-swapped-rank.jsonl"];
    const plain = await runBenchmark({ inputs: input });
    expect(plain.exitCode).toBe(0);
    const verified = await runBenchmark({ inputs: input, verify: true });
    expect(verified.exitCode).toBe(1);
    const contradictions = verified.document.json.contradictions as Array<{
      better: { municipality: string };
      worse: { municipality: string };
    }>;
    expect(contradictions).toHaveLength(1);
    expect(contradictions[0]?.better.municipality).toBe("159"); // Gladsaxe, now published 2nd
    expect(contradictions[0]?.worse.municipality).toBe("151"); // Ballerup, now published 1st
  });

  it("passes --verify on the real extract", async () => {
    expect((await runBenchmark({ verify: true })).exitCode).toBe(0);
  });

  it("marks ties with = in the table and shows every published rank", async () => {
    const { document } = await runBenchmark({ period: "2021QMAT04" });
    // A numeric rank; the reporters show `7=` from `tied` (the rank column's tiedKey).
    expect(document.rows.filter((r) => r.rank === 7).every((r) => r.tied === true)).toBe(true);
    expect(document.rows.filter((r) => r.rank === 7).length).toBeGreaterThan(1);
    expect(document.rows.every((r) => typeof r.published_rank === "number")).toBe(true);
    expect(document.chart?.better).toBe("lower");
  });

  it("re-runs from its recorded options to the same JSON (what check relies on)", async () => {
    const first = await runBenchmark({ group: "Sygedagpenge", costPerFte: 400000 });
    const again = await runBenchmark(JSON.parse(JSON.stringify(first.document.json.options)));
    expect(again.document.json).toEqual(first.document.json);
  });
});
