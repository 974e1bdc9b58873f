/**
 * A run of several quarters reads its inputs once, rows handed over as they are read
 * (src/pipeline/index/held-records.ts), and reports their problems as the inputs read as
 * whole tables do: the same diagnostics, in the same order, the same exit code. Checked
 * against the run of one quarter's reading (`readGrouped` of one quarter), the way those
 * runs read before: every file a table, its rows made count records by `countRecords`,
 * the problems collected in one bag. The
 * extracts are random, with problems put in among their rows (bad periods, months,
 * unknown municipalities, duplicates, a sub-count above its total, counts that are no
 * number, negative or written with the other decimal mark, ragged rows, totals), more than
 * the bag lists, in one to three files, with decimal points or commas, `--decimal-mark`
 * given or not. And what is held: no file is read twice, nor its rows kept in a table.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CountRecord } from "../../src/composite/types.js";
import { type Diagnostic, formatDiagnostic, InputError } from "../../src/diagnostics.js";
import { countColumnsOf } from "../../src/pipeline/index/input.js";
import { loadMethod } from "../../src/pipeline/index/method.js";
import { readGrouped } from "../../src/pipeline/index/run.js";
import type { ReadOptions } from "../../src/read/index.js";
import { loadRegistry } from "../../src/registry/index.js";
import { bin, ensureBuilt } from "../cli/helpers.js";

/** Every read of the pipeline, as it was asked for and what its table held. */
const reads: Array<{ file: string; handedOver: boolean; rowsHeld: number }> = [];
vi.mock("../../src/pipeline/read-table.js", async (original) => {
  const actual = await original<typeof import("../../src/pipeline/read-table.js")>();
  return {
    ...actual,
    readInputTable: async (file: string, options: ReadOptions = {}) => {
      const handedOver = options.onRow !== undefined;
      try {
        const table = await actual.readInputTable(file, options);
        reads.push({ file, handedOver, rowsHeld: table.rows.length });
        return table;
      } catch (error) {
        reads.push({ file, handedOver, rowsHeld: 0 });
        throw error;
      }
    },
  };
});
beforeEach(() => {
  reads.length = 0;
});

const dir = mkdtempSync(join(tmpdir(), "jobindex-held-problems-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const method = loadMethod("fh");
const registry = loadRegistry();
const COUNTS = method.profile.json.input.columns.map((c) => c.name);
const PAIRS = method.profile.json.constraints.map((c) => [
  COUNTS.indexOf(c.part),
  COUNTS.indexOf(c.total),
]);
const MUNICIPALITIES = ["101", "147", "Aarhus", "Høje-Taastrup", "Odense", "Tønder", "825"];
const QUARTERS = ["2020K4", "2021K1", "2021K2", "2021K3"];

type Problem =
  | "unknown"
  | "duplicate"
  | "bad-period"
  | "month"
  | "subcount"
  | "bad-number"
  | "negative"
  | "other-mark"
  | "ambiguous"
  | "spaced"
  | "ragged"
  | "aggregate"
  | "many-duplicates"
  | "many-bad-numbers";

const PROBLEMS: Problem[] = [
  "unknown",
  "duplicate",
  "bad-period",
  "month",
  "subcount",
  "bad-number",
  "negative",
  "other-mark",
  "ambiguous",
  "spaced",
  "ragged",
  "aggregate",
  "many-duplicates",
  "many-bad-numbers",
];

/** More rows with a problem than the bag lists (200). */
const MANY = 205;

interface Extract {
  /** `,` with decimal points, `;` with decimal commas, tab with either; or JSON lines. */
  separator: "," | ";" | "\t" | "jsonl";
  tabMark: "," | ".";
  rows: Array<{ who: string; period: string; counts: number[]; decimals: boolean }>;
  /** Each problem and the row it goes before. */
  problems: Array<{ problem: Problem; at: number }>;
  /** Where the rows are cut into files (one to three). */
  cuts: number[];
  /** The file whose header names a count column wrongly (none when beyond the files). */
  badHeader: number;
  decimalMark: "," | "." | undefined;
}

const extract: fc.Arbitrary<Extract> = fc.record({
  separator: fc.constantFrom(",", ";", "\t", "jsonl"),
  tabMark: fc.constantFrom(",", "."),
  rows: fc.uniqueArray(
    fc.record({
      who: fc.constantFrom(...MUNICIPALITIES),
      period: fc.constantFrom(...QUARTERS),
      counts: fc.array(fc.integer({ min: 0, max: 9_999 }), {
        minLength: COUNTS.length,
        maxLength: COUNTS.length,
      }),
      decimals: fc.boolean(),
    }),
    { minLength: 1, maxLength: 20, selector: (r) => `${r.who}|${r.period}` },
  ),
  problems: fc.array(
    fc.record({ problem: fc.constantFrom(...PROBLEMS), at: fc.nat({ max: 20 }) }),
    { maxLength: 4 },
  ),
  cuts: fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 2 }),
  badHeader: fc.integer({ min: 0, max: 9 }),
  decimalMark: fc.constantFrom(undefined, undefined, ",", "."),
});

