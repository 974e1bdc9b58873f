/**
 * Properties of both commands through the programmatic API the CLI uses:
 * - any permutation of the input rows gives the same output;
 * - the ranks in the output always form a valid competition ranking of the ranked value.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { InputError, UsageError } from "../../src/diagnostics.js";
import { dataPath } from "../../src/paths.js";
import { runBenchmark } from "../../src/pipeline/benchmark/run.js";
import { runIndex } from "../../src/pipeline/index/run.js";
import { loadRegistry } from "../../src/registry/index.js";
import { documentRows } from "../../src/report/rows.js";
import type { ReportDocument } from "../../src/report/types.js";
import { rankingProblems } from "./ranking.js";

const dir = mkdtempSync(join(tmpdir(), "jobindex-fuzz-order-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const codes = loadRegistry().municipalities.map((m) => m.code);

const INDEX_DEMO = dataPath("demo", "fh-synthetic-2019K1-2024K4.csv");
const Y30R21 = dataPath("benchmark", "y30r21-2020QMAT02-2021QMAT04.jsonl");
const COVARIATES = "x1,log(x2),x3";

/** What a run shows a user: the JSON document and the rows every other format renders. */
function observable(document: ReportDocument): unknown {
  return {
    // Through JSON text: the history's lazily made points are compared as written.
    json: JSON.parse(JSON.stringify(document.json)),
    rows: [...documentRows(document)],
    notes: document.notes,
    sections: document.sections,
  };
}

/** Text lines of a file: `[header, rows]` for CSV, `[undefined, lines]` for JSON lines. */
function linesOf(path: string, hasHeader: boolean): { header: string | undefined; rows: string[] } {
  const lines = readFileSync(path, "utf8")
    .split(/\r?\n/)
    .filter((l) => l !== "");
  return hasHeader
    ? { header: lines[0], rows: lines.slice(1) }
    : { header: undefined, rows: lines };
}

/** Writes the rows in the given order to the same path each time (the path is in the output). */
function writeLines(path: string, header: string | undefined, rows: readonly string[]): string {
  writeFileSync(path, `${[...(header === undefined ? [] : [header]), ...rows].join("\n")}\n`);
  return path;
}

/** fast-check's permutation of n indexes, as a shuffle of the rows. */
const shuffleOf = (n: number) =>
  fc.array(fc.nat(), { minLength: n, maxLength: n }).map((keys) =>
    keys
      .map((key, i) => ({ key, i }))
      .sort((a, b) => a.key - b.key || a.i - b.i)
      .map((x) => x.i),
  );

/** A model-mode input: 98 municipalities, a share and three covariates, `dupes` rows copied. */
function modelCsv(values: Array<{ y: number; x1: number; x2: number; x3: number }>): string[] {
  return values.map((v, i) =>
    [codes[i], v.y.toFixed(2), 10000 + i * 997, v.x1, v.x2, v.x3.toFixed(1)].join(","),
  );
}
const MODEL_HEADER = "municipality,actual_share_pct,population_16_66,x1,x2,x3";

const modelValues = fc
  .array(
    fc.record({
      y: fc.double({ min: 2, max: 15, noNaN: true }),
      x1: fc.integer({ min: 0, max: 1000 }),
      x2: fc.integer({ min: 1, max: 5000 }),
      x3: fc.double({ min: 0, max: 40, noNaN: true }),
    }),
    { minLength: 98, maxLength: 98 },
  )
  // Copy some municipalities' values onto others, so equal residuals (ties) occur.
  .chain((values) =>
    fc.array(fc.tuple(fc.nat(97), fc.nat(97)), { maxLength: 12 }).map((pairs) => {
      const out = values.map((v) => ({ ...v }));
      for (const [from, to] of pairs) out[to] = { ...(out[from] as (typeof out)[number]) };
      return out;
    }),
  );

/**
 * Writes `rows` in random orders to `path` and expects `run` to give what it gives for the
 * file order.
 */
async function expectOrderFree(
  path: string,
  header: string | undefined,
  rows: string[],
  run: () => Promise<{ document: ReportDocument }>,
  numRuns: number,
): Promise<void> {
  writeLines(path, header, rows);
  const expected = observable((await run()).document);
  await fc.assert(
    fc.asyncProperty(shuffleOf(rows.length), async (order) => {
      writeLines(
        path,
        header,
        order.map((i) => rows[i] as string),
      );
      expect(observable((await run()).document)).toEqual(expected);
    }),
    { numRuns },
  );
}