function markOf(x: Extract): "," | "." {
  return x.separator === "," ? "." : x.separator === ";" ? "," : x.tabMark;
}

/** A row's count cells: every fourth in tenths with `decimals`, each part within its total. */
function countCells(counts: readonly number[], decimals: boolean, mark: "," | "."): string[] {
  const values = counts.map((v, i) => (decimals && i % 4 === 0 ? v / 10 : v));
  for (const [part, total] of PAIRS) {
    values[part as number] = Math.min(values[part as number] ?? 0, values[total as number] ?? 0);
  }
  return values.map((v, i) => (decimals && i % 4 === 0 ? v.toFixed(1).replace(".", mark) : `${v}`));
}

/** The extract's data lines, problems put in, cut into files. */
function filesOf(x: Extract, run: number): string[] {
  const mark = markOf(x);
  const other = mark === "," ? "." : ",";
  const lines: string[][] = x.rows.map((r) => [
    r.who,
    r.period,
    ...countCells(r.counts, r.decimals, mark),
  ]);
  const first = lines[0] as string[];
  const withCount = (row: string[], i: number, text: string) =>
    row.map((c, k) => (k === i + 2 ? text : c));
  for (const { problem, at } of x.problems) {
    const put = (...rows: string[][]) => lines.splice(Math.min(at, lines.length), 0, ...rows);
    switch (problem) {
      case "unknown":
        put(["Atlantis", ...first.slice(1)]);
        break;
      case "duplicate":
        put([...first]);
        break;
      case "bad-period":
        put([first[0] as string, "sometime", ...first.slice(2)]);
        break;
      case "month":
        put([first[0] as string, "2021M03", ...first.slice(2)]);
        break;
      case "subcount":
        put(withCount([first[0] as string, "2019K1", ...first.slice(2)], 1, "9999999"));
        break;
      case "bad-number":
        put(withCount([first[0] as string, "2019K2", ...first.slice(2)], 2, "1x"));
        break;
      case "negative":
        put(withCount([first[0] as string, "2019K3", ...first.slice(2)], 3, "-4"));
        break;
      case "other-mark":
        put(withCount([first[0] as string, "2019K4", ...first.slice(2)], 0, `2${other}5`));
        break;
      case "ambiguous":
        // Reads with both marks as different numbers: the row waits for the file's mark.
        put(withCount([first[0] as string, "2018K1", ...first.slice(2)], 0, `1${other}234`));
        break;
      case "spaced":
        // Reads with the other mark only, yet decides nothing (src/read/decimal.ts): a mark
        // assumed from it is not the file's, which is read again.
        put(withCount([first[0] as string, "2018K2", ...first.slice(2)], 0, `1 234${other}5`));
        break;
      case "ragged":
        put(first.slice(0, -1));
        break;
      case "aggregate":
        put(["Hele landet", ...first.slice(1)]);
        break;
      case "many-duplicates":
        put(...Array.from({ length: MANY }, () => [...first]));
        break;
      case "many-bad-numbers":
        put(
          ...Array.from({ length: MANY }, (_, i) =>
            withCount(
              [first[0] as string, `${1900 + (i >> 2)}K${(i % 4) + 1}`, ...first.slice(2)],
              4,
              "x",
            ),
          ),
        );
        break;
    }
  }
  const sep = x.separator;
  const cell = (c: string) => (c.includes(sep) || c.includes("-") ? `"${c}"` : c);
  const cuts = [...x.cuts].filter((c) => c < lines.length).sort((a, b) => a - b);
  const parts = [0, ...cuts].map((from, i) => lines.slice(from, cuts[i] ?? lines.length));
  return parts.map((part, i) => {
    const names = ["municipality", "period", ...COUNTS];
    if (i === x.badHeader) names[names.length - 1] = "labour_force_x";
    const path = join(dir, `extract-${run}-${i}.${sep === "jsonl" ? "jsonl" : "csv"}`);
    const text =
      sep === "jsonl"
        ? part.map((row) =>
            JSON.stringify(Object.fromEntries(names.map((n, k) => [n, row[k] ?? null]))),
          )
        : [names, ...part].map((row) => row.map(cell).join(sep));
    writeFileSync(path, `${text.join("\n")}\n`);
    return path;
  });
}

function options(decimalMark: "," | "." | undefined, warnings: Diagnostic[]): ReadOptions {
  return {
    countColumns: countColumnsOf(method.profile),
    onWarning: (w) => warnings.push(w),
    ...(decimalMark !== undefined ? { decimalMark } : {}),
  };
}

/** What a run shows of its reading: its exit code and error lines, or the records it holds. */
type Outcome =
  | { exitCode: 2; errors: string[]; warnings: string[] }
  | {
      exitCode: 0;
      quarters: string[];
      records: CountRecord[][];
      skipped: string[];
      warnings: string[];
    };

/**
 * A run's reading of `files`: `readGrouped` of one quarter (`several` false: every file a
 * table, its rows made count records by `countRecords`, the problems collected in one bag,
 * the way a run of several quarters read before) or of several (rows handed over).
 */
async function readWay(
  files: string[],
  decimalMark: "," | "." | undefined,
  several: boolean,
): Promise<Outcome> {
  const warnings: Diagnostic[] = [];
  try {
    const { grouped, quarters, skipped } = await readGrouped(
      files,
      method,
      registry,
      options(decimalMark, warnings),
      several,
    );
    const sorted = [...quarters].sort();
    return {
      exitCode: 0,
      quarters: sorted,
      records: sorted.map((q) => grouped.get(q) ?? []),
      skipped,
      warnings: warnings.map(formatDiagnostic),
    };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return {
      exitCode: 2,
      errors: error.diagnostics.map(formatDiagnostic),
      warnings: warnings.map(formatDiagnostic),
    };
  }
}

/** The reference: the inputs read as whole tables. */
const readAsTables = (files: string[], decimalMark?: "," | ".") =>
  readWay(files, decimalMark, false);

/** The run's way: rows handed over as they are read, held as counts. */
const readHeldWay = (files: string[], decimalMark?: "," | ".") => readWay(files, decimalMark, true);

describe("a run of several quarters reports problems as its inputs read as tables do", () => {
  let run = 0;
  it("on random extracts with problems put in", async () => {
    let broken = 0;
    let many = 0;
    await fc.assert(
      fc.asyncProperty(extract, async (x) => {
        const files = filesOf(x, run++);
        const reference = await readAsTables(files, x.decimalMark);
        reads.length = 0;
        const held = await readHeldWay(files, x.decimalMark);
        expect(held).toEqual(reference);
        // Each file read once (twice at most when its rows were converted with a mark it
        // does not use), its rows handed over, none held in a table.
        for (const file of files) {
          const of = reads.filter((r) => r.file === file);
          expect(of.length).toBeGreaterThanOrEqual(1);
          expect(of.length).toBeLessThanOrEqual(2);
          for (const r of of) expect(r).toMatchObject({ handedOver: true, rowsHeld: 0 });
        }
        if (reference.exitCode === 2) broken++;
        if (reference.exitCode === 2 && reference.errors.some((e) => e.includes("E_TOO_MANY")))
          many++;
      }),
      { numRuns: 250 },
    );
    // The extracts drawn are mostly broken, some beyond what the bag lists.
    expect(broken).toBeGreaterThan(100);
    expect(many).toBeGreaterThan(10);
  }, 120_000);

  it("a broken extract of many quarters is read once, its rows not held in a table", async () => {
    // Every quarter of 1900 to 2099, the first quarter's rows given twice: 98 duplicates.
    const codes = registry.municipalities.map((m) => m.code);
    const lines = [["municipality", "period", ...COUNTS].join(",")];
    const counts = COUNTS.map((_, i) => (i % 4 === 0 ? "10.5" : "100"));
    for (let year = 1900; year < 2100; year++) {
      for (let q = 1; q <= 4; q++) {
        for (const code of codes) lines.push([code, `${year}K${q}`, ...counts].join(","));
      }
    }
    lines.push(...lines.slice(1, 1 + codes.length));
    const path = join(dir, "many-quarters.csv");
    writeFileSync(path, `${lines.join("\n")}\n`);
    const reference = await readAsTables([path]);
    expect(reference.exitCode).toBe(2);
    reads.length = 0;
    expect(await readHeldWay([path])).toEqual(reference);
    // Before, the run read the file again as a table of all 78,498 rows.
    expect(reads).toEqual([{ file: path, handedOver: true, rowsHeld: 0 }]);
  }, 60_000);

  it("the command line: the same error lines and exit code 2", () => {
    ensureBuilt();
    const x: Extract = {
      separator: ";",
      tabMark: ",",
      rows: [
        { who: "101", period: "2021K1", counts: COUNTS.map(() => 50), decimals: true },
        { who: "147", period: "2021K1", counts: COUNTS.map(() => 70), decimals: false },
        { who: "Aarhus", period: "2021K2", counts: COUNTS.map(() => 90), decimals: true },
      ],
      problems: [
        { problem: "unknown", at: 1 },
        { problem: "bad-number", at: 2 },
        { problem: "many-duplicates", at: 3 },
        { problem: "subcount", at: 0 },
      ],
      cuts: [4],
      badHeader: 9,
      decimalMark: undefined,
    };
    const files = filesOf(x, run++);
    return readAsTables(files).then((reference) => {
      const args = ["index", "--history", "--format", "json", "--lang", "en"];
      const child = spawnSync(
        process.execPath,
        [bin, ...args, ...files.flatMap((f) => ["--input", f])],
        { encoding: "utf8" },
      );
      expect(child.status).toBe(reference.exitCode);
      expect(reference.exitCode).toBe(2);
      if (reference.exitCode !== 2) return;
      expect(child.stderr.trimEnd().split("\n")).toEqual([
        ...reference.warnings,
        ...reference.errors,
      ]);
    });
  }, 60_000);
});