describe("any permutation of the input rows gives the same output", () => {
  it("index (shipped demo data, jobcentres)", async () => {
    const { header, rows } = linesOf(INDEX_DEMO, true);
    const path = join(dir, "index.csv");
    await expectOrderFree(path, header, rows, () => runIndex({ inputs: [path] }), 6);
  });

  it("index by municipality, every quarter in history", async () => {
    const { header, rows } = linesOf(INDEX_DEMO, true);
    const path = join(dir, "index-history.csv");
    const options = { inputs: [path], unit: "municipality", history: true };
    await expectOrderFree(path, header, rows, () => runIndex(options), 4);
  });

  it("benchmark, published mode (shipped Y30R21 extract)", async () => {
    const { rows } = linesOf(Y30R21, false);
    const path = join(dir, "y30r21.jsonl");
    await expectOrderFree(path, undefined, rows, () => runBenchmark({ inputs: [path] }), 6);
  });

  it("benchmark, model mode (least squares must not depend on row order)", async () => {
    const path = join(dir, "model.csv");
    await fc.assert(
      fc.asyncProperty(modelValues, shuffleOf(98), async (values, order) => {
        const rows = modelCsv(values);
        const options = { inputs: [path], covariates: [COVARIATES] };
        writeLines(path, MODEL_HEADER, rows);
        const first = await outcome(() => runBenchmark(options));
        writeLines(
          path,
          MODEL_HEADER,
          order.map((i) => rows[i] as string),
        );
        const second = await outcome(() => runBenchmark(options));
        expect(second).toEqual(first);
      }),
      { numRuns: 8 },
    );
  });
});

/** A run's observable output, or its refusal (a collinear random design may be refused). */
async function outcome(run: () => Promise<{ document: ReportDocument }>): Promise<unknown> {
  try {
    return observable((await run()).document);
  } catch (error) {
    if (error instanceof InputError || error instanceof UsageError)
      return { refused: error.message };
    throw error;
  }
}

interface ResultRow {
  rank: number;
  tied?: boolean;
  score?: number;
  residual_pp?: number;
}

function resultsOf(document: ReportDocument): ResultRow[] {
  return document.json.results as ResultRow[];
}

describe("ranks always form a valid competition ranking", () => {
  it("index by municipality on random counts with repeated rows (ties)", async () => {
    const header = readFileSync(INDEX_DEMO, "utf8").split("\n")[0] as string;
    const count = fc.integer({ min: 1, max: 5000 });
    const row = fc.record({ a: count, b: count, c: count, d: count, e: count, f: count });
    const path = join(dir, "index-random.csv");
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 98, maxLength: 98 }),
        fc.array(fc.tuple(fc.nat(97), fc.nat(97)), { maxLength: 15 }),
        async (values, copies) => {
          for (const [from, to] of copies) values[to] = values[from] as (typeof values)[number];
          const lines = values.map((v, i) =>
            // Sub-counts derived from totals so the constraints (part ≤ total) hold.
            [
              codes[i],
              "2024K4",
              v.a + v.b,
              v.b,
              v.a + v.b + v.c,
              v.d,
              v.d * 13 + v.e,
              v.e,
              v.e * 9 + v.f,
              v.f,
              v.f + v.a,
              v.c,
              v.c + v.d * 20,
            ].join(","),
          );
          writeLines(path, header, lines);
          const { document } = await runIndex({ inputs: [path], unit: "municipality" });
          const results = resultsOf(document);
          expect(results).toHaveLength(98);
          const items = results.map((r) => ({
            rank: r.rank,
            key: r.score as number,
            ...(r.tied === undefined ? {} : { tied: r.tied }),
          }));
          expect(rankingProblems(items, (a, b) => a > b)).toEqual([]);
        },
      ),
      { numRuns: 15 },
    );
  });

  it("benchmark, model mode, on random data with repeated rows (ties)", async () => {
    const path = join(dir, "model-ranks.csv");
    let ranked = 0;
    await fc.assert(
      fc.asyncProperty(modelValues, async (values) => {
        writeLines(path, MODEL_HEADER, modelCsv(values));
        let document: ReportDocument;
        try {
          ({ document } = await runBenchmark({ inputs: [path], covariates: [COVARIATES] }));
        } catch (error) {
          if (error instanceof InputError || error instanceof UsageError) return;
          throw error;
        }
        ranked++;
        const items = resultsOf(document).map((r) => ({
          rank: r.rank,
          key: r.residual_pp as number,
          ...(r.tied === undefined ? {} : { tied: r.tied }),
        }));
        expect(rankingProblems(items, (a, b) => a < b)).toEqual([]);
      }),
      { numRuns: 15 },
    );
    // Random designs are rarely collinear; most runs must have been ranked, not refused.
    expect(ranked).toBeGreaterThan(10);
  });

  it("benchmark, published mode: every group and period of the shipped extract", async () => {
    const groups = [
      "Ydelsesgrupper i alt",
      "Sygedagpenge mv.",
      "A-dagpenge mv.",
      "Kontanthjælp mv.",
    ];
    for (const period of ["2020QMAT02", "2020QMAT04", "2021QMAT02", "2021QMAT04"]) {
      for (const group of groups) {
        const { document } = await runBenchmark({ period, group });
        // Published ranks compare residuals rounded as published (2 decimals).
        const items = resultsOf(document).map((r) => ({
          rank: r.rank,
          key: Number((r.residual_pp as number).toFixed(2)),
          ...(r.tied === undefined ? {} : { tied: r.tied }),
        }));
        expect(items.length, `${period} ${group}`).toBeGreaterThan(90);
        expect(
          rankingProblems(items, (a, b) => a < b),
          `${period} ${group}`,
        ).toEqual([]);
      }
    }
  });
});
